import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedPaper } from '@/lib/feed/schema';
import { storeDay } from '@/lib/feed/store';
import { PaperPulseDB } from '@/lib/storage/db';
import { DB_NAME } from '@/lib/storage/db-name';
import { setState } from '@/lib/storage/state';
import { TrendsRecordSchema } from '@/lib/trends/record';
import { readTrendsRecord, writeTrendsRecord } from '@/lib/trends/store-record';
import { updateTrends } from '@/lib/worker/trends';
import { feedServer } from '../support/feed-server';
import { stubUnimplementedBackgroundApis } from '../support/background-apis';

/** The worker's trends step: computed from what is stored, written as one record, never fatal. */

const HOUR = 3_600_000;
/** Monday 2026-11-23, 10:00 UTC. */
const MONDAY = Date.parse('2026-11-23T10:00:00Z');

function paper(id: string, upvotes: number, title = `Paper ${id}`): FeedPaper {
  return { id, title, summary: '', authors: [], upvotes, numComments: 0 };
}

describe('updateTrends', () => {
  let db: PaperPulseDB;
  beforeEach(() => {
    db = new PaperPulseDB('t-' + crypto.randomUUID());
  });
  afterEach(async () => {
    await db.delete();
  });

  it('stores one record that puts a paper whose upvotes jumped ahead of one that stayed still', async () => {
    // Both listed on Friday; sampled Sunday and again Monday, a day later.
    const sunday = MONDAY - 24 * HOUR;
    await storeDay(
      db,
      { date: '2026-11-20', papers: [paper('still', 100), paper('jump', 20)], dropped: [] },
      sunday,
    );
    await storeDay(
      db,
      { date: '2026-11-20', papers: [paper('still', 100), paper('jump', 60)], dropped: [] },
      MONDAY,
    );
    const record = await updateTrends(db, MONDAY + 60_000);
    expect(TrendsRecordSchema.parse(record)).toEqual(record);
    expect(record.rising.map((entry) => [entry.id, entry.gain])).toEqual([
      ['jump', 40],
      ['still', 0],
    ]);
    expect(record.basis).toMatchObject({ today: '2026-11-23', feedDays: 1, historySince: sunday });
    expect(await readTrendsRecord(db)).toEqual(record);
  });

  it('counts time on the server’s clock, as the days and samples are', async () => {
    await storeDay(db, { date: '2026-11-24', papers: [paper('a', 1)], dropped: [] }, MONDAY);
    // The local clock says Monday 23:30; the server is an hour ahead, already on Tuesday.
    await setState(db, { serverClockOffsetMs: HOUR });
    const record = await updateTrends(db, Date.parse('2026-11-23T23:30:00Z'));
    expect(record.basis.today).toBe('2026-11-24');
    expect(record.rising.map((entry) => entry.id)).toEqual(['a']);
  });

  it('reads a stored record that does not parse as none', async () => {
    await db.trends.put({ name: 'current', record: { version: 99 } as never });
    expect(await readTrendsRecord(db)).toBeUndefined();
    const record = await updateTrends(db, MONDAY);
    await writeTrendsRecord(db, record);
    expect(await readTrendsRecord(db)).toEqual(record);
  });
});

describe('the worker after a refresh', () => {
  const open: Dexie[] = [];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(MONDAY);
    stubUnimplementedBackgroundApis();
    const server = feedServer(
      { '2026-11-23': [{ id: '2611.23001', upvotes: 5 }], '2026-11-20': [{ id: '2611.20001', upvotes: 9 }] },
      {},
      { now: () => Date.now() },
    );
    vi.stubGlobal('fetch', server.fetch);
  });
  afterEach(async () => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    for (const db of open.splice(0)) db.close();
    await Dexie.delete(DB_NAME);
  });

  async function startWorker() {
    vi.resetModules();
    const { createWorker } = await import('@/lib/worker');
    const { getDb } = await import('@/lib/storage/db');
    open.push(getDb());
    return { ...createWorker(), db: getDb() };
  }

  it('records the history and stores the trends record', async () => {
    const worker = await startWorker();
    const { outcome } = await worker.scheduler.trigger('install');
    expect(outcome).toMatchObject({ ok: true });
    expect(await worker.db.paperHistory.toCollection().primaryKeys()).toEqual(['2611.20001', '2611.23001']);
    const record = await readTrendsRecord(worker.db);
    // Today's paper joined less than a day ago: its 5 upvotes are all gained; Friday's, first seen
    // now, has gained nothing yet that PaperPulse saw.
    expect(record?.rising.map((entry) => [entry.id, entry.gain])).toEqual([
      ['2611.23001', 5],
      ['2611.20001', 0],
    ]);
  });

  it('a failure computing the trends is logged and does not fail the refresh', async () => {
    const worker = await startWorker();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(worker.db.trends, 'put').mockRejectedValue(new Error('QuotaExceededError'));
    const { outcome } = await worker.scheduler.trigger('install');
    expect(outcome).toMatchObject({ ok: true });
    expect(await worker.db.feedDays.get('2026-11-23')).toBeDefined();
    expect(logged).toHaveBeenCalledWith('PaperPulse: could not compute the trends', expect.any(Error));
  });
});
