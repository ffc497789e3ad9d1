import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createBookmarkWriter } from '@/lib/storage/bookmarks';
import { PaperPulseDB } from '@/lib/storage/db';
import type { Bookmark } from '@/lib/storage/records';
import { SETTINGS_KEY, DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { createSyncLibrary } from '@/lib/storage/sync-library';
import { readReplicaId, REPLICA_ID_KEY } from '@/lib/storage/sync-state';
import { isDeleted, type SyncRecord } from '@/lib/sync/record';
import { recordAfterEdit } from '@/lib/sync/local-edit';
import { clearData } from '@/lib/worker/clear-data';

const NOW = Date.parse('2026-11-27T10:00:00Z');
const REF = {
  key: 'arxiv:2410.17243',
  site: 'arxiv',
  arxivId: '2410.17243',
  title: 'Breaking the Memory Barrier',
};
const OTHER = {
  key: 'doi:10.1101/2021.08.03.454978',
  site: 'biorxiv',
  doi: '10.1101/2021.08.03.454978',
  title: 'A preprint',
};

let db: PaperPulseDB;
let clock: number;
const writer = () =>
  createBookmarkWriter({ db, now: () => clock, announce: async () => {}, replicaId: async () => 'here01' });
const record = async (key: string) => (await db.syncRecords.get(key)) as SyncRecord | undefined;
const valueOf = <T>(register: { value: T } | object | undefined) =>
  (register as { value: T } | undefined)?.value;

beforeEach(() => {
  db = new PaperPulseDB('t-' + crypto.randomUUID());
  clock = NOW;
});
afterEach(async () => {
  await db.delete();
});

describe('every bookmark write stamps its sync record in the same transaction', () => {
  it('adding records the whole bookmark, live, stamped now by this browser', async () => {
    await writer().set(REF, true);
    const added = await record(REF.key);
    expect(added).toMatchObject({
      key: REF.key,
      paper: {
        value: { title: REF.title, arxivId: REF.arxivId, addedAt: NOW },
        stamp: { wall: NOW, replica: 'here01' },
      },
      tags: { value: [] },
      note: { value: '' },
      read: { value: false },
      deleted: { value: false },
    });
  });

  it('an edit restamps only the registers it changed, and a later one stamps after it', async () => {
    await writer().set(REF, true);
    clock += 1000;
    await writer().update(REF.key, { note: 'Compare with SigLIP' });
    const edited = (await record(REF.key))!;
    expect(valueOf(edited.note)).toBe('Compare with SigLIP');
    expect(edited.note!.stamp.wall).toBe(NOW + 1000);
    expect(edited.tags!.stamp.wall).toBe(NOW);
    // The clock going back (a wrong system clock) still stamps after what the record holds.
    clock = NOW - 60_000;
    await writer().update(REF.key, { read: true });
    const later = (await record(REF.key))!;
    expect(valueOf(later.read)).toBe(true);
    expect(later.read!.stamp.wall).toBe(NOW + 1000);
    expect(later.read!.stamp.counter).toBeGreaterThan(edited.note!.stamp.counter);
  });

  it('removing to the trash writes a deletion; restoring writes a newer revival', async () => {
    await writer().set(REF, true);
    await writer().update(REF.key, { tags: ['contrastive'] });
    clock += 1000;
    await writer().set(REF, false);
    expect(isDeleted((await record(REF.key))!)).toBe(true);
    clock += 1000;
    await writer().restore(REF.key);
    const restored = (await record(REF.key))!;
    expect(isDeleted(restored)).toBe(false);
    expect(restored.deleted!.stamp.wall).toBe(NOW + 2000);
    expect(valueOf(restored.tags)).toEqual(['contrastive']);
  });

  it('bookmarking a paper again from the trash revives it too', async () => {
    await writer().set(REF, true);
    await writer().set(REF, false);
    clock += 5000;
    await writer().set(REF, true);
    expect(isDeleted((await record(REF.key))!)).toBe(false);
  });

  it('a page that may not remove a bookmark with notes writes nothing', async () => {
    await writer().set(REF, true);
    await writer().update(REF.key, { note: 'mine' });
    const before = await record(REF.key);
    clock += 1000;
    await writer().set(REF, false, { fromPage: true });
    expect(await record(REF.key)).toEqual(before);
  });

  it('an import records new and changed rows, and leaves unchanged ones alone', async () => {
    await writer().set(REF, true);
    const before = await record(REF.key);
    const row = (key: string, title: string, note = ''): Bookmark => ({
      key,
      title,
      authors: [],
      tags: [],
      note,
      read: false,
      addedAt: NOW - 1000,
      updatedAt: NOW - 1000,
    });
    clock += 1000;
    const result = await writer().importRows(
      [row(REF.key, REF.title), row(OTHER.key, OTHER.title, 'imported')],
      {
        overwriteUserFields: false,
        restore: false,
      },
    );
    expect(result.added).toBe(1);
    expect(await record(REF.key)).toEqual(before);
    expect(await record(OTHER.key)).toMatchObject({
      note: { value: 'imported', stamp: { wall: NOW + 1000 } },
    });
  });

  it('a failed write leaves no record behind', async () => {
    await expect(writer().update(REF.key, { note: 'x' })).rejects.toThrow(/removed meanwhile/);
    expect(await db.syncRecords.count()).toBe(0);
  });
});

describe('text the sync area cannot keep', () => {
  // Chrome stores sync items as UTF-8: a lone surrogate comes back as U+FFFD.
  const broken = 'Cut in an emoji \ud83d';

  it('a key that is not well-formed Unicode stays on this device: no record, nothing read', async () => {
    const key = `doi:10.5555/${broken}`;
    await writer().set({ key, site: 'biorxiv', title: 'T' }, true);
    expect(await db.bookmarks.get(key)).toBeDefined();
    expect(await db.syncRecords.count()).toBe(0);
    expect((await createSyncLibrary(db, () => clock).read()).rows).toEqual([]);
  });

  it('other text is recorded as the area will keep it', async () => {
    await writer().set({ ...REF, title: broken }, true);
    await writer().update(REF.key, { note: broken, tags: [broken] });
    const stored = (await record(REF.key))!;
    expect(valueOf<{ title: string }>(stored.paper)!.title).toBe('Cut in an emoji \ufffd');
    expect(valueOf(stored.note)).toBe('Cut in an emoji \ufffd');
    expect(valueOf(stored.tags)).toEqual(['Cut in an emoji \ufffd']);
    const { rows } = await createSyncLibrary(db, () => clock).read();
    expect(rows[0]).toMatchObject({ title: 'Cut in an emoji \ufffd' });
  });
});

describe('the replica id', () => {
  it('is made once and read back from storage.local', async () => {
    const first = await readReplicaId(fakeBrowser.storage.local);
    expect(first).toMatch(/^[a-z0-9]{10}$/);
    expect(await readReplicaId(fakeBrowser.storage.local)).toBe(first);
    expect((await fakeBrowser.storage.local.get(REPLICA_ID_KEY))[REPLICA_ID_KEY]).toBe(first);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });
});

describe('clearing everything', () => {
  it('turns every bookmark into a deletion instead of forgetting it, and keeps the sync switch off', async () => {
    await writer().set(REF, true);
    await writer().set(OTHER, true);
    await writer().set(OTHER, false);
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, syncBookmarks: false, badgeMode: 'none' },
      other: 1,
    });
    clock += 1000;
    await clearData(db, fakeBrowser.storage.local, 'everything', { replicaId: 'here01', now: clock });
    expect(await db.bookmarks.count()).toBe(0);
    expect(await db.trash.count()).toBe(0);
    const records = await db.syncRecords.toArray();
    expect(Object.fromEntries(records.map((entry) => [entry.key, isDeleted(entry)]))).toEqual({
      [OTHER.key]: true,
      [REF.key]: true,
    });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, syncBookmarks: false },
    });
  });

  it('with sync on, clears storage.local whole (sync is on at its default)', async () => {
    await writer().set(REF, true);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, badgeMode: 'none' } });
    await clearData(db, fakeBrowser.storage.local, 'everything', { replicaId: 'here01', now: clock });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(isDeleted((await record(REF.key))!)).toBe(true);
  });
});

