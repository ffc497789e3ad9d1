import 'fake-indexeddb/auto';
import { bench, describe } from 'vitest';
import { PaperPulseDB } from '../../lib/storage/db';
import { parseFeedPage } from '../../lib/feed/parse';
import { storeDay } from '../../lib/feed/store';
import { addDays, feedDay } from '../../scripts/bench/feed-data';
import { sampled } from './samples';

/**
 * The worker's part of a refresh, for one day of 100 papers (the API's largest page): validating the
 * items (zod, item by item) and writing the day in one Dexie transaction, into a database that already
 * holds 89 days of 50 papers. A library bench on fake-indexeddb rather than a timing of the worker
 * from outside: from outside, a refresh's time is mostly the network and the scheduling between
 * requests, with no seam that isolates validating and storing one day. fake-indexeddb runs in the
 * same thread, so this counts our code and the IndexedDB work alike (in Chromium the commit itself
 * happens off the worker's thread). The browser bench times a whole backfill from outside.
 */

const DAY_SIZE = 100;
const RUNS = 25;
const db = new PaperPulseDB('paperpulse-bench-store-day');
const today = '2026-06-30';
for (let back = 1; back <= 89; back++) {
  const date = addDays(today, -back - RUNS - 10);
  const { papers, dropped } = parseFeedPage(feedDay(date, 50));
  await storeDay(db, { date, papers, dropped }, Date.now());
}
// New days to store, made before the clock starts: one per iteration, each with papers not yet stored.
const newDays = Array.from({ length: RUNS + 5 }, (_, i) => {
  const date = addDays(today, -i);
  return { date, items: feedDay(date, DAY_SIZE) };
});
const refreshed = newDays[0]!;

describe(`store a day of ${DAY_SIZE} papers`, () => {
  let next = 0;
  bench(
    'validate and store a new day',
    ...sampled(
      'store.new-day',
      async () => {
        const { date, items } = newDays[next++ % newDays.length]!;
        const { papers, dropped } = parseFeedPage(items);
        await storeDay(db, { date, papers, dropped }, Date.now());
      },
      { iterations: RUNS, time: 0, warmupIterations: 3, warmupTime: 0 },
    ),
  );
  bench(
    'validate and store the same day again (hourly refresh)',
    ...sampled(
      'store.same-day',
      async () => {
        const { papers, dropped } = parseFeedPage(refreshed.items);
        await storeDay(db, { date: refreshed.date, papers, dropped }, Date.now());
      },
      { iterations: RUNS, time: 0, warmupIterations: 3, warmupTime: 0 },
    ),
  );
});
