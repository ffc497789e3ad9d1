import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { WEEK_MS } from '@/lib/digest/digest';
import { storeDay } from '@/lib/feed/store';
import { DB_NAME } from '@/lib/storage/db-name';
import { updateSettings } from '@/lib/storage/settings';
import { DIGEST_ALARM } from '@/lib/worker/digest';
import { stubUnimplementedBackgroundApis } from './support/background-apis';

/**
 * The weekly digest through the real worker: WXT's fake browser (alarms, notifications, storage)
 * and fake-indexeddb. A restart is a fresh module graph on the same database.
 */

const FRIDAY = Date.parse('2026-11-27T12:00:00Z');
const DAY = 86_400_000;
let permissionGranted: boolean;
const openDatabases: Dexie[] = [];

async function startWorker() {
  vi.resetModules();
  const { createWorker } = await import('@/lib/worker');
  const { getDb } = await import('@/lib/storage/db');
  openDatabases.push(getDb());
  return { ...createWorker(), db: getDb() };
}

/** Papers on the Daily Papers day of `time`, stored as a refresh would. */
async function storePapers(worker: Awaited<ReturnType<typeof startWorker>>, time: number) {
  const date = new Date(time).toISOString().slice(0, 10);
  const n = date.slice(8, 10);
  await storeDay(
    worker.db,
    {
      date,
      papers: [
        {
          id: `2611.${n}001`,
          title: 'LLM agents that plan',
          summary: '',
          authors: [],
          upvotes: 70,
          numComments: 1,
        },
        {
          id: `2611.${n}002`,
          title: 'Sparse tables',
          summary: '',
          authors: [],
          upvotes: 120,
          numComments: 0,
        },
      ],
      dropped: [],
    },
    time,
  );
}

const digests = async () =>
  Object.entries(await fakeBrowser.notifications.getAll()).filter(([id]) =>
    id.startsWith('paperpulse:digest:'),
  );

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(FRIDAY);
  permissionGranted = true;
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => permissionGranted);
  await updateSettings({ weeklyDigest: true, watchedTopics: ['agents'] });
});
afterEach(async () => {
  vi.useRealTimers();
  for (const db of openDatabases.splice(0)) db.close();
  await Dexie.delete(DB_NAME);
});

describe('the weekly digest', () => {
  it('starts a week when switched on: an alarm a week later, and nothing shown now', async () => {
    const worker = await startWorker();
    await storePapers(worker, FRIDAY);
    expect(await worker.digest.check()).toBeUndefined();
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toMatchObject({
      scheduledTime: FRIDAY + WEEK_MS,
      periodInMinutes: 7 * 24 * 60,
    });
    expect(await digests()).toEqual([]);
  });

  it('shows one digest a week later that opens the digest page, and no second one that week, restarts included', async () => {
    const first = await startWorker();
    await first.digest.check();
    vi.setSystemTime(FRIDAY + WEEK_MS);
    await storePapers(first, Date.now());
    // The alarm and the wake it caused run the check together: one digest, shown once (showing
    // the same id twice would replace it, so count the calls too).
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await Promise.all([first.digest.check(), first.digest.check()]);
    expect(create).toHaveBeenCalledTimes(1);
    const shown = await digests();
    expect(shown).toHaveLength(1);
    expect(shown[0]![0]).toBe('paperpulse:digest:2026-12-04');
    expect(shown[0]![1]).toMatchObject({
      title: 'Your PaperPulse week: 2 papers',
      message: 'Top: Sparse tables (▲ 120)',
      contextMessage: 'Watched topics: agents 1',
    });
    await fakeBrowser.notifications.clear(shown[0]![0]);

    vi.setSystemTime(Date.now() + 3 * DAY);
    const second = await startWorker();
    await second.digest.check();
    expect(await digests()).toEqual([]);
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(FRIDAY + 2 * WEEK_MS);

    vi.setSystemTime(FRIDAY + 2 * WEEK_MS);
    await storePapers(second, Date.now());
    await second.digest.check();
    expect((await digests()).map(([id]) => id)).toEqual(['paperpulse:digest:2026-12-11']);
  });

  it('shows nothing without the permission, and the overdue digest once it is granted', async () => {
    permissionGranted = false;
    const worker = await startWorker();
    await worker.digest.check();
    vi.setSystemTime(FRIDAY + WEEK_MS);
    await storePapers(worker, Date.now());
    await worker.digest.check();
    expect(await digests()).toEqual([]);
    // Tried again a day later rather than at once, over and over.
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(Date.now() + DAY);
    permissionGranted = true;
    await worker.digest.check();
    expect(await digests()).toHaveLength(1);
  });

  it('switched off: no alarm, nothing shown, and switching on again starts a new week', async () => {
    const worker = await startWorker();
    await worker.digest.check();
    await updateSettings({ weeklyDigest: false });
    await worker.digest.check();
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeUndefined();
    vi.setSystemTime(FRIDAY + WEEK_MS);
    await storePapers(worker, Date.now());
    await worker.digest.check();
    expect(await digests()).toEqual([]);
    await updateSettings({ weeklyDigest: true });
    await worker.digest.check();
    expect(await digests()).toEqual([]);
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(FRIDAY + 2 * WEEK_MS);
  });

  it('follows the setting as it changes: the background listens to storage', async () => {
    stubUnimplementedBackgroundApis();
    vi.stubGlobal(
      'fetch',
      async () => new Response('[]', { headers: { 'content-type': 'application/json' } }),
    );
    await updateSettings({ weeklyDigest: false });
    vi.resetModules();
    const { default: background } = await import('@/entrypoints/background');
    const { getDb } = await import('@/lib/storage/db');
    openDatabases.push(getDb());
    background.main();
    await updateSettings({ weeklyDigest: true });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeDefined());
    await updateSettings({ weeklyDigest: false });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeUndefined());
    vi.unstubAllGlobals();
  });
});
