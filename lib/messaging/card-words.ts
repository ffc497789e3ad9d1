import { messageTable, type MessageKey, type MessageTable } from '../i18n';

/**
 * Every message the content scripts' card and chips can say. The worker sends them, in the user's
 * language, with its answer about the page's paper: a content script that asks the browser for a
 * message itself (`i18n.getMessage`) makes the page wait while the browser reads and sends the
 * whole of messages.json, on every page load (measured: about 7 ms of the page's main thread).
 * The card draws its frame before the answer and its words with it. tests/unit/locales.test.ts
 * checks that this list names every key lib/content's code uses.
 */
export const CARD_WORDS = [
  'messagesLocale',
  'cardBookmark',
  'cardBookmarked',
  'cardBookmarkedTitle',
  'cardBookmarkTitle',
  'cardCode',
  'cardCodeLabel',
  'cardComments_one',
  'cardComments_other',
  'cardKept',
  'cardLookUp',
  'cardNotInFeed',
  'cardNotSaved',
  'cardOnDaily',
  'cardOpenHuggingFace',
  'cardOpenLibrary',
  'cardProject',
  'cardProjectLabel',
  'cardRank',
  'cardUnavailable',
  'cardUpvotes_one',
  'cardUpvotes_other',
  'cardWatched',
  'chipBookmarkLabel',
  'chipHasNotes',
  'chipUpvotes_one',
  'chipUpvotes_other',
  'dismiss',
] as const satisfies readonly MessageKey[];

let words: MessageTable | undefined;

/** The table, read once per worker lifetime (the language does not change while it runs). */
export function cardWords(): MessageTable {
  return (words ??= messageTable(CARD_WORDS));
}
