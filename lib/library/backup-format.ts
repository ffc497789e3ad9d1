import type { Bookmark } from '../storage/records';

/**
 * The PaperPulse backup file: what export writes and import reads (lib/library/export/backup.ts,
 * lib/library/import/backup.ts). Bump the version when the shape changes, and teach import to read
 * every earlier one.
 */
export const BACKUP_FORMAT = 'paperpulse-backup';
/** v2 may also hold the settings ("Export everything" on the options page); v1 files still import. */
export const BACKUP_VERSION = 2;
export const READABLE_BACKUP_VERSIONS: readonly number[] = [1, 2];

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  bookmarks: Bookmark[];
  /** The settings as stored (lib/storage/settings.ts reads them, older versions included). */
  settings?: unknown;
}
