import { bench, describe } from 'vitest';
import { bookmarkList, DEFAULT_LIST_OPTIONS, prepareSearch } from '../../lib/library/bookmark-list';
import type { Bookmark } from '../../lib/storage/records';
import { bookmarkLibrary } from '../../scripts/bench/feed-data';
import { sampled } from './samples';

/**
 * Search-as-you-type in the Bookmarks tab at 10,000 bookmarks: what each keystroke recomputes
 * (filter, then sort, newest first, as BookmarksPanel does with `bookmarkList`). The first keystroke
 * after the library loads also builds every bookmark's search text, so it is measured on its own,
 * on a fresh copy of the library each time; the tab builds that text while idle once the library has
 * loaded (`prepareSearch`), so the build, and the first keystroke after it, are measured too. Rendering the list is not included (the list is
 * virtual: only the rows in view are drawn).
 */

const SIZE = 10_000;
const library = bookmarkLibrary(SIZE, Date.parse('2026-01-01')) as Bookmark[];
const upvotes = new Map(
  library.flatMap((row, i) => (row.arxivId && i % 4 === 0 ? [[row.arxivId, i % 97]] : [])),
);
const TYPED = 'contrastive loss';
const prefixes = Array.from({ length: TYPED.length }, (_, i) => TYPED.slice(0, i + 1));

const COLD_RUNS = 15;
/** Each cold run once, on its own fresh copy: no warm-up, no repeats. */
const ONCE_EACH = { iterations: COLD_RUNS, time: 0, warmupIterations: 0, warmupTime: 0 };
const freshCopies = Array.from({ length: COLD_RUNS }, () => library.map((row) => ({ ...row })));

describe(`bookmark search, ${SIZE} bookmarks`, () => {
  let copy = 0;
  bench(
    'first keystroke (search text not built yet)',
    ...sampled(
      'bookmarks.first-keystroke',
      () =>
        bookmarkList(
          freshCopies[copy++ % COLD_RUNS]!,
          { ...DEFAULT_LIST_OPTIONS, query: prefixes[0]! },
          upvotes,
        ),
      ONCE_EACH,
    ),
  );

  // What the Bookmarks tab does once the library has loaded: build the search text while idle
  // (here each slice runs at once), so that the first keystroke finds it built.
  const idleCopies = Array.from({ length: COLD_RUNS }, () => library.map((row) => ({ ...row })));
  const runAtOnce = (work: (deadline: { timeRemaining(): number }) => void) =>
    work({ timeRemaining: () => 50 });
  let built = 0;
  bench(
    'the idle build of every search text',
    ...sampled(
      'bookmarks.idle-build',
      () => prepareSearch(idleCopies[built++ % COLD_RUNS]!, runAtOnce),
      ONCE_EACH,
    ),
  );
  let typed = 0;
  bench(
    'first keystroke after the idle build',
    ...sampled(
      'bookmarks.first-keystroke-after-idle',
      () =>
        bookmarkList(
          idleCopies[typed++ % COLD_RUNS]!,
          { ...DEFAULT_LIST_OPTIONS, query: prefixes[0]! },
          upvotes,
        ),
      ONCE_EACH,
    ),
  );

  // Warm the search text as the first keystroke would have.
  bookmarkList(library, { ...DEFAULT_LIST_OPTIONS, query: 'x' }, upvotes);
  let keystroke = 0;
  bench(
    'each later keystroke',
    ...sampled(
      'bookmarks.later-keystroke',
      () =>
        bookmarkList(
          library,
          { ...DEFAULT_LIST_OPTIONS, query: prefixes[keystroke++ % prefixes.length]! },
          upvotes,
        ),
      { time: 1000 },
    ),
  );
});
