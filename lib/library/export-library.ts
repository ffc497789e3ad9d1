import { utcDay } from '../dates';
import { toBackupJson } from './export/backup';
import type { PaperPulseDB } from '../storage/db';
import { exportFileName, exportFormat, type ExportFormatId } from './export';
import { downloadText } from './download';

/** Downloads the whole library (not only the rows a filter shows) in one format, oldest first. */
export async function exportLibrary(
  db: PaperPulseDB,
  formatId: ExportFormatId,
  now: number,
): Promise<number> {
  const bookmarks = await db.bookmarks.orderBy('addedAt').toArray();
  const format = exportFormat(formatId);
  downloadText(format.serialize(bookmarks, now), exportFileName(formatId, now), format.mimeType);
  return bookmarks.length;
}

/** "Export everything": the library and the settings, in one backup file that imports back whole. */
export async function exportEverything(db: PaperPulseDB, settings: unknown, now: number): Promise<number> {
  const bookmarks = await db.bookmarks.orderBy('addedAt').toArray();
  const { mimeType } = exportFormat('backup');
  downloadText(toBackupJson(bookmarks, now, settings), `paperpulse-everything-${utcDay(now)}.json`, mimeType);
  return bookmarks.length;
}
