import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperPulseDB } from '@/lib/storage/db';
import { DB_NAME } from '@/lib/storage/db-name';
import { readFirstScreen } from '@/lib/popup/first-screen';
import { computeFirstScreen, FIRST_SCREEN_KEY, FIRST_SCREEN_ROWS } from '@/lib/storage/first-screen-record';
import { fakeBrowser } from 'wxt/testing';
import type { Bookmark, Paper } from '@/lib/storage/records';
import { STATE_DEFAULTS } from '@/lib/storage/state';

const NOW = Date.parse('2026-11-23T10:00:00Z');

function paper(id: string, upvotes: number, dailyDate: string): Paper {
  return {
    id,
    title: `Paper ${id}`,
    summary: '',
    authors: ['A. Author'],
    upvotes,
    numComments: 0,
    dailyDate,
    firstSeenAt: NOW,
    updatedAt: NOW,
  };
}

function bookmark(key: string): Bookmark {
  return {
    key,
    title: `Bookmark ${key}`,
    authors: [],
    tags: [],
    note: '',
    read: false,
    addedAt: NOW,
    updatedAt: NOW,
  };
}

/** Friday's 20 papers in rank order. Upvotes fall with rank, except that ranks 2 and 5 have since
 *  swapped (a later refresh), so the first screen has to sort what it shows. */
const FRIDAY = '2026-11-20';
const FRIDAY_PAPERS = Array.from({ length: 20 }, (_, rank) => {
  const upvotes = { 1: 84, 4: 96 }[rank] ?? 100 - rank * 4;
  return paper(`2611.${String(rank + 1).padStart(5, '0')}`, upvotes, FRIDAY);
});
const THURSDAY = '2026-11-19';
const THURSDAY_PAPERS = [paper('2611.00101', 500, THURSDAY), paper('2611.00102', 3, THURSDAY)];

const opened: Dexie[] = [];
function track<T extends Dexie>(db: T): T {
  opened.push(db);
  return db;
}

async function databaseNames(): Promise<(string | undefined)[]> {
  return (await indexedDB.databases()).map((info) => info.name);
}

beforeEach(async () => {
  await Dexie.delete(DB_NAME);
});
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await Dexie.delete(DB_NAME);
});

async function seed() {
  const db = track(new PaperPulseDB());
  await db.papers.bulkAdd([...FRIDAY_PAPERS, ...THURSDAY_PAPERS]);
  await db.feedDays.bulkAdd([
    // The weekend: fetched, but nothing was listed.
    { date: '2026-11-22', paperIds: [], fetchedAt: NOW, dropped: [] },
    { date: '2026-11-21', paperIds: [], fetchedAt: NOW, dropped: [] },
    { date: FRIDAY, paperIds: FRIDAY_PAPERS.map((p) => p.id), fetchedAt: NOW, dropped: [] },
    { date: THURSDAY, paperIds: THURSDAY_PAPERS.map((p) => p.id), fetchedAt: NOW, dropped: [] },
    { date: '2026-11-18', paperIds: [], fetchedAt: NOW, dropped: [] },
  ]);
  await db.bookmarks.bulkAdd([
    bookmark('arxiv:2611.00002'), // shown (rank 2)
    bookmark('arxiv:2611.00008'), // shown (rank 8, the last row shown)
    bookmark('arxiv:2611.00009'), // on Friday, but below the first rows
    bookmark('arxiv:2611.00101'), // Thursday's
    bookmark('doi:10.1101/2021.08.03.454978'),
  ]);
  await db.state.bulkPut([
    { key: 'lastSeenAt', value: NOW - 3_600_000 },
    { key: 'lastRefreshOkAt', value: NOW - 60_000 },
  ]);
  // A key this version no longer knows is left out.
  await db.table('state').put({ key: 'removedSetting', value: 'x' });
  db.close();
  return db;
}

