import { containsEveryWord, foldCase, queryWords } from '../text';
import type { Bookmark } from '../storage/records';

/** How the Bookmarks tab narrows and orders the library. Pure: the panel passes the rows in. */

export type BookmarkSort = 'added' | 'title' | 'upvotes';
export type ReadFilter = 'all' | 'unread' | 'read';

export interface BookmarkListOptions {
  query: string;
  /** Only bookmarks with this tag; empty for all. */
  tag: string;
  read: ReadFilter;
  sort: BookmarkSort;
}

export const DEFAULT_LIST_OPTIONS: BookmarkListOptions = { query: '', tag: '', read: 'all', sort: 'added' };

/** Upvotes of the papers in the cached feed, by arXiv id. */
export type UpvotesById = ReadonlyMap<string, number>;

// Rows from one live query are reused across keystrokes, so each one's text is built once.
const haystacks = new WeakMap<Bookmark, string>();

function haystack(bookmark: Bookmark): string {
  let text = haystacks.get(bookmark);
  if (text === undefined) {
    // One concatenation, not an array joined: this runs for every bookmark on the first keystroke.
    text = foldCase(
      bookmark.title +
        '\n' +
        bookmark.authors.join(' ') +
        '\n' +
        bookmark.tags.join(' ') +
        '\n' +
        bookmark.note,
    );
    haystacks.set(bookmark, text);
  }
  return text;
}

/** The browser's idle callback, as `prepareSearch` uses it (tests hand in their own). */
export type IdleScheduler = (work: (deadline: { timeRemaining(): number }) => void) => unknown;

const whenIdle: IdleScheduler = (work) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(work, { timeout: 1000 })
    : setTimeout(() => work({ timeRemaining: () => 8 }));

/**
 * Builds every bookmark's search text while the page is idle, a few milliseconds at a time, so that
 * the first keystroke after the library loads finds it built instead of building 10,000 of them
 * (measured: 18 ms, against 6 ms for each later keystroke). Returns the function that stops it
 * (the rows were replaced, or the tab closed).
 */
export function prepareSearch(bookmarks: readonly Bookmark[], idle: IdleScheduler = whenIdle): () => void {
  let next = 0;
  let stopped = false;
  const slice = (deadline: { timeRemaining(): number }) => {
    if (stopped) return;
    // At least a hundred a slice, so that a page that is never idle still gets there.
    for (let count = 0; next < bookmarks.length; count++) {
      if (count >= 100 && deadline.timeRemaining() < 1) break;
      haystack(bookmarks[next++]!);
    }
    if (next < bookmarks.length) idle(slice);
  };
  if (bookmarks.length) idle(slice);
  return () => {
    stopped = true;
  };
}

/** Every word of the query must appear in the title, authors, tags or note ("chen diffusion"). */
export function matchesQuery(bookmark: Bookmark, query: string): boolean {
  const words = queryWords(query);
  return words.length === 0 || containsEveryWord(haystack(bookmark), words);
}

export function filterBookmarks(
  bookmarks: readonly Bookmark[],
  { query, tag, read }: Pick<BookmarkListOptions, 'query' | 'tag' | 'read'>,
): Bookmark[] {
  return bookmarks.filter(
    (bookmark) =>
      (read === 'all' || bookmark.read === (read === 'read')) &&
      (!tag || bookmark.tags.includes(tag)) &&
      matchesQuery(bookmark, query),
  );
}

const titleCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const newestFirst = (a: Bookmark, b: Bookmark) => b.addedAt - a.addedAt || a.key.localeCompare(b.key);

/**
 * Newest added first; by title; or by upvotes in the cached feed, where bookmarks of papers that
 * are not in the feed (older papers, non-arXiv papers) come last, newest added first.
 */
export function sortBookmarks(
  bookmarks: readonly Bookmark[],
  sort: BookmarkSort,
  upvotes: UpvotesById = new Map(),
): Bookmark[] {
  const rows = [...bookmarks];
  if (sort === 'title')
    return rows.sort((a, b) => titleCollator.compare(a.title, b.title) || newestFirst(a, b));
  if (sort === 'added') return rows.sort(newestFirst);
  const votes = (bookmark: Bookmark) =>
    bookmark.arxivId === undefined ? undefined : upvotes.get(bookmark.arxivId);
  return rows.sort((a, b) => {
    const [left, right] = [votes(a), votes(b)];
    if (left === undefined || right === undefined) {
      return left === right ? newestFirst(a, b) : left === undefined ? 1 : -1;
    }
    return right - left || newestFirst(a, b);
  });
}

export function bookmarkList(
  bookmarks: readonly Bookmark[],
  options: BookmarkListOptions,
  upvotes?: UpvotesById,
): Bookmark[] {
  return sortBookmarks(filterBookmarks(bookmarks, options), options.sort, upvotes);
}

/** Every tag in the library with how many bookmarks carry it, most used first, for the tag filter. */
export function tagCounts(bookmarks: readonly Bookmark[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const bookmark of bookmarks)
    for (const tag of bookmark.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || titleCollator.compare(a.tag, b.tag));
}
