import type { Bookmark } from '../storage/records';

/**
 * The PaperPulse backup file: what export writes and import reads (lib/library/export/backup.ts,
 * lib/library/import/backup.ts). Bump the version when the shape changes, and teach import to read
 * every earlier one.
 */
export const BACKUP_FORMAT = 'paperpulse-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  bookmarks: Bookmark[];
}
