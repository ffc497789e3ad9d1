/** The budgets of issue 9, in one place: the browser benches, the library benches and the report read them here. */
export const BUDGETS = {
  contentScriptMinifiedBytes: 20 * 1024,
  contentScriptGzippedBytes: 8 * 1024,
  /** Added main-thread task time on an arXiv abstract page (in the feed and not), against no extension. */
  abstractAddedTaskMs: 8,
  /** Of that, script. */
  abstractAddedScriptMs: 3,
  listingAddedTaskMs: 12,
  nonPaperAddedTaskMs: 3,
  /** Popup first row, as a multiple of a blank extension page's text. */
  popupFirstRowRatio: 1.5,
  storeDayMs: 50,
  relatedTop10At10kMs: 15,
  bookmarkKeystrokeMs: 16,
} as const;
