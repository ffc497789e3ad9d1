import { z } from '../../zod';
import { BACKUP_FORMAT, BACKUP_VERSION, READABLE_BACKUP_VERSIONS } from '../backup-format';
import { IMPORT_LIMITS } from '../../limits';
import { nothingToImport, validateCandidates, type ParseOutcome } from './candidates';
import { formatCount } from './describe-issues';
import { t } from '../../i18n';

/**
 * Reads a PaperPulse backup. The envelope is checked first, so that a wrong file is refused with a
 * sentence the user can act on; then each row goes through the bookmark schema on its own, so one
 * damaged row does not cost the whole library.
 */

/** Only what identifies the file; the rows are checked one by one below. */
const EnvelopeSchema = z.looseObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.unknown().optional(),
  bookmarks: z.unknown().optional(),
  settings: z.unknown().optional(),
});

export function parseBackupImport(text: string): ParseOutcome {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: t('importNotJson', (error as Error).message) };
  }
  const envelope = EnvelopeSchema.safeParse(data);
  if (!envelope.success || envelope.data.format !== BACKUP_FORMAT) {
    return {
      ok: false,
      error: t('importNotBackup', BACKUP_FORMAT),
    };
  }
  const { version, bookmarks, settings } = envelope.data;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return {
      ok: false,
      error: t('importNewerBackup', version),
    };
  }
  if (typeof version !== 'number' || !READABLE_BACKUP_VERSIONS.includes(version)) {
    return { ok: false, error: t('importUnknownVersion', String(JSON.stringify(version))) };
  }
  if (!Array.isArray(bookmarks)) return { ok: false, error: t('importNoList') };
  if (bookmarks.length === 0) return { ok: false, error: t('importNoBookmarks') };
  if (bookmarks.length > IMPORT_LIMITS.entries) {
    return {
      ok: false,
      error: t('importBackupTooMany', formatCount(bookmarks.length), formatCount(IMPORT_LIMITS.entries)),
    };
  }
  const rows = bookmarks.map((value: unknown, index) => {
    const key = (value as { key?: unknown } | null)?.key;
    return typeof key === 'string' ? { index, label: key.slice(0, 300), value } : { index, value };
  });
  const { candidates, invalid } = validateCandidates(rows);
  if (candidates.length === 0) return { ok: false, error: nothingToImport(invalid) };
  return { ok: true, candidates, invalid, ...(settings === undefined ? {} : { settings }) };
}
