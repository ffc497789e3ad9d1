import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { PaperPulseDB, SCHEMA_VERSIONS } from '@/lib/storage/db';
import { BookmarkSchema, FeedDaySchema, PaperSchema } from '@/lib/storage/records';
import { dropRelatedIndexFromMemory, syncRelatedIndex } from '@/lib/related/sync';

/** Rows exactly as schema v1 (PaperPulse 0.1) wrote them. */
const V1_PAPER = {
  id: '2410.17243',
  title: 'Breaking the Memory Barrier',
  summary: 'Contrastive loss…',
  authors: ['Zesen Cheng'],
  upvotes: 64,
  numComments: 3,
  dailyDate: '2024-10-25',
  firstSeenAt: 1_729_850_000_000,
  updatedAt: 1_729_850_000_000,
};
const V1_DAY = { date: '2024-10-25', paperIds: ['2410.17243'], fetchedAt: 1_729_850_000_000, dropped: [] };
const V1_BOOKMARKS = [
  {
    key: 'arxiv:2410.17243',
    site: 'arxiv',
    title: 'Breaking the Memory Barrier',
    authors: ['Zesen Cheng'],
    absUrl: 'https://arxiv.org/abs/2410.17243',
    addedAt: 1_729_860_000_000,
  },
  {
    key: 'doi:10.1101/2021.08.03.454978',
    site: 'biorxiv',
    doi: '10.1101/2021.08.03.454978',
    title: 'A bioRxiv preprint',
    authors: [],
    addedAt: 1_729_870_000_000,
  },
];
const V1_STATE = [
  { key: 'lastSeenAt', value: 1_729_855_000_000 },
  { key: 'failedAttempts', value: 2 },
];

const opened: Dexie[] = [];
function track<T extends Dexie>(db: T): T {
  opened.push(db);
  return db;
}
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

async function writeV1(name: string) {
  const v1 = track(new PaperPulseDB(name, 1));
  await v1.open();
  expect(v1.verno).toBe(1);
  await v1.papers.add(V1_PAPER);
  await v1.feedDays.add(V1_DAY);
  await v1.table('bookmarks').bulkAdd(V1_BOOKMARKS);
  await v1.table('state').bulkAdd(V1_STATE);
  v1.close();
}

describe('schema v1 → current', () => {
  it('keeps every row and fills the fields v2 relies on', async () => {
    const name = 't-' + crypto.randomUUID();
    await writeV1(name);

    const db = track(new PaperPulseDB(name));
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);

    expect(await db.papers.toArray()).toEqual([V1_PAPER]);
    expect(await db.feedDays.toArray()).toEqual([V1_DAY]);
    expect(await db.state.orderBy('key').toArray()).toEqual(
      [...V1_STATE].sort((a, b) => a.key.localeCompare(b.key)),
    );

    const bookmarks = await db.bookmarks.orderBy('addedAt').toArray();
    expect(bookmarks).toEqual([
      {
        ...V1_BOOKMARKS[0],
        tags: [],
        note: '',
        read: false,
        updatedAt: 1_729_860_000_000,
        arxivId: '2410.17243',
      },
      { ...V1_BOOKMARKS[1], tags: [], note: '', read: false, updatedAt: 1_729_870_000_000 },
    ]);
    // Migrated rows are valid current rows.
    for (const row of bookmarks) expect(BookmarkSchema.safeParse(row).success).toBe(true);
    for (const row of await db.papers.toArray()) expect(PaperSchema.safeParse(row).success).toBe(true);
    for (const row of await db.feedDays.toArray()) expect(FeedDaySchema.safeParse(row).success).toBe(true);
  });

  it('keeps what a v1 row already had in the v2 fields', async () => {
    const name = 't-' + crypto.randomUUID();
    const v1 = track(new PaperPulseDB(name, 1));
    await v1.table('bookmarks').add({
      ...V1_BOOKMARKS[0],
      key: 'arxiv:2410.16251',
      arxivId: '2410.16251',
      tags: ['llm'],
      note: 'read §3',
      read: true,
      updatedAt: 5,
    });
    v1.close();

    const db = track(new PaperPulseDB(name));
    expect(await db.bookmarks.get('arxiv:2410.16251')).toMatchObject({
      arxivId: '2410.16251',
      tags: ['llm'],
      note: 'read §3',
      read: true,
      updatedAt: 5,
    });
  });

  it('serves the new indexes on migrated rows', async () => {
    const name = 't-' + crypto.randomUUID();
    await writeV1(name);
    const db = track(new PaperPulseDB(name));
    await db.bookmarks.update('doi:10.1101/2021.08.03.454978', { tags: ['biology', 'preprint'] });

    expect(await db.bookmarks.where('tags').equals('preprint').primaryKeys()).toEqual([
      'doi:10.1101/2021.08.03.454978',
    ]);
    expect(await db.bookmarks.orderBy('title').keys()).toEqual([
      'A bioRxiv preprint',
      'Breaking the Memory Barrier',
    ]);
    expect(await db.bookmarks.where('arxivId').equals('2410.17243').count()).toBe(1);
    expect(await db.papers.where('upvotes').above(50).primaryKeys()).toEqual(['2410.17243']);
  });
});

