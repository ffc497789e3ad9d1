import { nextStamp, type Stamp } from './clock';
import {
  isDeleted,
  stampsOf,
  valuesEqual,
  type PaperFields,
  type Register,
  type SyncRecord,
  type SyncedBookmark,
} from './record';

/**
 * From local writes to sync records. Call `recordAfterEdit` in the same transaction as every write to
 * a bookmark row (add, edit, delete, restore, import), whether sync is on or off: the record is how a
 * later sync tells this browser's edits from what it received.
 */

function paperOf(row: SyncedBookmark): PaperFields {
  return {
    title: row.title,
    ...(row.arxivId !== undefined ? { arxivId: row.arxivId } : {}),
    ...(row.doi !== undefined ? { doi: row.doi } : {}),
    addedAt: row.addedAt,
  };
}

function set<T>(value: T, stamp: Stamp): Register<T> {
  return { stamp, value };
}

function wholeRecord(row: SyncedBookmark, stamp: Stamp): SyncRecord {
  return {
    key: row.key,
    paper: set(paperOf(row), stamp),
    tags: set([...row.tags], stamp),
    note: set(row.note, stamp),
    read: set(row.read, stamp),
    deleted: set(false, stamp),
  };
}

/**
 * The record of a row that exists without one: a library from before sync, or rows written while the
 * hooks were missing. Stamped at the row's own `updatedAt`, so when two browsers turn sync on with the
 * same bookmark, the one edited more recently wins, and a deletion seen elsewhere later still wins.
 */
export function seedRecord(row: SyncedBookmark, replicaId: string): SyncRecord {
  return wholeRecord(row, { wall: Math.max(0, Math.floor(row.updatedAt)), counter: 0, replica: replicaId });
}

export interface LocalEdit {
  /** The bookmark's sync record before the write, if it has one. */
  record: SyncRecord | undefined;
  /** The row before the write; absent when the write creates it (a new bookmark, a restore). */
  before: SyncedBookmark | undefined;
  /** The row after the write; absent when the write deletes it. */
  after: SyncedBookmark | undefined;
  now: number;
  replicaId: string;
}

/**
 * The record after a local write. Only the registers whose value changed get a new stamp, greater
 * than every stamp already in the record. Any edit of a live row also writes `deleted: false`: the
 * user acted on a bookmark they saw, so an edit made after another browser's deletion (by the clock)
 * revives it, while an edit from before the deletion loses to it. Returns the same record when
 * nothing synced changed.
 */
export function recordAfterEdit({
  record,
  before,
  after,
  now,
  replicaId,
}: LocalEdit): SyncRecord | undefined {
  const base = record ?? (before ? seedRecord(before, replicaId) : undefined);
  if (!after) {
    if (!base || isDeleted(base)) return base;
    return { ...base, deleted: set(true, nextStamp(stampsOf(base), now, replicaId)) };
  }
  const stamp = nextStamp(stampsOf(base), now, replicaId);
  if (!before || !base) return wholeRecord(after, stamp);
  const changed: Partial<Record<'paper' | 'tags' | 'note' | 'read', Register<unknown>>> = {};
  if (!valuesEqual(paperOf(before), paperOf(after))) changed.paper = set(paperOf(after), stamp);
  if (!valuesEqual(before.tags, after.tags)) changed.tags = set([...after.tags], stamp);
  if (before.note !== after.note) changed.note = set(after.note, stamp);
  if (before.read !== after.read) changed.read = set(after.read, stamp);
  if (Object.keys(changed).length === 0) return base;
  return { ...base, ...changed, deleted: set(false, stamp) } as SyncRecord;
}
