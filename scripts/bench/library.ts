import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGETS } from './budgets';
import { ms, rawDir, type BenchResult, type Check, type Table } from './results';
import { summarize, type Summary } from './stats';

/**
 * The library benches (tests/bench/*.bench.ts, run by vitest) turned into the report's tables and
 * checks, from the samples they wrote under the keys they gave `sampled` (tests/bench/samples.ts).
 */

/** The samples tests/bench/samples.ts wrote for `key`, summarised (wall clock, and CPU beside it). */
function samplesOf(key: string): { wall: Summary; cpu: Summary } | undefined {
  const path = join(rawDir(), 'library', `${key}.json`);
  if (!existsSync(path)) return undefined;
  const { wall, cpu } = JSON.parse(readFileSync(path, 'utf8')) as { wall: number[]; cpu: number[] };
  return wall.length ? { wall: summarize(wall), cpu: summarize(cpu) } : undefined;
}

const cell = (s: { wall: Summary; cpu: Summary }) =>
  `${s.wall.median.toFixed(2)} (${s.wall.p25.toFixed(2)}–${s.wall.p75.toFixed(2)}), CPU ${s.cpu.median.toFixed(2)}, n = ${s.wall.n}`;

export function libraryResult(): BenchResult | undefined {
  if (!existsSync(join(rawDir(), 'library'))) return undefined;
  const tables: Table[] = [];
  const checks: Check[] = [];
  const data: Record<string, unknown> = {};
  const missing = (figure: string, budget: string) =>
    checks.push({ figure, measured: 'not measured', budget, ok: null });

  const store = samplesOf('store.new-day');
  const restore = samplesOf('store.same-day');
  if (store && restore) {
    tables.push({
      order: 50,
      title: 'Background: validating and storing a 100-item day (library bench)',
      note:
        'parseFeedPage (zod, item by item) and storeDay (one Dexie transaction) on fake-indexeddb, into a ' +
        'database already holding 89 days of 50 papers; ms, median (p25–p75). A library bench because ' +
        'the worker offers no outside seam that separates validating and storing a day from the network ' +
        'and the scheduling around it (tests/bench/store-day.bench.ts says more).',
      columns: ['figure', 'ms'],
      rows: [
        ['a new day of 100 papers', cell(store)],
        ['the same day again (the hourly refresh of today)', cell(restore)],
      ],
    });
    data.storeDay = { newDay: store, sameDay: restore };
  }
  checks.push(
    store
      ? {
          figure: 'store a 100-item day',
          measured: ms(store.wall.median),
          budget: `≤ ${BUDGETS.storeDayMs} ms`,
          ok: store.wall.median <= BUDGETS.storeDayMs,
        }
      : {
          figure: 'store a 100-item day',
          measured: 'not measured',
          budget: `≤ ${BUDGETS.storeDayMs} ms`,
          ok: null,
        },
  );

  const sizes = [1_000, 10_000, 50_000];
  const related = sizes.map((size) => ({
    size,
    build: samplesOf(`related.build.${size}`),
    query: samplesOf(`related.query.${size}`),
  }));
  tables.push({
    order: 60,
    title: 'Related papers: index build and top-10 query (library bench)',
    note:
      'RelatedIndex from lib/related.ts over a corpus recombined from the fixtures’ real titles and ' +
      'abstracts; the query is a real paper not in the corpus (40 of them in turn). ms, median (p25–p75).',
    columns: ['papers', 'build the index', 'top-10 query, index built'],
    rows: related.map(({ size, build, query }) => [
      size.toLocaleString('en-US'),
      build ? cell(build) : 'not measured',
      query ? cell(query) : 'not measured',
    ]),
  });
  data.related = related;
  const at10k = related[1]!.query;
  if (at10k)
    checks.push({
      figure: 'related top-10 at 10,000 papers (index built)',
      measured: ms(at10k.wall.median, 2),
      budget: `≤ ${BUDGETS.relatedTop10At10kMs} ms`,
      ok: at10k.wall.median <= BUDGETS.relatedTop10At10kMs,
    });
  else missing('related top-10 at 10,000 papers (index built)', `≤ ${BUDGETS.relatedTop10At10kMs} ms`);

  const cold = samplesOf('bookmarks.first-keystroke');
  const idleBuild = samplesOf('bookmarks.idle-build');
  const afterIdle = samplesOf('bookmarks.first-keystroke-after-idle');
  const warm = samplesOf('bookmarks.later-keystroke');
  if (cold && idleBuild && afterIdle && warm) {
    tables.push({
      order: 70,
      title: 'Bookmarks: search as you type at 10,000 bookmarks (library bench)',
      note:
        'bookmarkList (filter, then sort newest first) from lib/popup/bookmark-list.ts, as the Bookmarks ' +
        'tab runs it on every keystroke of “contrastive loss”; the list itself is virtual and not included. ms, median (p25–p75).',
      columns: ['keystroke', 'ms'],
      rows: [
        ['the first, typed before the idle build (builds every bookmark’s search text)', cell(cold)],
        [
          'the idle build of every search text, once the library has loaded (in slices while idle)',
          cell(idleBuild),
        ],
        ['the first, after the idle build (what typing into the tab gets)', cell(afterIdle)],
        ['each later one', cell(warm)],
      ],
    });
    data.bookmarkSearch = { cold, idleBuild, afterIdle, warm };
    for (const [which, summary] of [
      ['first, after the idle build', afterIdle],
      ['later', warm],
    ] as const)
      checks.push({
        figure: `bookmark search keystroke at 10,000 (${which})`,
        measured: ms(summary.wall.median, 2),
        budget: `≤ ${BUDGETS.bookmarkKeystrokeMs} ms`,
        ok: summary.wall.median <= BUDGETS.bookmarkKeystrokeMs,
      });
  } else missing('bookmark search keystroke at 10,000', `≤ ${BUDGETS.bookmarkKeystrokeMs} ms`);

  return { tables, checks, data };
}
