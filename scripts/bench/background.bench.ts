import { test, type Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { EXTENSION_DIR } from '../../tests/e2e/support/extension';
import { utcDay } from '../../lib/dates';
import { FakeHuggingFace } from '../../tests/e2e/support/hf-server';
import { launchBrowser, serviceWorker } from './browsers';
import { addDays, feedDay } from './feed-data';
import { mb, ms, writeResult } from './results';
import { median, summarize } from './stats';

/**
 * The worker's backfill, timed from outside on a fresh profile: the stand-in serves 14 days of 50
 * papers, and the worker fetches, validates and stores whatever its refresh policy asks for. The
 * install-time refresh is made to fail (the stand-in hangs up), so the bench can start the real
 * first run itself by moving the worker's retry alarm to now, with the clock running; each follow-up
 * alarm the worker sets (its request budget splits a backfill in two runs) is fired as soon as it
 * is set. Time = from that first alarm to the last day readable in IndexedDB (read from the worker,
 * every 20 ms). Then the worker's JS heap, after a garbage collection, through a DevTools session on
 * the service worker target (Runtime.getHeapUsage), against the same worker before the backfill.
 */

const RUNS = Number(process.env.BENCH_BACKFILL_RUNS ?? 3);
const SERVED_DAYS = 14;
const PER_DAY = 50;

async function storedDaysWithPapers(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    const open = indexedDB.open('paperpulse');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains('feedDays')) return 0;
      const request = db.transaction('feedDays').objectStore('feedDays').getAll();
      const rows = await new Promise<{ paperIds: string[] }[]>(
        (resolve) => (request.onsuccess = () => resolve(request.result)),
      );
      return rows.filter((row) => row.paperIds.length > 0).length;
    } finally {
      db.close();
    }
  });
}

/** One-shot alarms due within five minutes (a retry, a follow-up), moved to now; how many. */
/**
 * Adjusts the worker's refresh state in its database, so that the figure is the backfill's work
 * and each run still goes through the worker's own gate:
 * - 'forget-failed-run': the failed offline first run is forgotten, so the next alarm is the
 *   install's first refresh (not a retry after its backoff);
 * - 'follow-up-now': a pending follow-up (the second run waits three minutes) is due now.
 */
async function adjustRefreshState(worker: Worker, what: 'forget-failed-run' | 'follow-up-now') {
  await worker.evaluate(async (what) => {
    const open = indexedDB.open('paperpulse');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const store = db.transaction('state', 'readwrite').objectStore('state');
      if (what === 'forget-failed-run') {
        for (const key of ['failedAttempts', 'lastRefreshStartedAt', 'lastRefreshFinishedAt'])
          store.put({ key, value: 0 });
      } else {
        const read = store.get('followUpAt');
        await new Promise((resolve) => (read.onsuccess = resolve));
        const at = (read.result as { value?: number } | undefined)?.value ?? 0;
        if (at > Date.now()) store.put({ key: 'followUpAt', value: Date.now() - 1000 });
      }
      await new Promise((resolve) => (store.transaction.oncomplete = resolve));
    } finally {
      db.close();
    }
  }, what);
}

async function fireSoonAlarms(worker: Worker): Promise<number> {
  await adjustRefreshState(worker, 'follow-up-now');
  return worker.evaluate(async () => {
    const soon = (await chrome.alarms.getAll()).filter(
      (alarm) => alarm.periodInMinutes === undefined && alarm.scheduledTime - Date.now() < 5 * 60_000,
    );
    for (const alarm of soon) await chrome.alarms.create(alarm.name, { when: Date.now() });
    return soon.length;
  });
}

async function workerHeap(userDataDir: string, extensionId: string) {
  const [port, path] = readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').trim().split('\n');
  const browser = await puppeteer.connect({
    browserWSEndpoint: `ws://127.0.0.1:${port}${path}`,
    defaultViewport: null,
  });
  try {
    const target = await browser.waitForTarget(
      (candidate) =>
        candidate.type() === 'service_worker' &&
        candidate.url().startsWith(`chrome-extension://${extensionId}/`),
      { timeout: 10_000 },
    );
    const session = await target.createCDPSession();
    await session.send('HeapProfiler.collectGarbage');
    const usage = await session.send('Runtime.getHeapUsage');
    await session.detach();
    return usage.usedSize;
  } finally {
    await browser.disconnect();
  }
}

