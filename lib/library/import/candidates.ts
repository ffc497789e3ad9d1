import { BookmarkSchema, type Bookmark } from '../../storage/records';
import { describeIssues, type FieldNames } from './describe-issues';
import { t } from '../../i18n';

/** An entry of an import file that will not be imported, and why. */
export interface ImportIssue {
  /** Position among the file's entries (BibTeX entries, not `@string`s; backup rows), from 0. */
  index: number;
  /** How the user can find it in the file: a citation key or a bookmark key. */
  label?: string;
  reason: string;
}

export interface ImportEntries {
  candidates: Bookmark[];
  invalid: ImportIssue[];
  /** A full export's settings, as stored (checked when they are applied). */
  settings?: unknown;
}

/** What a format's reader makes of a file: entries to preview, or why there are none. */
export type ParseOutcome = ({ ok: true } & ImportEntries) | { ok: false; error: string };

export interface CandidateRow {
  index: number;
  label?: string;
  value: unknown;
}

/**
 * Parses every row with the bookmark schema, as any data entering the extension is. Rows that fail
 * are listed with the reason and the rest go on; a later row for a paper already seen in the same
 * file is listed too, rather than silently replacing the first.
 */
export function validateCandidates(rows: readonly CandidateRow[], names: FieldNames = {}): ImportEntries {
  const candidates: Bookmark[] = [];
  const invalid: ImportIssue[] = [];
  const firstIndexOfKey = new Map<string, number>();
  for (const { index, label, value } of rows) {
    const parsed = BookmarkSchema.safeParse(value);
    const issue = (reason: string) =>
      invalid.push(label === undefined ? { index, reason } : { index, label, reason });
    if (!parsed.success) {
      issue(describeIssues(parsed.error.issues, names));
      continue;
    }
    const first = firstIndexOfKey.get(parsed.data.key);
    if (first !== undefined) {
      issue(t('importSamePaper', parsed.data.key, first + 1));
      continue;
    }
    firstIndexOfKey.set(parsed.data.key, index);
    // Absent, not undefined: rows then compare, store and back up the same whichever way they came.
    const row = Object.fromEntries(Object.entries(parsed.data).filter(([, field]) => field !== undefined));
    candidates.push(row as Bookmark);
  }
  return { candidates, invalid };
}

/** "None of the 3 entries can be imported: entry 1 (smith2024): no title; …" */
export function nothingToImport(invalid: readonly ImportIssue[]): string {
  const reasons = invalid
    .slice(0, 3)
    .map(({ index, label, reason }) =>
      t(
        'importInvalidReason',
        label ? t('importEntryLowerWithKey', index + 1, label) : t('importEntryLower', index + 1),
        reason,
      ),
    )
    .join('; ');
  return invalid.length > 3
    ? t('importNoneValidMore', invalid.length, reasons, invalid.length - 3)
    : t('importNoneValid', invalid.length, reasons);
}
