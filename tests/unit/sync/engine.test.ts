// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { BUCKET_KEY_PREFIX, bucketKey, bucketOf } from '@/lib/sync/buckets';
import { isDeleted } from '@/lib/sync/record';
import { describeSyncPlan } from '@/lib/sync/summary-text';
import { DAY } from './library';
import { expectConverged, syncedRows, World, type Row } from './harness';
import { CHROME_LIMITS, chromeItemBytes } from './fake-sync-service';
import { libraryRows } from './library';

const P1 = 'arxiv:2410.17243';
const P2 = 'arxiv:2401.00001';
const P3 = 'doi:10.1101/2021.08.03.454978';

function twoBrowsers() {
  const world = new World(['laptop', 'desktop']);
  const [laptop, desktop] = world.browsers as [(typeof world.browsers)[0], (typeof world.browsers)[0]];
  return { world, laptop, desktop };
}

describe('turning sync on', () => {
  it('merges two existing libraries into their union, the more recent edit winning per bookmark', async () => {
    const { world, laptop, desktop } = twoBrowsers();
    const row = (key: string, note: string, updatedAt: number): Row => ({
      key,
      title: `Title of ${key}`,
      tags: [],
      note,
      read: false,
      addedAt: world.time - 10 * DAY,
      updatedAt,
      summary: `abstract ${key}`,
    });
    laptop.library.importRow(row(P1, 'laptop only', world.time - DAY));
    laptop.library.importRow(row(P2, 'older note', world.time - 3 * DAY));
    desktop.library.importRow(row(P2, 'newer note', world.time - 2 * DAY));
    desktop.library.importRow(row(P3, 'desktop only', world.time - DAY));

    await world.settle();
    expectConverged(world);
    expect(Object.keys(syncedRows(laptop.library)).sort()).toEqual([P1, P2, P3].sort());
    expect(laptop.library.rows.get(P2)?.note).toBe('newer note');
    // What changed here is reported by key, for the worker to tell open tabs.
    const applied = laptop.outcomes.map((outcome) => outcome.applied);
    expect(applied.flatMap((changes) => changes.created)).toEqual([P3]);
    expect(applied.flatMap((changes) => changes.updated)).toEqual([P2]);
    expect(applied.flatMap((changes) => changes.deleted)).toEqual([]);
    // Local-only fields stay where they were written; a bookmark that arrived has none yet.
    expect(laptop.library.rows.get(P2)?.summary).toBe(`abstract ${P2}`);
    expect(laptop.library.rows.get(P3)?.summary).toBe('');
  });

  it('while off, writes nothing to the area (and reads nothing); turned on later, it merges', async () => {
    const { world, laptop, desktop } = twoBrowsers();
    desktop.enabled = false;
    laptop.library.add(P1);
    desktop.library.add(P2);
    desktop.library.edit(P2, { note: 'made while sync was off' });
    await world.settle();
    expect(desktop.outcomes.every((outcome) => outcome.status === 'off')).toBe(true);
    expect(desktop.area.calls).toEqual({ get: 0, set: 0, remove: 0 });
    expect(desktop.library.rows.has(P1)).toBe(false);
    expect(laptop.library.rows.has(P2)).toBe(false);

    desktop.enabled = true;
    await world.settle();
    expectConverged(world);
    expect(laptop.library.rows.get(P2)?.note).toBe('made while sync was off');
  });
});

describe('concurrent edits', () => {
  it('of different fields of one bookmark keep both', async () => {
    const { world, laptop, desktop } = twoBrowsers();
    laptop.library.add(P1);
    await world.settle();
    laptop.area.online = desktop.area.online = false;
    laptop.library.edit(P1, { tags: ['serving'] });
    desktop.library.edit(P1, { note: 'see table 2', read: true });
    await laptop.sync();
    await desktop.sync();
    laptop.area.online = desktop.area.online = true;
    await world.settle();
    expectConverged(world);
    expect(syncedRows(laptop.library)[P1]).toMatchObject({
      tags: ['serving'],
      note: 'see table 2',
      read: true,
    });
  });

  it('of the same field: the later edit wins everywhere, also on a machine whose clock is behind', async () => {
    const { world, laptop, desktop } = twoBrowsers();
    desktop.skew = -30_000;
    laptop.library.add(P1);
    await world.settle();
    laptop.area.online = desktop.area.online = false;
    laptop.library.edit(P1, { note: 'first' });
    world.advance(60_000);
    desktop.library.edit(P1, { note: 'second, a minute later' });
    await laptop.sync();
    await desktop.sync();
    laptop.area.online = desktop.area.online = true;
    await world.settle();
    expectConverged(world);
    expect(laptop.library.rows.get(P1)?.note).toBe('second, a minute later');
  });
});

