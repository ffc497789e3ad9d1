/**
 * How long a stored field may be. The row schemas (lib/storage/records.ts, lib/paper/ref.ts) enforce
 * them; components and the content script cut input to them, so an edited or page-made row stays a
 * valid row. No zod here: the content script imports this file.
 */
/**
 * The limits a content script cuts page text to: its own object, so that the scripts every paper
 * page loads carry these five and not the rest.
 */
export const PAGE_LIMITS = {
  titleLength: 1000,
  /** Authors a page may name for its paper (what a content script sends). */
  authors: 500,
  authorLength: 300,
  urlLength: 2000,
  /** Papers a listing page may ask about in one message. */
  idsPerMessage: 1000,
} as const;

export const LIMITS = {
  ...PAGE_LIMITS,
  keyLength: 300,
  /**
   * Authors a stored bookmark may hold. More than a page may send: a bookmark of a Daily Papers
   * paper keeps the feed's whole list, and large collaborations' reports (Gemini's technical
   * reports, for one) list over a thousand people.
   */
  bookmarkAuthors: 5_000,
  arxivIdLength: 40,
  doiLength: 300,
  tags: 100,
  tagLength: 100,
  noteLength: 20_000,
  summaryLength: 20_000,
  venueLength: 1000,
  /** How long a removed bookmark can be restored, notes and tags included. */
  trashDays: 30,
  /** An ISO date or date-time ("2024-10-22T17:59:59.000Z"), a partial one, or a year. */
  publishedAtLength: 40,
  /**
   * Bookmark timestamps: whole milliseconds from 1970 to 2100, dates every export can write with a
   * four-digit year. Fixed bounds, not "a day after now": a stamp comes from the user's clock when
   * the row was written, and a clock that was wrong then (a device booting at 1970 before it syncs)
   * or set back since must not turn stored rows invalid: they are restored, backed up and imported
   * through the same schema.
   */
  earliestTime: 0,
  latestTime: Date.UTC(2100, 0, 1),
} as const;

/**
 * What one import file may be (lib/library/import). A file beyond a cap is refused whole, with a
 * sentence that names the cap, before anything is written.
 */
export const IMPORT_LIMITS = {
  /** Checked on `File.size` before reading. A 10,000-paper backup is about 10 MB. */
  bytes: 20 * 1024 * 1024,
  /** BibTeX entries or backup rows; also what one `library.import` message may carry. */
  entries: 50_000,
  /**
   * Parsing runs in a Worker, stopped after this long (lib/library/import/off-thread.ts). Every
   * amplification is capped before parsing starts, so what is left grows with the file: a 9 MB,
   * 5,000-entry export with LaTeX in every title and abstract takes about 12 s in Chromium on a
   * 2-core machine (3 s without the LaTeX); twice that file would not fit.
   */
  seconds: 30,
  /** One `@string` once the strings it uses are substituted; real ones are journal names. */
  bibtexStringLength: 100_000,
  /** All values of a BibTeX file once `@string`s are substituted, in characters. */
  bibtexExpandedLength: 40_000_000,
  /** Syntax errors and unknown `@string` names after which a file is not read as BibTeX. */
  bibtexErrors: 1000,
} as const;
