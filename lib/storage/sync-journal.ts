import { recordAfterEdit } from '../sync/local-edit';
import { SyncRecordSchema, type SyncRecord, type SyncedBookmark } from '../sync/record';
import type { PaperPulseDB } from './db';

/**
 * The sync side of every bookmark write: each bookmark's sync record (lib/sync) learns what the
 * write changed, in the same Dexie transaction as the write, whether sync is on or off. That is how
 * a later sync tells this browser's edits (and deletions) from what it received.
 */

/** One row as a write found it and left it (absent: no row before, or the row is deleted). */
export interface RowEdit {
  key: string;
  before: SyncedBookmark | undefined;
  after: SyncedBookmark | undefined;
}

/** A stored record, parsed: a row written by an older or damaged version counts as none (it is seeded again). */
export function parseStoredRecord(raw: unknown): SyncRecord | undefined {
  const parsed = SyncRecordSchema.safeParse(raw);
  return parsed.success ? (parsed.data as SyncRecord) : undefined;
}

/**
 * Stamps the edits into their records. Call it inside the write's read-write transaction, which
 * must include `db.syncRecords`; edits of one key apply in order.
 */
export async function journalEdits(
  db: PaperPulseDB,
  edits: readonly RowEdit[],
  now: number,
  replicaId: string,
): Promise<void> {
  if (edits.length === 0) return;
  const keys = [...new Set(edits.map((edit) => edit.key))];
  const stored = await db.syncRecords.bulkGet(keys);
  const records = new Map(keys.map((key, index) => [key, parseStoredRecord(stored[index])]));
  const changed = new Map<string, SyncRecord>();
  for (const { key, before, after } of edits) {
    const record = records.get(key);
    const next = recordAfterEdit({ record, before, after, now, replicaId });
    if (!next || next === record) continue;
    records.set(key, next);
    changed.set(key, next);
  }
  if (changed.size) await db.syncRecords.bulkPut([...changed.values()]);
}