describe('readFirstScreen', () => {
  it('shows the newest day with papers: its first rows by upvotes', async () => {
    await seed();
    const screen = await readFirstScreen();
    expect(screen).not.toBeNull();
    const { view } = screen!;

    expect(view.day).toBe(FRIDAY);
    expect(view.from).toBe(FRIDAY);
    expect(view.days).toEqual([FRIDAY, THURSDAY]);

    // Ranks 1–10 as stored, re-sorted by today's upvotes: ranks 2 and 5 swapped places since.
    const ranks = [1, 5, 3, 4, 2, 6, 7, 8];
    expect(FIRST_SCREEN_ROWS).toBe(8);
    expect(view.papers.map((p) => p.id)).toEqual(
      ranks.map((rank) => `2611.${String(rank).padStart(5, '0')}`),
    );
    expect(view.papers.map((p) => p.upvotes)).toEqual([100, 96, 92, 88, 84, 80, 76, 72]);
    expect(view.papers[0]).toEqual(FRIDAY_PAPERS[0]);
  });

  it('decorates the rows with their bookmark state and counts every bookmark', async () => {
    await seed();
    const screen = await readFirstScreen();
    expect(screen!.bookmarkedKeys).toEqual(new Set(['arxiv:2611.00002', 'arxiv:2611.00008']));
    expect(screen!.bookmarkCount).toBe(5);
  });

  it('reads the feed state with defaults for what was never written', async () => {
    await seed();
    const screen = await readFirstScreen();
    expect(screen!.state).toEqual({
      ...STATE_DEFAULTS,
      lastSeenAt: NOW - 3_600_000,
      lastRefreshOkAt: NOW - 60_000,
    });
  });

  it('skips a row whose paper is missing', async () => {
    const db = await seed();
    await db.open();
    await db.papers.delete('2611.00001');
    db.close();
    const screen = await readFirstScreen();
    expect(screen!.view.papers.map((p) => p.id)).not.toContain('2611.00001');
    expect(screen!.view.papers).toHaveLength(7);
  });

  it('leaves the database usable by Dexie afterwards (its connection is closed)', async () => {
    await seed();
    await readFirstScreen();
    // A still-open connection would block the deletion.
    const deleted = Dexie.delete(DB_NAME).then(() => 'deleted');
    const timeout = new Promise((resolve) => setTimeout(() => resolve('blocked'), 1000));
    expect(await Promise.race([deleted, timeout])).toBe('deleted');
  });

  it('returns null on a first run and does not create the database', async () => {
    expect(await databaseNames()).not.toContain(DB_NAME);
    expect(await readFirstScreen()).toBeNull();
    expect(await databaseNames()).not.toContain(DB_NAME);

    // Dexie then creates it with every table, as on any first run.
    const db = track(new PaperPulseDB());
    await db.open();
    expect(db.tables.map((table) => table.name).sort()).toEqual([
      'bookmarks',
      'feedDays',
      'paperHistory',
      'papers',
      'searchIndexes',
      'state',
      'syncRecords',
      'trash',
      'trends',
    ]);
  });

  it('returns null, without throwing or changing it, for a database of another shape', async () => {
    const other = track(new Dexie(DB_NAME));
    other.version(1).stores({ papers: 'id', state: 'key' });
    await other.table('papers').add(paper('2611.00001', 1, FRIDAY));
    other.close();

    await expect(readFirstScreen()).resolves.toBeNull();

    const reopened = track(new Dexie(DB_NAME));
    await reopened.open();
    expect(reopened.verno).toBe(1);
    expect(reopened.tables.map((table) => table.name).sort()).toEqual(['papers', 'state']);
    expect(await reopened.table('papers').count()).toBe(1);
  });
});

