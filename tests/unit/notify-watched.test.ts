import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { addDays } from '@/lib/dates';
import { DB_NAME } from '@/lib/storage/db-name';
import { updateSettings } from '@/lib/storage/settings';

/**
 * Watched-topic notifications, driven through the real worker (lib/worker/index.ts): a fake Daily
 * Papers API, WXT's fake browser and fake-indexeddb. A worker restart is a fresh module graph on the
 * same database, as when the browser stops the service worker and starts it again.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Friday 2026-11-27, 10:00 UTC. */
const FRIDAY = Date.parse('2026-11-27T10:00:00Z');
const TODAY = '2026-11-27';

interface FeedPaper {
  id: string;
  title: string;
  summary?: string;
  upvotes?: number;
  keywords?: string[];
}

let feed: Record<string, FeedPaper[]>;
let permissionGranted: boolean;

function serve(input: RequestInfo | URL): Response {
  const url = new URL(String(input));
  const papers = feed[url.searchParams.get('date') ?? ''] ?? [];
  const body = papers.map((paper) => ({
    title: paper.title,
    numComments: 0,
    paper: {
      id: paper.id,
      title: paper.title,
      summary: paper.summary ?? '',
      upvotes: paper.upvotes ?? 1,
      ai_keywords: paper.keywords,
    },
  }));
  // Hugging Face dates its answers: the worker prunes the feed only by a today the server confirmed.
  return new Response(JSON.stringify(body), {
    headers: { 'content-type': 'application/json', date: new Date(Date.now()).toUTCString() },
  });
}

/** A week of papers on nothing anyone watches. */
function quietWeek(): Record<string, FeedPaper[]> {
  const days: Record<string, FeedPaper[]> = {};
  for (let back = 0; back < 7; back++) {
    const date = addDays(TODAY, -back);
    days[date] = [1, 2].map((n) => ({
      id: `2611.${String(27 - back).padStart(2, '0')}00${n}`,
      title: `Sparse tables for spreadsheet parsing, part ${n}`,
    }));
  }
  return days;
}

const diffusion = (n: number, upvotes = 10): FeedPaper => ({
  id: `2611.2790${n}`,
  title: `Fast sampling for diffusion models ${n}`,
  upvotes,
});
const agents: FeedPaper = {
  id: '2611.27800',
  title: 'Tool use at scale',
  summary: 'We study LLM agents that call tools.',
  upvotes: 50,
};
const unrelated: FeedPaper = { id: '2611.27700', title: 'A survey of graph databases', upvotes: 99 };

/** A worker as the browser starts one: fresh modules (nothing kept in memory) on the stored data. */
async function startWorker() {
  vi.resetModules();
  const { createWorker } = await import('@/lib/worker');
  const { getDb } = await import('@/lib/storage/db');
  openDatabases.push(getDb());
  return createWorker();
}
const openDatabases: Dexie[] = [];

type Worker = Awaited<ReturnType<typeof startWorker>>;

/** One refresh an hour after the last, as the hourly alarm runs it. */
async function refresh(worker: Worker) {
  vi.setSystemTime(Date.now() + HOUR);
  await worker.scheduler.trigger('alarm');
}

async function shown() {
  return fakeBrowser.notifications.getAll();
}

/** The install: the week is stored (two runs: the backfill is more than one run's budget). */
async function installed(): Promise<Worker> {
  const worker = await startWorker();
  await worker.scheduler.trigger('install');
  await refresh(worker);
  return worker;
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(FRIDAY);
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => serve(input));
  feed = quietWeek();
  permissionGranted = true;
  // WXT's fake browser has no permissions API: this is the one answer the code asks of it.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => permissionGranted);
  await updateSettings({ notifyWatched: true, watchedTopics: ['diffusion models', 'agents'] });
});
afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  for (const db of openDatabases.splice(0)) db.close();
  await Dexie.delete(DB_NAME);
});

