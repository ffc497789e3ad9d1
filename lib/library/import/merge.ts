import type { Bookmark } from '../../storage/records';

/**
 * How an imported entry combines with the row already in the library. Nothing is ever removed:
 * - by default the row only gains what it lacks (a DOI, an abstract), and the user's note, tags,
 *   read state and title stay as they are;
 * - with `overwriteUserFields`, the file wins where it says something: its metadata replaces the
 *   row's, its tags are added, a non-empty note from the file replaces the row's, and a paper read
 *   on either side stays read;
 * - with `overwriteUserFields` and `restore` (a PaperPulse backup), the row becomes the backup's
 *   row exactly, timestamps included: that is what restoring a backup means.
 */

/** Fields compared between the file and the library; the key and timestamps are not. */
export const COMPARED_FIELDS = [
  'title',
  'authors',
  'arxivId',
  'doi',
  'site',
  'absUrl',
  'pdfUrl',
  'publishedAt',
  'venue',
  'summary',
  'tags',
  'note',
  'read',
] as const satisfies readonly (keyof Bookmark)[];
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** The fields that hold the user's own work, never overwritten without asking. */
export const USER_FIELDS = ['note', 'tags', 'read'] as const satisfies readonly ComparedField[];

export interface MergeOptions {
  overwriteUserFields: boolean;
  /** The file is a PaperPulse backup, whose rows are complete and authoritative. */
  restore?: boolean;
  /** Stamps `updatedAt` of merged rows (ms). */
  now: number;
}

const USER_FIELD_SET: ReadonlySet<ComparedField> = new Set(USER_FIELDS);
const METADATA_FIELDS = COMPARED_FIELDS.filter((field) => !USER_FIELD_SET.has(field) && field !== 'title');

function isEmpty(value: unknown): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

export function mergeBookmark(current: Bookmark, incoming: Bookmark, options: MergeOptions): Bookmark {
  if (options.overwriteUserFields && options.restore) return incoming;
  const merged: Record<string, unknown> = { ...current };
  for (const field of METADATA_FIELDS) {
    if (!isEmpty(incoming[field]) && (options.overwriteUserFields || isEmpty(current[field]))) {
      merged[field] = incoming[field];
    }
  }
  if (options.overwriteUserFields) {
    merged.title = incoming.title;
    merged.tags = [...new Set([...current.tags, ...incoming.tags])];
    if (incoming.note.trim()) merged.note = incoming.note;
    merged.read = current.read || incoming.read;
  }
  const result = merged as Bookmark;
  return sameBookmark(result, current) ? current : { ...result, updatedAt: options.now };
}

export function sameBookmark(a: Bookmark, b: Bookmark): boolean {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Bookmark>;
  return [...fields].every((field) => JSON.stringify(a[field]) === JSON.stringify(b[field]));
}

function comparable(field: ComparedField, value: Bookmark[ComparedField]): string {
  // Tags are a set: the same tags in another order are not a change worth asking about.
  if (field === 'tags' && Array.isArray(value)) return JSON.stringify([...value].sort());
  return JSON.stringify(value);
}

/** The compared fields whose values differ between two versions of a row. */
export function changedFields(before: Bookmark, after: Bookmark): ComparedField[] {
  return COMPARED_FIELDS.filter(
    (field) => comparable(field, before[field]) !== comparable(field, after[field]),
  );
}
