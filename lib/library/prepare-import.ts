import type { PaperPulseDB } from '../storage/db';
import { t, tp } from '../i18n';
import type { ProtocolResponses } from '../messaging/contract';
import type { ImportResult } from './import';
import { isTooLarge, tooLargeMessage, type ImportFile } from './import/file-limits';
import { previewImport, type ImportPreview } from './import/preview';

export type { ImportFile };

export type PreparedImport =
  | { ok: true; fileName: string; preview: ImportPreview; restore: boolean; settings?: unknown }
  | { ok: false; error: string };

/** Reads and parses a file: lib/library/import/off-thread.ts in the popup, the plain reader in tests. */
export type ParseImport = (file: ImportFile, now: number) => Promise<ImportResult>;

/**
 * Reads a chosen file into a preview against the library. Writes nothing: the user confirms the
 * preview first. The size is checked before anything else, so a huge file is refused at once.
 * This module is the popup's side and must not load the parsers (they are the Worker's).
 */
export async function prepareImport(
  db: PaperPulseDB,
  file: ImportFile,
  now: number,
  parse: ParseImport,
): Promise<PreparedImport> {
  if (isTooLarge(file.size)) return { ok: false, error: tooLargeMessage(file.size) };
  const parsed = await parse(file, now);
  if (!parsed.ok) return parsed;
  const library = await db.bookmarks.toArray();
  // A backup's rows are complete: restoring one with "overwrite" puts them back exactly.
  const restore = parsed.format === 'backup';
  const preview = previewImport(parsed.candidates, library, { invalid: parsed.invalid, restore });
  return {
    ok: true,
    fileName: file.name,
    preview,
    restore,
    ...(parsed.settings === undefined ? {} : { settings: parsed.settings }),
  };
}

/** "Imported 2 new bookmarks; 1 updated; 3 already up to date." */
export function importSummary({ added, updated, unchanged }: ProtocolResponses['library.import']): string {
  const imported = tp('importSummary', added);
  return unchanged
    ? t('importDoneUnchanged', imported, t('importUpdated', updated), t('importUnchanged', unchanged))
    : t('importDone', imported, t('importUpdated', updated));
}
