import { BookmarkSchema, type Bookmark } from '../../storage/records';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../backup-format';

/**
 * The full backup: every bookmark row, every field, exactly as stored, so that importing it again
 * gives back the same library. Fields are written in the schema's order (then any unknown ones, by
 * name) whatever order the rows hold them in, so two backups of the same library are byte-identical
 * and diff cleanly.
 */

const SCHEMA_ORDER: readonly string[] = Object.keys(BookmarkSchema.shape);

function orderedRow(bookmark: Bookmark): Bookmark {
  const row = bookmark as Record<string, unknown>;
  const extra = Object.keys(row)
    .filter((field) => !SCHEMA_ORDER.includes(field))
    .sort();
  const ordered: Record<string, unknown> = {};
  for (const field of [...SCHEMA_ORDER, ...extra]) {
    if (row[field] !== undefined) ordered[field] = row[field];
  }
  return ordered as Bookmark;
}

export function toBackup(
  bookmarks: readonly Bookmark[],
  now: number = Date.now(),
  settings?: unknown,
): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    bookmarks: bookmarks.map(orderedRow),
    ...(settings === undefined ? {} : { settings }),
  };
}

/** The library's backup; with `settings`, "everything" (the options page's export). */
export function toBackupJson(
  bookmarks: readonly Bookmark[],
  now: number = Date.now(),
  settings?: unknown,
): string {
  return `${JSON.stringify(toBackup(bookmarks, now, settings), null, 2)}\n`;
}