describe('watched-topic notifications', () => {
  it('shows one notification for one new matching paper, and says what it is', async () => {
    const worker = await installed();
    expect(await shown()).toEqual({});
    feed[TODAY]!.push(diffusion(1), unrelated);
    await refresh(worker);
    const notifications = await shown();
    expect(Object.keys(notifications)).toEqual(['paperpulse:paper:2611.27901']);
    expect(notifications['paperpulse:paper:2611.27901']).toMatchObject({
      type: 'basic',
      title: 'New paper on diffusion models',
      message: 'Fast sampling for diffusion models 1',
      iconUrl: 'chrome-extension://test-extension-id/icon/128.png',
    });
  });

  it('batches three papers that arrive together into one list notification', async () => {
    const worker = await installed();
    feed[TODAY]!.push(diffusion(1, 5), agents, diffusion(2, 20));
    await refresh(worker);
    const notifications = await shown();
    const ids = Object.keys(notifications);
    expect(ids).toHaveLength(1);
    // Most upvoted first: the agents paper (50), then 20, then 5.
    expect(ids[0]).toBe('paperpulse:papers:2611.27800,2611.27902,2611.27901');
    expect(notifications[ids[0]!]).toMatchObject({
      type: 'list',
      title: '3 new papers on your watched topics: agents, diffusion models',
      items: [
        { title: 'Tool use at scale', message: 'agents' },
        { title: 'Fast sampling for diffusion models 2', message: 'diffusion models' },
        { title: 'Fast sampling for diffusion models 1', message: 'diffusion models' },
      ],
    });
  });

  it('shows nothing for papers that match no watched topic', async () => {
    const worker = await installed();
    feed[TODAY]!.push(unrelated);
    await refresh(worker);
    expect(await shown()).toEqual({});
  });

  it('never announces the install’s backfill, matching papers included', async () => {
    feed[addDays(TODAY, -3)]!.push(diffusion(1));
    await installed();
    expect(await shown()).toEqual({});
  });

  it('never shows a paper twice: later refreshes bring it again, with new upvotes', async () => {
    const worker = await installed();
    feed[TODAY]!.push(diffusion(1));
    await refresh(worker);
    await fakeBrowser.notifications.clear('paperpulse:paper:2611.27901');
    feed[TODAY] = feed[TODAY]!.map((paper) => ({ ...paper, upvotes: 40 }));
    await refresh(worker);
    await refresh(worker);
    expect(await shown()).toEqual({});
  });

  it('never shows a paper twice across a worker restart, and still notifies what is new', async () => {
    const first = await installed();
    feed[TODAY]!.push(diffusion(1));
    await refresh(first);
    await fakeBrowser.notifications.clear('paperpulse:paper:2611.27901');

    const second = await startWorker();
    await second.scheduler.trigger('wake');
    await refresh(second);
    expect(await shown()).toEqual({});

    feed[TODAY]!.push(diffusion(2));
    await refresh(second);
    expect(Object.keys(await shown())).toEqual(['paperpulse:paper:2611.27902']);
  });

  it('notifies on the next run what a stopped worker stored but never announced', async () => {
    await installed();
    feed[TODAY]!.push(diffusion(1));
    // The worker is stopped after the day is stored, before anything runs after the refresh.
    vi.setSystemTime(Date.now() + HOUR);
    const { getDb } = await import('@/lib/storage/db');
    const { runRefresh } = await import('@/lib/feed/refresh');
    await runRefresh({
      db: getDb(),
      fetch: async (input) => serve(input),
      now: Date.now(),
      retentionDays: 90,
    });
    expect(await getDb().papers.get('2611.27901')).toBeDefined();
    expect(await shown()).toEqual({});

    const second = await startWorker();
    await refresh(second);
    expect(Object.keys(await shown())).toEqual(['paperpulse:paper:2611.27901']);
  });

  it('still announces new papers and never repeats old ones when the clock is set back', async () => {
    const worker = await installed();
    feed[TODAY]!.push(diffusion(1));
    await refresh(worker);
    await fakeBrowser.notifications.clear('paperpulse:paper:2611.27901');
    // The clock goes back three hours: what arrives now is stamped before what was announced.
    vi.setSystemTime(Date.now() - 3 * HOUR);
    feed[TODAY]!.push(diffusion(2));
    // The gate sees every request stamped "in the future" as made just now, so the first ask finds
    // the request ledger full; five minutes later "Refresh now" (which skips the interval) runs.
    expect((await worker.scheduler.manual()).started).toBe(false);
    vi.setSystemTime(Date.now() + 6 * MINUTE);
    expect((await worker.scheduler.manual()).started).toBe(true);
    expect(Object.keys(await shown())).toEqual(['paperpulse:paper:2611.27902']);
  });

  it('shows nothing without the notifications permission, and does not catch up once granted', async () => {
    permissionGranted = false;
    const worker = await installed();
    feed[TODAY]!.push(diffusion(1));
    await refresh(worker);
    expect(await shown()).toEqual({});
    // Granted later: only papers that arrive from then on are announced.
    permissionGranted = true;
    await refresh(worker);
    expect(await shown()).toEqual({});
    feed[TODAY]!.push(diffusion(2));
    await refresh(worker);
    expect(Object.keys(await shown())).toEqual(['paperpulse:paper:2611.27902']);
  });

  it('shows nothing with the setting off', async () => {
    await updateSettings({ notifyWatched: false });
    const worker = await installed();
    feed[TODAY]!.push(diffusion(1), agents);
    await refresh(worker);
    expect(await shown()).toEqual({});
  });

  it('keeps the notified ids only while the feed keeps their papers', async () => {
    const worker = await installed();
    feed[TODAY]!.push(diffusion(1));
    await refresh(worker);
    const { getDb } = await import('@/lib/storage/db');
    const { getState } = await import('@/lib/storage/state');
    expect(await getState(getDb(), 'watchedNotifiedIds')).toEqual(['2611.27901']);
    // 91 days later the feed has pruned that day, and the id with it.
    feed = {};
    vi.setSystemTime(FRIDAY + 91 * 24 * HOUR);
    // The runs the gate allows, each at its follow-up, until the backfill of the days since is done;
    // pruning comes with storing.
    for (let run = 0; run < 10; run++) {
      const { outcome, nextAllowedAt } = await worker.scheduler.trigger('alarm');
      if (!outcome?.more) break;
      vi.setSystemTime(nextAllowedAt);
    }
    expect(await getDb().papers.get('2611.27901')).toBeUndefined();
    expect(await getState(getDb(), 'watchedNotifiedIds')).toEqual([]);
  });
});