test('background: a 14-day backfill answered locally, and the worker’s heap after it', async () => {
  test.setTimeout(RUNS * 120_000);
  const today = utcDay(Date.now());
  // Served by offset from the stand-in's today (tests/e2e/support/hf-server.ts).
  const days = Object.fromEntries(
    Array.from({ length: SERVED_DAYS }, (_, back) => [-back, feedDay(addDays(today, -back), PER_DAY)]),
  );
  // The days served, as the requests name them (the stand-in's `days` are keyed by offset).
  const servedDates = new Set(Array.from({ length: SERVED_DAYS }, (_, back) => addDays(today, -back)));
  const runs: {
    ms: number;
    runs: number;
    daysStored: number;
    requests: number;
    heapBefore: number;
    heapAfter: number;
  }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const hf = await new FakeHuggingFace().start();
    hf.goOffline();
    const { context, userDataDir } = await launchBrowser({
      extensionDir: EXTENSION_DIR,
      hfPort: hf.port,
      debuggingPort: true,
    });
    try {
      const worker = (await serviceWorker(context))!;
      const extensionId = new URL(worker.url()).host;
      // Keep the feed 14 days: with the default 90 the backfill goes on, within the request cap, for
      // a quarter of an hour after the 14 install days, and this figure is the install's.
      await worker.evaluate(() => chrome.storage.local.set({ settings: { version: 2, retentionDays: 14 } }));
      // The install-time refresh fails and leaves a retry alarm.
      for (
        let wait = 0;
        !(await worker.evaluate(async () =>
          (await chrome.alarms.getAll()).some((a) => a.periodInMinutes === undefined),
        ));
        wait++
      ) {
        if (wait > 300) throw new Error('no retry alarm after the failed first refresh');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const heapBefore = await workerHeap(userDataDir, extensionId);

      hf.serveDays(days);
      await adjustRefreshState(worker, 'forget-failed-run');
      const before = hf.requests.length;
      const start = performance.now();
      let fired = await fireSoonAlarms(worker);
      let stored = 0;
      let lastStoredAt = start;
      let lastRequests = hf.requests.length;
      let quietSince = performance.now();
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const now = await storedDaysWithPapers(worker);
        if (now !== stored) {
          stored = now;
          lastStoredAt = performance.now();
        }
        if (hf.requests.length !== lastRequests) {
          lastRequests = hf.requests.length;
          quietSince = performance.now();
        }
        const answered = new Set(
          hf
            .feedRequests()
            .slice(before)
            .map((url) => url.searchParams.get('date'))
            .filter((date) => servedDates.has(date!)),
        ).size;
        const quiet = performance.now() - quietSince;
        if (stored >= answered && answered > 0 && quiet > 300) {
          const more = await fireSoonAlarms(worker);
          fired += more;
          if (!more && quiet > 1500) break;
        }
        if (performance.now() - start > 90_000) throw new Error('the backfill did not finish');
      }
      // Let the worker finish after its last write (the Related index, the badge), then weigh it.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const heapAfter = await workerHeap(userDataDir, extensionId);
      runs.push({
        ms: lastStoredAt - start,
        runs: fired,
        daysStored: stored,
        requests: hf.feedRequests().length - before,
        heapBefore,
        heapAfter,
      });
    } finally {
      await context.close().catch(() => undefined);
      await hf.stop();
    }
  }

  const cell = (values: number[], format: (value: number) => string) => {
    const s = summarize(values);
    return `${format(s.median)} (${format(s.p25)}–${format(s.p75)})`;
  };
  const last = runs.at(-1)!;
  writeResult('background', {
    tables: [
      {
        order: 51,
        title: `Background: a backfill with ${SERVED_DAYS} days of ${PER_DAY} papers served locally (browser)`,
        note:
          `Fresh profile each time, ${RUNS} times, median (p25–p75). The worker stored ${last.daysStored} days ` +
          `with papers in ${last.requests} requests over ${last.runs} refresh runs: its policy backfills the ` +
          `14 days before the latest day with papers (the feed is kept 14 days here, so the backfill ends ` +
          `there). Time includes the local HTTPS round ` +
          `trips; the failed offline run before it is forgotten and the three-minute pause before the ` +
          `follow-up run is brought forward (both would otherwise dominate the figure).`,
        columns: ['figure', 'value'],
        rows: [
          [
            'first alarm → last day stored',
            cell(
              runs.map((r) => r.ms),
              (v) => ms(v, 0),
            ),
          ],
          [
            'worker JS heap before (failed first refresh, after GC)',
            cell(
              runs.map((r) => r.heapBefore),
              mb,
            ),
          ],
          [
            'worker JS heap after the backfill (after GC)',
            cell(
              runs.map((r) => r.heapAfter),
              mb,
            ),
          ],
          [
            'of it added by the backfill',
            mb(median(runs.map((r) => r.heapAfter)) - median(runs.map((r) => r.heapBefore))),
          ],
        ],
      },
    ],
    checks: [],
    data: { servedDays: SERVED_DAYS, perDay: PER_DAY, runs },
  });
});
