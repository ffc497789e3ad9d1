import { t } from '../../i18n';
import type { Bookmark } from '../../storage/records';
import type { ImportIssue } from './candidates';
import { changedFields, mergeBookmark, type ComparedField } from './merge';

/**
 * What an import would do, before it does anything: papers that are new, papers already in the
 * library (with the fields where the file says something different), and entries that cannot be
 * imported. Pure, so that the popup can show it and tests can check it without a database.
 */

export interface ExistingEntry {
  incoming: Bookmark;
  current: Bookmark;
  /**
   * Fields that `overwriteUserFields` decides: those importing with it would change and importing
   * without it would not. Gaps the file fills (a missing abstract) are not conflicts.
   */
  conflicts: ComparedField[];
}

export interface ImportPreview {
  new: Bookmark[];
  existing: ExistingEntry[];
  invalid: ImportIssue[];
}

export interface PreviewOptions {
  /** Entries the parser already refused, so that the preview is the one list the user reviews. */
  invalid?: readonly ImportIssue[];
  /** The candidates come from a PaperPulse backup (see `restore` in lib/library/import/merge.ts). */
  restore?: boolean;
}

export function conflictingFields(current: Bookmark, incoming: Bookmark, restore = false): ComparedField[] {
  const withFlag = mergeBookmark(current, incoming, { overwriteUserFields: true, restore, now: 0 });
  const withoutFlag = mergeBookmark(current, incoming, { overwriteUserFields: false, restore, now: 0 });
  return changedFields(withoutFlag, withFlag);
}

/** Sorts candidates against the library (a map by key, or the rows). */
export function previewImport(
  candidates: readonly Bookmark[],
  existing: ReadonlyMap<string, Bookmark> | readonly Bookmark[],
  { invalid = [], restore = false }: PreviewOptions = {},
): ImportPreview {
  const library: ReadonlyMap<string, Bookmark> =
    existing instanceof Map
      ? existing
      : new Map((existing as readonly Bookmark[]).map((row) => [row.key, row]));
  const preview: ImportPreview = { new: [], existing: [], invalid: [...invalid] };
  const seen = new Set<string>();
  candidates.forEach((incoming, index) => {
    // Parsers already drop repeats; this guards callers that build candidates some other way.
    if (seen.has(incoming.key)) {
      preview.invalid.push({ index, label: incoming.key, reason: t('importListedTwice', incoming.key) });
      return;
    }
    seen.add(incoming.key);
    const current = library.get(incoming.key);
    if (!current) {
      preview.new.push(incoming);
      return;
    }
    preview.existing.push({ incoming, current, conflicts: conflictingFields(current, incoming, restore) });
  });
  return preview;
}
