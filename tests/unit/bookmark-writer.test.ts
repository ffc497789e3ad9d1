import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BookmarkChanged } from '@/lib/messaging/events';
import { LIMITS } from '@/lib/limits';
import { createBookmarkWriter } from '@/lib/storage/bookmarks';
import { PaperPulseDB } from '@/lib/storage/db';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-27T10:00:00Z');
const REF = {
  key: 'arxiv:2410.17243',
  site: 'arxiv',
  arxivId: '2410.17243',
  title: 'Breaking the Memory Barrier',
};

let db: PaperPulseDB;
let clock: number;
let announced: BookmarkChanged[];
const writer = () =>
  createBookmarkWriter({ db, now: () => clock, announce: async (events) => void announced.push(...events) });

beforeEach(() => {
  db = new PaperPulseDB('t-' + crypto.randomUUID());
  clock = NOW;
  announced = [];
});
afterEach(async () => {
  await db.delete();
});

async function withNote() {
  await writer().set(REF, true);
  await writer().update(REF.key, { note: 'Compare with SigLIP', tags: ['contrastive'], read: true });
}

describe('removing a bookmark', () => {
  it('moves it to the trash, whole, and announces it', async () => {
    await withNote();
    clock += 1000;
    expect(await writer().set(REF, false)).toEqual({ bookmarked: false });
    expect(await db.bookmarks.get(REF.key)).toBeUndefined();
    const trashed = await db.trash.get(REF.key);
    expect(trashed).toMatchObject({
      removedAt: NOW + 1000,
      bookmark: { note: 'Compare with SigLIP', tags: ['contrastive'], read: true },
    });
    expect(announced.at(-1)).toEqual({ type: 'bookmark.changed', key: REF.key, bookmarked: false });
  });

  it('from a page, keeps a bookmark that holds notes or tags, and says so', async () => {
    await withNote();
    expect(await writer().set(REF, false, { fromPage: true })).toEqual({ bookmarked: true, kept: true });
    expect(await db.bookmarks.get(REF.key)).toMatchObject({ note: 'Compare with SigLIP' });
    expect(await db.trash.count()).toBe(0);
    // A bare bookmark a page may remove (it goes to the trash all the same).
    await writer().update(REF.key, { note: '', tags: [] });
    expect(await writer().set(REF, false, { fromPage: true })).toEqual({ bookmarked: false });
    expect(await db.trash.count()).toBe(1);
  });
});

describe('restoring', () => {
  it('puts a removed bookmark back with its note, tags, read state and date added', async () => {
    await withNote();
    const added = (await db.bookmarks.get(REF.key))!.addedAt;
    await writer().set(REF, false);
    clock += 5 * DAY;
    await writer().restore(REF.key);
    expect(await db.bookmarks.get(REF.key)).toMatchObject({
      note: 'Compare with SigLIP',
      tags: ['contrastive'],
      read: true,
      addedAt: added,
    });
    expect(await db.trash.count()).toBe(0);
    expect(announced.at(-1)).toEqual({ type: 'bookmark.changed', key: REF.key, bookmarked: true });
  });

  it('bookmarking a paper removed lately brings its notes back', async () => {
    await withNote();
    await writer().set(REF, false);
    await writer().set(REF, true);
    expect(await db.bookmarks.get(REF.key)).toMatchObject({
      note: 'Compare with SigLIP',
      tags: ['contrastive'],
    });
    expect(await db.trash.count()).toBe(0);
  });

  it('merges with a bookmark made again meanwhile, keeping what is newer', async () => {
    await withNote();
    await writer().set(REF, false);
    // Re-added elsewhere as a bare bookmark while the old one waited in the trash…
    await db.bookmarks.add({
      ...(await db.trash.get(REF.key))!.bookmark,
      note: '',
      tags: ['new'],
      read: false,
      addedAt: NOW + 10,
    });
    await writer().restore(REF.key);
    expect(await db.bookmarks.get(REF.key)).toMatchObject({
      note: 'Compare with SigLIP',
      tags: ['new', 'contrastive'],
      read: true,
    });
  });

  it('says so when the bookmark is no longer in the trash', async () => {
    await expect(writer().restore(REF.key)).rejects.toThrow('no longer in “Recently removed”');
  });
});

describe('the trash', () => {
  it(`forgets bookmarks removed more than ${LIMITS.trashDays} days ago, and only those`, async () => {
    await writer().set(REF, true);
    await writer().set({ ...REF, key: 'arxiv:2410.16251', arxivId: '2410.16251' }, true);
    await writer().set(REF, false);
    clock += 20 * DAY;
    await writer().set({ ...REF, key: 'arxiv:2410.16251', arxivId: '2410.16251' }, false);
    clock = NOW + LIMITS.trashDays * DAY + 1;
    expect(await writer().pruneTrash()).toBe(1);
    expect(await db.trash.toCollection().primaryKeys()).toEqual(['arxiv:2410.16251']);
  });
});

describe('failed writes', () => {
  it('an edit of a bookmark removed meanwhile fails and says why', async () => {
    await writer().set(REF, true);
    await writer().set(REF, false);
    await expect(writer().update(REF.key, { note: 'typed too late' })).rejects.toThrow('removed meanwhile');
  });

  it('a write refused for quota leaves nothing half-written', async () => {
    await withNote();
    db.trash.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(writer().set(REF, false)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    // The bookmark was not deleted without its trash row: the transaction left both as they were.
    expect(await db.bookmarks.get(REF.key)).toMatchObject({ note: 'Compare with SigLIP' });
    expect(await db.trash.count()).toBe(0);
    expect(announced.filter((event) => !event.bookmarked)).toEqual([]);
  });
});

describe('at the same moment', () => {
  it('the popup and a page bookmarking one paper give exactly one bookmark', async () => {
    const [popup, page] = [writer(), writer()];
    await Promise.all([
      popup.set(REF, true),
      page.set({ ...REF, title: 'From the page' }, true, { fromPage: true }),
    ]);
    expect(await db.bookmarks.count()).toBe(1);
  });
});

describe('a bookmark made from a feed paper', () => {
  it('is cut to what a bookmark row may hold, so it can always be restored and backed up', async () => {
    const { BookmarkSchema } = await import('@/lib/storage/records');
    await db.papers.put({
      id: '2410.17243',
      title: 'A large collaboration',
      summary: 'x'.repeat(LIMITS.summaryLength + 500),
      authors: Array.from({ length: LIMITS.bookmarkAuthors + 10 }, (_, i) => `Author ${i}`),
      publishedAt: '2024-10-22T17:59:30.000Z',
      upvotes: 1,
      numComments: 0,
      dailyDate: '2024-10-25',
      firstSeenAt: NOW,
      updatedAt: NOW,
    });
    await writer().set({ key: REF.key, site: 'arxiv', arxivId: REF.arxivId }, true);
    const row = (await db.bookmarks.get(REF.key))!;
    expect(BookmarkSchema.safeParse(row).success).toBe(true);
    expect(row.authors).toHaveLength(LIMITS.bookmarkAuthors);
    expect(row.summary).toHaveLength(LIMITS.summaryLength);
  });
});
