import type { PaperPulseDB } from '../../storage/db';
import type { Bookmark } from '../../storage/records';
import { mergeBookmark, sameBookmark, type MergeOptions } from './merge';
import type { ImportPreview } from './preview';

export interface ApplyOptions {
  /** Let the file's notes, tags and read state into rows that exist (see lib/import/merge.ts). */
  overwriteUserFields: boolean;
  /** The preview comes from a PaperPulse backup: with `overwriteUserFields`, rows are replaced exactly. */
  restore?: boolean;
  now?: number;
}

export interface ApplyResult {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes an import in one read-write transaction: if any write fails, none is kept. The library is
 * read again inside the transaction rather than trusted from the preview, because a bookmark may
 * have been added (from a paper page, another window) while the user looked at the preview; such a
 * paper is merged like any existing one instead of being overwritten. Nothing is deleted.
 */
export async function applyImport(
  db: PaperPulseDB,
  preview: Pick<ImportPreview, 'new' | 'existing'>,
  options: ApplyOptions,
): Promise<ApplyResult> {
  const merge: MergeOptions = {
    overwriteUserFields: options.overwriteUserFields,
    restore: options.restore ?? false,
    now: options.now ?? Date.now(),
  };
  const incoming = [...preview.new, ...preview.existing.map(({ incoming: row }) => row)];
  return db.transaction('rw', db.bookmarks, async () => {
    const currentRows = await db.bookmarks.bulkGet(incoming.map((row) => row.key));
    const writes: Bookmark[] = [];
    const result: ApplyResult = { added: 0, updated: 0, unchanged: 0 };
    incoming.forEach((row, index) => {
      const current = currentRows[index];
      if (!current) {
        writes.push(row);
        result.added++;
        return;
      }
      const merged = mergeBookmark(current, row, merge);
      if (sameBookmark(merged, current)) {
        result.unchanged++;
      } else {
        writes.push(merged);
        result.updated++;
      }
    });
    // Not caught here: a failed write rejects the transaction callback, and Dexie then aborts it.
    await db.bookmarks.bulkPut(writes);
    return result;
  });
}