describe('deletions', () => {
  it('a deletion on one browser wins over an earlier edit on the other', async () => {
    const { world, laptop, desktop } = twoBrowsers();
    laptop.library.add(P1);
    await world.settle();
    desktop.area.online = false;
    desktop.library.edit(P1, { note: 'edited before the deletion' });
    await desktop.sync();
    world.advance(5_000);
    laptop.library.remove(P1);
    await laptop.sync();
    desktop.area.online = true;
    await world.settle();
    expectConverged(world);
    expect(laptop.library.rows.has(P1)).toBe(false);
    expect(desktop.library.rows.has(P1)).toBe(false);
    expect(desktop.outcomes.flatMap((outcome) => outcome.applied.deleted)).toEqual([P1]);
    // The edit is not thrown away: it is in the record (and the trash), should the bookmark be restored.
    expect(desktop.library.records.get(P1)?.note).toMatchObject({ value: 'edited before the deletion' });
  });

  it('an edit made after the deletion (by the clock) revives the bookmark everywhere', async () => {
    const { world, laptop, desktop } = twoBrowsers();
    laptop.library.add(P1);
    await world.settle();
    desktop.area.online = false;
    laptop.library.remove(P1);
    await laptop.sync();
    world.advance(5_000);
    desktop.library.edit(P1, { read: true });
    desktop.area.online = true;
    await world.settle();
    expectConverged(world);
    expect(laptop.library.rows.get(P1)?.read).toBe(true);
  });

  it('a restore from trash brings the bookmark back on every browser, note and tags included', async () => {
    const { world, laptop, desktop } = twoBrowsers();
    laptop.library.add(P1);
    laptop.library.edit(P1, { note: 'worth keeping', tags: ['serving'] });
    await world.settle();
    laptop.library.remove(P1);
    await world.settle();
    expect(desktop.library.rows.has(P1)).toBe(false);
    expect(desktop.library.trash.has(P1)).toBe(true);
    desktop.library.restore(P1);
    await world.settle();
    expectConverged(world);
    expect(syncedRows(laptop.library)[P1]).toMatchObject({ note: 'worth keeping', tags: ['serving'] });
  });

  it('a stale copy from a browser that was offline for months never undoes a deletion', async () => {
    const world = new World(['laptop', 'desktop', 'old-laptop']);
    const [laptop, desktop, old] = world.browsers as [
      (typeof world.browsers)[0],
      (typeof world.browsers)[0],
      (typeof world.browsers)[0],
    ];
    laptop.library.add(P1);
    laptop.library.add(P2);
    await world.settle();
    old.area.online = false;
    world.advance(90 * DAY);
    laptop.library.remove(P1);
    await world.settle();
    world.advance(100 * DAY);
    // The old laptop wakes up still holding P1, edits something else, and syncs.
    old.library.edit(P2, { note: 'back from leave' });
    old.area.online = true;
    await world.settle();
    expectConverged(world);
    for (const browser of [laptop, desktop, old]) {
      expect(browser.library.rows.has(P1)).toBe(false);
      expect(browser.library.rows.get(P2)?.note).toBe('back from leave');
    }
  });

  it('remembers a deletion the area forgot, and answers a copy that shows up after 180 days', async () => {
    const { world, laptop, desktop } = twoBrowsers();
    laptop.library.add(P1);
    await world.settle();
    desktop.area.online = false;
    laptop.library.remove(P1);
    await world.settle();
    world.advance(200 * DAY);
    // The laptop rewrites P1's bucket for another reason: the 200-day-old tombstone is dropped.
    const neighbour = Array.from({ length: 500 }, (_, i) => `arxiv:2402.${String(i).padStart(5, '0')}`).find(
      (key) => bucketOf(key, 16) === bucketOf(P1, 16),
    )!;
    laptop.library.add(neighbour);
    await world.settle();
    expect(JSON.stringify(JSON.parse(laptop.area.items.get(bucketKey(bucketOf(P1, 16)))!))).not.toContain(P1);
    desktop.area.online = true;
    await world.settle();
    expectConverged(world);
    expect(desktop.library.rows.has(P1)).toBe(false);
    expect(isDeleted(laptop.library.records.get(P1)!)).toBe(true);
  });
});

