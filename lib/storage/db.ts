import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { PaperHistory } from '../trends/history-codec';
import type { TrendsRecord } from '../trends/record';
import type { SyncRecord } from '../sync/record';
import type { Bookmark, FeedDay, Paper, SearchIndexRow, StateRow, TrashRow } from './records';

import { DB_NAME } from './db-name';

export { DB_NAME };

/**
 * Every schema version PaperPulse has shipped, oldest first. A version is never edited once
 * released: add a new one with an upgrade, and a test that runs it on rows the previous one wrote
 * (tests/unit/db-migration.test.ts).
 */
export const SCHEMA_VERSIONS: ReadonlyArray<{
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<void>;
}> = [
  {
    version: 1,
    stores: {
      papers: 'id, firstSeenAt',
      feedDays: 'date',
      bookmarks: 'key, addedAt',
      state: 'key',
    },
  },
  {
    // v2: the popup's library sorts and filters bookmarks by title, tags and read state, and the
    // page annotation looks bookmarks up by arXiv id; rows from v1 get the fields v2 relies on.
    version: 2,
    stores: {
      papers: 'id, firstSeenAt, upvotes',
      // No index on `read`: IndexedDB cannot index booleans.
      bookmarks: 'key, addedAt, title, arxivId, *tags',
    },
    upgrade: async (tx) => {
      await tx
        .table('bookmarks')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          if (!Array.isArray(row.tags)) row.tags = [];
          if (typeof row.note !== 'string') row.note = '';
          if (typeof row.read !== 'boolean') row.read = false;
          if (typeof row.updatedAt !== 'number') row.updatedAt = row.addedAt;
          if (
            typeof row.arxivId !== 'string' &&
            typeof row.key === 'string' &&
            row.key.startsWith('arxiv:')
          ) {
            row.arxivId = row.key.slice('arxiv:'.length);
          }
        });
    },
  },
  {
    // v3: the Related tab's search index, kept between popup opens and updated incrementally
    // (lib/related/sync.ts). Derived data only: losing it costs one rebuild, never user data.
    version: 3,
    stores: { searchIndexes: 'name' },
  },
  {
    // v4: removed bookmarks wait 30 days in a trash (lib/storage/bookmarks.ts) instead of going at
    // once, notes and tags with them. A new table: rows of v3 need nothing.
    version: 4,
    stores: { trash: 'key, removedAt' },
  },
  {
    // v5: three new tables, nothing to migrate. `paperHistory`: each paper's upvote samples
    // (lib/trends/history-codec.ts), pruned with its paper. `trends`: the figures the worker
    // computes after each refresh, one small row the popup reads. `syncRecords`: each bookmark's
    // sync record (lib/sync), tombstones included; rows without one are seeded at the first sync.
    version: 5,
    stores: { paperHistory: 'id', trends: 'name', syncRecords: 'key' },
  },
];

/** The one trends row: `name` is always 'current'. */
export interface TrendsRow {
  name: 'current';
  record: TrendsRecord;
}

export class PaperPulseDB extends Dexie {
  papers!: EntityTable<Paper, 'id'>;
  feedDays!: EntityTable<FeedDay, 'date'>;
  bookmarks!: EntityTable<Bookmark, 'key'>;
  state!: EntityTable<StateRow, 'key'>;
  searchIndexes!: EntityTable<SearchIndexRow, 'name'>;
  trash!: EntityTable<TrashRow, 'key'>;
  paperHistory!: EntityTable<PaperHistory, 'id'>;
  trends!: EntityTable<TrendsRow, 'name'>;
  syncRecords!: EntityTable<SyncRecord, 'key'>;

  constructor(name = DB_NAME, upTo = SCHEMA_VERSIONS.length) {
    super(name);
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS.slice(0, upTo)) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

let instance: PaperPulseDB | undefined;

/** The one database of this extension context, opened lazily so importing this file costs nothing. */
export function getDb(): PaperPulseDB {
  instance ??= new PaperPulseDB();
  return instance;
}