describe('the Dexie LocalLibrary', () => {
  const remote = (key: string, title: string, at: number, patch: Partial<Bookmark> = {}) =>
    recordAfterEdit({
      record: undefined,
      before: undefined,
      after: { key, title, tags: [], note: '', read: false, addedAt: at, updatedAt: at, ...patch },
      now: at,
      replicaId: 'there1',
    })!;

  it('reads every row and every parsable record, tombstones included', async () => {
    await writer().set(REF, true);
    await writer().set(OTHER, true);
    await writer().set(OTHER, false);
    await db.syncRecords.put({ key: 'arxiv:2401.99999', paper: { stamp: 'not a stamp' } } as never);
    const { rows, records } = await createSyncLibrary(db, () => clock).read();
    expect(rows.map((row) => row.key)).toEqual([REF.key]);
    expect(records.map((entry) => entry.key).sort()).toEqual([REF.key, OTHER.key].sort());
  });

  it('creates a bookmark another browser made, with links from its key', async () => {
    const library = createSyncLibrary(db, () => clock);
    const incoming = remote(REF.key, 'From the desktop', NOW - 5000, { note: 'desk note', tags: ['x'] });
    await library.update([REF.key], () => ({
      row: {
        key: REF.key,
        title: 'From the desktop',
        arxivId: REF.arxivId,
        tags: ['x'],
        note: 'desk note',
        read: false,
        addedAt: NOW - 5000,
        updatedAt: NOW - 5000,
      },
      record: incoming,
    }));
    expect(await db.bookmarks.get(REF.key)).toMatchObject({
      title: 'From the desktop',
      note: 'desk note',
      authors: [],
      absUrl: 'https://arxiv.org/abs/2410.17243',
      site: 'arxiv',
    });
    expect(await db.syncRecords.get(REF.key)).toEqual(incoming);
  });

  it('keeps local-only fields when it patches a row, and moves a deleted one to the trash', async () => {
    await writer().set({ ...REF, authors: ['A. Author'] }, true);
    const library = createSyncLibrary(db, () => clock);
    await library.update([REF.key], (_key, current) => ({
      ...current,
      row: { ...current.row!, note: 'synced note' },
    }));
    expect(await db.bookmarks.get(REF.key)).toMatchObject({ note: 'synced note', authors: ['A. Author'] });

    clock += 1000;
    await library.update([REF.key], (_key, current) => ({ record: current.record }));
    expect(await db.bookmarks.get(REF.key)).toBeUndefined();
    expect(await db.trash.get(REF.key)).toMatchObject({
      removedAt: clock,
      bookmark: { note: 'synced note', authors: ['A. Author'] },
    });
    expect(await db.syncRecords.get(REF.key)).toBeDefined();

    // Brought back from elsewhere: the trashed row's local fields return, and the trash forgets it.
    await library.update([REF.key], (_key, current) => ({
      row: {
        key: REF.key,
        title: REF.title,
        tags: [],
        note: 'synced note',
        read: true,
        addedAt: NOW,
        updatedAt: clock,
      },
      record: current.record,
    }));
    expect(await db.bookmarks.get(REF.key)).toMatchObject({ read: true, authors: ['A. Author'] });
    expect(await db.trash.count()).toBe(0);
  });

  it('deletes a record the change drops, and writes no row the bookmark schema refuses', async () => {
    await writer().set(REF, true);
    const library = createSyncLibrary(db, () => clock);
    await library.update([REF.key, OTHER.key], (key, current) =>
      key === REF.key
        ? { row: current.row! }
        : { row: { key, title: '', tags: [], note: '', read: false, addedAt: 1, updatedAt: 1 } },
    );
    expect(await db.syncRecords.get(REF.key)).toBeUndefined();
    expect(await db.bookmarks.get(REF.key)).toBeDefined();
    expect(await db.bookmarks.get(OTHER.key)).toBeUndefined();
  });
});