describe('quota errors and the write budget', () => {
  it('a quota error loses nothing locally, says what is not synced, and the next run sends it', async () => {
    const { world, laptop, desktop } = twoBrowsers();
    laptop.library.add(P1);
    await world.settle();
    laptop.library.edit(P1, { note: 'must not be lost' });
    const rowsBefore = structuredClone(laptop.library.rows);
    const recordsBefore = structuredClone(laptop.library.records);
    laptop.area.failures.push('QUOTA_BYTES_PER_ITEM quota exceeded');
    const failed = await laptop.sync();
    expect(failed).toMatchObject({
      status: 'failed',
      error: { message: 'QUOTA_BYTES_PER_ITEM quota exceeded', quota: 'item-bytes' },
      pending: [bucketKey(bucketOf(P1, 16))],
      pendingBookmarks: 1,
      written: [],
    });
    expect(laptop.library.rows).toEqual(rowsBefore);
    expect(laptop.library.records).toEqual(recordsBefore);
    await world.settle();
    expect(desktop.library.rows.get(P1)?.note).toBe('must not be lost');
  });

  it('a rate-limit error says when to try again', async () => {
    const { world, laptop } = twoBrowsers();
    laptop.library.add(P1);
    laptop.area.failures.push('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    const failed = await laptop.sync();
    expect(failed).toMatchObject({
      status: 'failed',
      error: { quota: 'writes-per-minute' },
      retryAt: world.time + 60_000,
    });
  });

  it('defers writes when its own budget is spent, and writes when the window has passed', async () => {
    const { world, laptop } = twoBrowsers();
    laptop.recentWrites = Array.from({ length: 60 }, (_, i) => world.time - 50_000 + i * 100);
    laptop.library.add(P1);
    const deferred = await laptop.sync();
    expect(deferred).toMatchObject({
      status: 'deferred',
      retryAt: world.time + 10_000,
      pendingBookmarks: 1,
      written: [],
    });
    expect(laptop.area.calls.set).toBe(0);
    world.advance(10_000);
    expect(await laptop.sync()).toMatchObject({ status: 'synced', written: [bucketKey(bucketOf(P1, 16))] });
  });
});

describe('what is written', () => {
  it('one edit rewrites one item, in one write operation; a sync with nothing new writes nothing', async () => {
    const { world, laptop } = twoBrowsers();
    for (const key of [P1, P2, P3]) laptop.library.add(key);
    await world.settle();
    const writes = laptop.area.calls.set;
    laptop.library.edit(P2, { read: true });
    expect(await laptop.sync()).toMatchObject({ written: [bucketKey(bucketOf(P2, 16))] });
    expect(laptop.area.calls.set).toBe(writes + 1);
    expect(await laptop.sync()).toMatchObject({ status: 'synced', written: [] });
    expect(laptop.area.calls.set).toBe(writes + 1);
  });

  it('never overwrites a bucket written by a later version, and leaves other items alone', async () => {
    const { laptop } = twoBrowsers();
    const key = bucketKey(bucketOf(P1, 16));
    laptop.area.items.set(key, JSON.stringify({ v: 2, future: true }));
    laptop.area.items.set('settings', JSON.stringify({ theme: 'dark' }));
    laptop.library.add(P1);
    const outcome = await laptop.sync();
    expect(outcome).toMatchObject({ newerFormat: true, pending: [] });
    expect(JSON.parse(laptop.area.items.get(key)!)).toEqual({ v: 2, future: true });
    expect(JSON.parse(laptop.area.items.get('settings')!)).toEqual({ theme: 'dark' });
  });

  it.each([5_000, 20_000])(
    'with %i bookmarks: the area stays within quota, the other browser gets what fits',
    async (size) => {
      const { world, laptop, desktop } = twoBrowsers();
      for (const row of libraryRows(size)) laptop.library.importRow({ ...row, summary: 'local' });
      await world.settle();
      const total = [...laptop.area.items].reduce(
        (sum, [key, json]) => sum + chromeItemBytes(key, JSON.parse(json)),
        0,
      );
      expect(total).toBeLessThanOrEqual(CHROME_LIMITS.QUOTA_BYTES);
      expect([...laptop.area.items.keys()].every((key) => key.startsWith(BUCKET_KEY_PREFIX))).toBe(true);
      expect(laptop.library.rows.size).toBe(size);
      const outcome = laptop.outcomes.at(-1)!;
      expect(desktop.library.rows.size).toBe(outcome.plan!.synced);
      expect(describeSyncPlan(outcome.plan!)).toContain('kept on this device only');
      // What the desktop holds is exactly what the laptop holds for those bookmarks, notes aside.
      for (const [key, row] of desktop.library.rows) {
        const mine = laptop.library.rows.get(key)!;
        expect({ ...row, note: '', updatedAt: 0, summary: '' }).toEqual({
          ...mine,
          note: '',
          updatedAt: 0,
          summary: '',
        });
        if (row.note) expect(row.note).toBe(mine.note);
      }
    },
    60_000,
  );
});