/** Rows exactly as schema v2 (PaperPulse 0.2) wrote them, in every table it had. */
const V2_PAPERS = [
  { ...V1_PAPER, aiKeywords: ['contrastive loss', 'memory'], organization: 'Alibaba' },
  {
    id: '2410.16251',
    title: 'Chunked Prefills for LLM Inference',
    summary: 'Batching decodes with chunked prefills.',
    authors: ['Amey Agrawal'],
    upvotes: 12,
    numComments: 0,
    dailyDate: '2024-10-24',
    firstSeenAt: 1_729_760_000_000,
    updatedAt: 1_729_850_000_000,
  },
];
const V2_DAYS = [
  V1_DAY,
  { date: '2024-10-24', paperIds: ['2410.16251'], fetchedAt: 1_729_760_000_000, dropped: [] },
];
const V2_BOOKMARKS = [
  {
    key: 'arxiv:2410.17243',
    arxivId: '2410.17243',
    site: 'arxiv',
    title: 'Breaking the Memory Barrier',
    authors: ['Zesen Cheng'],
    absUrl: 'https://arxiv.org/abs/2410.17243',
    tags: ['llm'],
    note: 'read §3',
    read: true,
    addedAt: 1_729_860_000_000,
    updatedAt: 1_729_880_000_000,
  },
  {
    key: 'doi:10.1101/2021.08.03.454978',
    doi: '10.1101/2021.08.03.454978',
    site: 'biorxiv',
    title: 'A bioRxiv preprint',
    authors: [],
    summary: 'Single-cell sequencing of something.',
    tags: [],
    note: '',
    read: false,
    addedAt: 1_729_870_000_000,
    updatedAt: 1_729_870_000_000,
  },
];
const V2_STATE = [
  ...V1_STATE,
  { key: 'lastRefreshOkAt', value: 1_729_850_000_000 },
  { key: 'lastError', value: { at: 1_729_840_000_000, message: 'HTTP 503' } },
];

async function writeV2(name: string) {
  const v2 = track(new PaperPulseDB(name, 2));
  await v2.open();
  expect(v2.verno).toBe(2);
  expect(v2.tables.map((table) => table.name)).not.toContain('searchIndexes');
  await v2.papers.bulkAdd(V2_PAPERS);
  await v2.feedDays.bulkAdd(V2_DAYS);
  await v2.table('bookmarks').bulkAdd(V2_BOOKMARKS);
  await v2.table('state').bulkAdd(V2_STATE);
  v2.close();
}

const byKey = <T extends { key: string }>(rows: T[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key));

