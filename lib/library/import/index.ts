import { t } from '../../i18n';
import { IMPORT_LIMITS } from '../../limits';
import type { Bookmark } from '../../storage/records';
import { parseBackupImport } from './backup';
import { parseBibtexImport } from './bibtex';
import type { ImportIssue, ParseOutcome } from './candidates';
import { isTooLarge, tooLargeMessage } from './file-limits';

export type ImportFormat = 'bibtex' | 'backup';

export type ImportResult =
  | { ok: true; format: ImportFormat; candidates: Bookmark[]; invalid: ImportIssue[]; settings?: unknown }
  | { ok: false; error: string };

const BIBTEX_ENTRY = /^\s*@\s*[a-z]+\s*[{(]/im;

/** What the content says first, the file name only when the content is ambiguous. */
export function detectImportFormat(name: string, text: string): ImportFormat | undefined {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'backup';
  if (BIBTEX_ENTRY.test(text)) return 'bibtex';
  const extension = /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase();
  if (extension === 'bib' || extension === 'bibtex') return 'bibtex';
  if (extension === 'json') return 'backup';
  return undefined;
}

function utf8Length(text: string): number {
  // Each UTF-16 unit takes 1–3 UTF-8 bytes, so counting bytes is only needed near the limit.
  return text.length > IMPORT_LIMITS.bytes / 3 ? new TextEncoder().encode(text).length : text.length;
}

/** Reads an import file's text into bookmarks to preview. Never throws: every failure is a message. */
export function parseImportFile(name: string, text: string, now: number = Date.now()): ImportResult {
  try {
    // The popup compares `File.size` before reading (./file-limits.ts); this is the backstop.
    const bytes = utf8Length(text);
    if (isTooLarge(bytes)) return { ok: false, error: tooLargeMessage(bytes) };
    const content = text.replace(/^\uFEFF/, '');
    if (!content.trim()) return { ok: false, error: t('importEmpty') };
    const format = detectImportFormat(name, content);
    if (!format) return { ok: false, error: t('importUnknownFormat') };
    if (format === 'backup' && content.trimStart().startsWith('[')) {
      return { ok: false, error: t('importJsonList') };
    }
    const outcome: ParseOutcome =
      format === 'bibtex' ? parseBibtexImport(content, now) : parseBackupImport(content);
    return outcome.ok
      ? {
          ok: true,
          format,
          candidates: outcome.candidates,
          invalid: outcome.invalid,
          settings: outcome.settings,
        }
      : outcome;
  } catch (error) {
    return {
      ok: false,
      error: t('importUnreadable', error instanceof Error ? error.message : String(error)),
    };
  }
}
