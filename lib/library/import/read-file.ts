import { t } from '../../i18n';
import { parseImportFile, type ImportResult } from '.';
import { isTooLarge, tooLargeMessage, type ImportFile } from './file-limits';

/**
 * Reads a chosen file into bookmarks to preview; never throws. The size is checked before the file
 * is read, so a huge file is refused without loading it. Runs in the import's Worker
 * (./parse-worker.ts), and in tests as a plain call.
 */
export async function readImportFile(file: ImportFile, now: number): Promise<ImportResult> {
  if (isTooLarge(file.size)) return { ok: false, error: tooLargeMessage(file.size) };
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, error: t('importUnreadable', (error as Error).message) };
  }
  return parseImportFile(file.name, text, now);
}