describe('the first-screen record the worker keeps', () => {
  it('gives the popup the same first screen as the database, from one storage read', async () => {
    await seed();
    const fromDatabase = await readFirstScreen();
    const db = track(new PaperPulseDB());
    const record = await computeFirstScreen(db, NOW);
    db.close();
    await fakeBrowser.storage.local.set({ [FIRST_SCREEN_KEY]: record });
    // With the database gone, only the record can answer.
    await Dexie.delete(DB_NAME);
    const fromRecord = await readFirstScreen();
    expect(fromRecord!.view.papers.map((p) => [p.id, p.upvotes, p.title])).toEqual(
      fromDatabase!.view.papers.map((p) => [p.id, p.upvotes, p.title]),
    );
    expect(fromRecord!.view.days).toEqual([FRIDAY, THURSDAY]);
    expect(fromRecord!.bookmarkedKeys).toEqual(fromDatabase!.bookmarkedKeys);
    expect(fromRecord!.bookmarkCount).toBe(5);
    expect(fromRecord!.state.lastSeenAt).toBe(NOW - 3_600_000);
    // Small: the rows without their abstracts.
    expect(JSON.stringify(record).length).toBeLessThan(8000);
  });

  it('is ignored when another version wrote it', async () => {
    await seed();
    await fakeBrowser.storage.local.set({ [FIRST_SCREEN_KEY]: { version: 99, papers: [], days: [] } });
    expect((await readFirstScreen())!.view.papers).toHaveLength(FIRST_SCREEN_ROWS);
  });
});

describe('the record’s stamp', () => {
  it('changes with what the first screen draws, and only then', async () => {
    await seed();
    const db = track(new PaperPulseDB());
    const first = (await computeFirstScreen(db, NOW))!;
    // Written again later with nothing new: the same drawing.
    expect((await computeFirstScreen(db, NOW + 60_000))!.stamp).toBe(first.stamp);
    // The popup opened after every row was seen: the "new" dots go.
    await db.state.put({ key: 'lastSeenAt', value: NOW + 1 });
    const seen = (await computeFirstScreen(db, NOW))!;
    expect(seen.stamp).not.toBe(first.stamp);
    // Opened again, nothing new: unchanged.
    await db.state.put({ key: 'lastSeenAt', value: NOW + 2 });
    expect((await computeFirstScreen(db, NOW))!.stamp).toBe(seen.stamp);
    // A star on a shown row, new upvotes, a refresh: each changes it.
    await db.bookmarks.add(bookmark('arxiv:2611.00003'));
    const starred = (await computeFirstScreen(db, NOW))!;
    expect(starred.stamp).not.toBe(seen.stamp);
    await db.papers.update('2611.00003', { upvotes: 99 });
    const voted = (await computeFirstScreen(db, NOW))!;
    expect(voted.stamp).not.toBe(starred.stamp);
    await db.state.put({ key: 'lastRefreshOkAt', value: NOW + 5 });
    expect((await computeFirstScreen(db, NOW))!.stamp).not.toBe(voted.stamp);
  });
});

describe('watched topics on the first screen', () => {
  it('carries the topics and, for each shown row on one, its topics; a new topic changes the stamp', async () => {
    await seed();
    const db = track(new PaperPulseDB());
    await db.papers.update('2611.00004', { title: 'Diffusion Models for Tables' });
    await db.papers.update('2611.00009', { title: 'Diffusion Models below the first rows' });
    const none = (await computeFirstScreen(db, NOW))!;
    expect(none.watched).toEqual({ topics: [], rows: {} });
    const watching = (await computeFirstScreen(db, NOW, ['diffusion model', 'quokka']))!;
    // Only the rows the first screen shows: the ninth paper is below them.
    expect(watching.watched).toEqual({
      topics: ['diffusion model', 'quokka'],
      rows: { '2611.00004': ['diffusion model'] },
    });
    expect(watching.stamp).not.toBe(none.stamp);
    // The popup reads them back with the record.
    await fakeBrowser.storage.local.set({ [FIRST_SCREEN_KEY]: watching });
    expect((await readFirstScreen())!.watched).toEqual(watching.watched);
  });
});
