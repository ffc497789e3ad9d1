import type { PaperPulseDB } from '../storage/db';
import type { ProtocolResponses } from '../messaging/contract';
import { MAX_IMPORT_BYTES, parseImportFile } from './import';
import { previewImport, type ImportPreview } from './import/preview';

export type PreparedImport =
  { ok: true; fileName: string; preview: ImportPreview; restore: boolean } | { ok: false; error: string };

/** Only what the popup needs of a `File`, so that tests can pass a plain object. */
export interface ImportFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

/**
 * Reads a chosen file into a preview against the library. Writes nothing: the user confirms the
 * preview first. The size is checked before reading, so a huge file is refused without loading it.
 */
export async function prepareImport(
  db: PaperPulseDB,
  file: ImportFile,
  now: number,
): Promise<PreparedImport> {
  if (file.size > MAX_IMPORT_BYTES) {
    const megabytes = (file.size / 1024 / 1024).toFixed(1);
    return { ok: false, error: `This file is too large to import (${megabytes} MB; the limit is 20 MB).` };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, error: `This file could not be read (${(error as Error).message}).` };
  }
  const parsed = parseImportFile(file.name, text, now);
  if (!parsed.ok) return parsed;
  const library = await db.bookmarks.toArray();
  // A backup's rows are complete: restoring one with "overwrite" puts them back exactly.
  const restore = parsed.format === 'backup';
  const preview = previewImport(parsed.candidates, library, { invalid: parsed.invalid, restore });
  return { ok: true, fileName: file.name, preview, restore };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Imported 2 new bookmarks; 1 updated; 3 already up to date." */
export function importSummary({ added, updated, unchanged }: ProtocolResponses['library.import']): string {
  const parts = [`Imported ${plural(added, 'new bookmark', 'new bookmarks')}`, `${updated} updated`];
  if (unchanged) parts.push(`${unchanged} already up to date`);
  return `${parts.join('; ')}.`;
}
