import { seedRecord } from './local-edit';
import { mergeRecords, recordsEqual, registersEqual } from './merge';
import { isDeleted, isKnown, lastWriteAt, type SyncRecord, type SyncedBookmark } from './record';

/**
 * From merged records to local rows. `mergeIntoLocal` runs inside the local transaction, on the row
 * and record as they are at that moment, so a user edit made while a sync was reading the area is
 * merged, never overwritten.
 */

/** One bookmark on this device: its row (absent when deleted or never seen) and its sync record. */
export interface LocalEntry {
  row?: SyncedBookmark;
  record?: SyncRecord;
}

/** The row a live record describes, or undefined for a deletion or a record without its paper. */
export function rowFromRecord(record: SyncRecord): SyncedBookmark | undefined {
  if (isDeleted(record) || !isKnown(record.paper)) return undefined;
  const paper = record.paper.value;
  return {
    key: record.key,
    title: paper.title,
    ...(paper.arxivId !== undefined ? { arxivId: paper.arxivId } : {}),
    ...(paper.doi !== undefined ? { doi: paper.doi } : {}),
    tags: isKnown(record.tags) ? [...record.tags.value] : [],
    note: isKnown(record.note) ? record.note.value : '',
    read: isKnown(record.read) ? record.read.value : false,
    addedAt: paper.addedAt,
    updatedAt: lastWriteAt(record),
  };
}

/** The row with every field whose register changed from `before` to `after` (and is known) rewritten. */
function patchRow(row: SyncedBookmark, before: SyncRecord, after: SyncRecord): SyncedBookmark {
  const next: SyncedBookmark = { ...row, tags: [...row.tags] };
  if (!registersEqual<unknown>(before.paper, after.paper) && isKnown(after.paper)) {
    const { title, arxivId, doi, addedAt } = after.paper.value;
    Object.assign(next, { title, arxivId, doi, addedAt });
  }
  if (!registersEqual<unknown>(before.tags, after.tags) && isKnown(after.tags))
    next.tags = [...after.tags.value];
  if (!registersEqual(before.note, after.note) && isKnown(after.note)) next.note = after.note.value;
  if (!registersEqual(before.read, after.read) && isKnown(after.read)) next.read = after.read.value;
  next.updatedAt = Math.max(row.updatedAt, lastWriteAt(after));
  return next;
}

/**
 * The entry after merging `incoming` (a record read from the sync area) into it. A row without a
 * record is seeded first (see seedRecord). When the merge changed the record, the row follows it:
 * deleted when it says deleted, created when a live record arrived, patched field by field when a
 * register changed. A register that arrived withheld (its value stayed on another device) leaves
 * the row's field as it is.
 *
 * When the merge changed nothing, the row is left alone whatever the record says: a row and record
 * out of step means a write that skipped recordAfterEdit, and only news from another browser should
 * delete or bring back a bookmark here.
 */
export function mergeIntoLocal(
  current: LocalEntry,
  incoming: SyncRecord | undefined,
  replicaId: string,
): LocalEntry {
  const base = current.record ?? (current.row ? seedRecord(current.row, replicaId) : undefined);
  const merged = incoming ? (base ? mergeRecords(base, incoming) : incoming) : base;
  if (!merged) return current;
  if (base && recordsEqual(base, merged))
    return { ...(current.row ? { row: current.row } : {}), record: merged };
  let row: SyncedBookmark | undefined;
  if (isDeleted(merged)) row = undefined;
  else if (current.row && base) row = patchRow(current.row, base, merged);
  else row = rowFromRecord(merged);
  return { ...(row ? { row } : {}), record: merged };
}
