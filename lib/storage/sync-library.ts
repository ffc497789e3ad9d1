import type { LocalLibrary } from '../sync/engine';
import type { LocalEntry } from '../sync/local-apply';
import type { SyncRecord } from '../sync/record';
import { arxivRef } from '../paper/arxiv-id';
import { arxivIdOfKey } from '../paper/key';
import type { PaperPulseDB } from './db';
import { BookmarkSchema, type Bookmark, type TrashRow } from './records';
import { parseStoredRecord, syncedView } from './sync-journal';

/**
 * The local library as the sync engine sees it (lib/sync/engine.ts), over Dexie. What another
 * browser changed is written here; the local-only fields of a row (authors, summary, URLs, venue,
 * site) are kept as they are, and a bookmark another browser deleted goes to "Recently removed"
 * like one removed here, so it can be restored for LIMITS.trashDays.
 */

/** The local-only fields a bookmark made from a synced record starts with: links from its key. */
function localFieldsFor(key: string): Pick<Bookmark, 'key' | 'authors' | 'absUrl' | 'pdfUrl' | 'site'> {
  const arxivId = arxivIdOfKey(key);
  if (!arxivId) return { key, authors: [] };
  const { absUrl, pdfUrl } = arxivRef({ id: arxivId }, 'arxiv');
  return { key, authors: [], absUrl, pdfUrl, site: 'arxiv' };
}

export function createSyncLibrary(db: PaperPulseDB, now: () => number): LocalLibrary {
  return {
    async read() {
      const [rows, stored] = await db.transaction('r', db.bookmarks, db.syncRecords, () =>
        Promise.all([db.bookmarks.toArray(), db.syncRecords.toArray()]),
      );
      const records = stored.map(parseStoredRecord).filter((record) => record !== undefined);
      return { rows: rows.map(syncedView).filter((row) => row !== undefined), records };
    },

    async update(keys, change) {
      await db.transaction('rw', db.bookmarks, db.syncRecords, db.trash, async () => {
        const [rows, stored, trashed] = await Promise.all([
          db.bookmarks.bulkGet([...keys]),
          db.syncRecords.bulkGet([...keys]),
          db.trash.bulkGet([...keys]),
        ]);
        const rowWrites: Bookmark[] = [];
        const rowDeletes: string[] = [];
        const trashWrites: TrashRow[] = [];
        const trashDeletes: string[] = [];
        const recordWrites: SyncRecord[] = [];
        const recordDeletes: string[] = [];
        const at = now();
        keys.forEach((key, index) => {
          const row = rows[index];
          const record = parseStoredRecord(stored[index]);
          // What sync reads is what it writes back: text as the sync area keeps it (see syncedView).
          const view = syncedView(row);
          const current: LocalEntry = { ...(view ? { row: view } : {}), ...(record ? { record } : {}) };
          const next = change(key, current);
          if (next.row) {
            // A bookmark brought back keeps what this browser knew of it (its trashed row).
            const base = row ?? trashed[index]?.bookmark ?? localFieldsFor(key);
            const written = { ...base, ...next.row } as Bookmark;
            // Records are checked against the same limits when read from the area; a row this
            // version could not store, show or export is not written (its record still is).
            if (BookmarkSchema.safeParse(written).success) {
              rowWrites.push(written);
              if (!row && trashed[index]) trashDeletes.push(key);
            }
          } else if (row) {
            trashWrites.push({ key, bookmark: row, removedAt: at });
            rowDeletes.push(key);
          }
          if (next.record) recordWrites.push(next.record);
          else if (stored[index]) recordDeletes.push(key);
        });
        await Promise.all([
          db.bookmarks.bulkPut(rowWrites),
          db.bookmarks.bulkDelete(rowDeletes),
          db.trash.bulkPut(trashWrites),
          db.trash.bulkDelete(trashDeletes),
          db.syncRecords.bulkPut(recordWrites),
          db.syncRecords.bulkDelete(recordDeletes),
        ]);
      });
    },
  };
}