describe('schema v2 → v3', () => {
  it('keeps every row as it was', async () => {
    const name = 't-' + crypto.randomUUID();
    await writeV2(name);

    const db = track(new PaperPulseDB(name, 3));
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.papers.toArray()).toEqual([...V2_PAPERS].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await db.feedDays.toArray()).toEqual([...V2_DAYS].sort((a, b) => a.date.localeCompare(b.date)));
    expect(await db.bookmarks.toArray()).toEqual(byKey(V2_BOOKMARKS));
    expect(await db.state.toArray()).toEqual(byKey(V2_STATE));
    // v2's indexes still answer.
    expect(await db.bookmarks.where('tags').equals('llm').primaryKeys()).toEqual(['arxiv:2410.17243']);
    expect(await db.papers.where('upvotes').above(50).primaryKeys()).toEqual(['2410.17243']);
  });

  it('adds an empty searchIndexes table that stores and finds rows by name', async () => {
    const name = 't-' + crypto.randomUUID();
    await writeV2(name);

    const db = track(new PaperPulseDB(name, 3));
    await db.open();
    expect(db.tables.map((table) => table.name)).toContain('searchIndexes');
    expect(await db.searchIndexes.count()).toBe(0);

    const row = { name: 'related', index: { any: 'data' }, stamps: { 'arxiv:2410.17243': 5 }, savedAt: 7 };
    await db.searchIndexes.put(row);
    expect(await db.searchIndexes.get('related')).toEqual(row);
    await db.searchIndexes.put({ ...row, savedAt: 8 });
    expect(await db.searchIndexes.count()).toBe(1);
    expect((await db.searchIndexes.get('related'))?.savedAt).toBe(8);
  });

  it('builds the Related index over the migrated rows', async () => {
    const name = 't-' + crypto.randomUUID();
    await writeV2(name);

    const db = track(new PaperPulseDB(name));
    dropRelatedIndexFromMemory();
    const index = await syncRelatedIndex(db, 1_729_900_000_000);
    for (const id of ['arxiv:2410.17243', 'arxiv:2410.16251', 'doi:10.1101/2021.08.03.454978'])
      expect(index.has(id), id).toBe(true);
    expect(index.size).toBe(3);
    expect(await db.searchIndexes.get('related')).toMatchObject({ savedAt: 1_729_900_000_000 });
  });
});

/** `'key, a, *b'` → `['key', 'a', '*b']`. */
function indexes(spec: string): string[] {
  return spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

describe('SCHEMA_VERSIONS', () => {
  it('starts at 1 and counts up by one', () => {
    expect(SCHEMA_VERSIONS.map((entry) => entry.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
  });

  it('declares every table in v1', () => {
    expect(Object.keys(SCHEMA_VERSIONS[0]!.stores).sort()).toEqual([
      'bookmarks',
      'feedDays',
      'papers',
      'state',
    ]);
  });

  it.each(
    SCHEMA_VERSIONS.slice(1).map(
      (entry, i) => [entry.version, entry, SCHEMA_VERSIONS.slice(0, i + 1)] as const,
    ),
  )('v%i keeps every primary key and has an upgrade or only adds indexes', (_version, entry, earlier) => {
    const previous: Record<string, string> = Object.assign({}, ...earlier.map((older) => older.stores));
    for (const [table, spec] of Object.entries(entry.stores)) {
      const before = previous[table];
      if (before === undefined) continue; // a new table
      const [primaryKey] = indexes(spec);
      // IndexedDB cannot change a store's primary key in place.
      expect(primaryKey, `${table} primary key`).toBe(indexes(before)[0]);
      const removed = indexes(before).filter((index) => !indexes(spec).includes(index));
      if (!entry.upgrade) expect(removed, `${table}: indexes removed without an upgrade`).toEqual([]);
    }
  });

  it('opens every version from an empty database', async () => {
    for (let upTo = 1; upTo <= SCHEMA_VERSIONS.length; upTo++) {
      const db = track(new PaperPulseDB('t-' + crypto.randomUUID(), upTo));
      await db.open();
      expect(db.verno).toBe(upTo);
    }
  });
});
