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

/**
 * A row as sync sees it, or undefined for one that stays on this device. The browser stores sync
 * items as UTF-8, which turns a lone surrogate (a string cut inside an emoji, a hostile import) into
 * U+FFFD: a key that is not well-formed Unicode would come back as another bookmark, so such a
 * bookmark is not synced at all; other text is sent as the browser will keep it.
 */
export function syncedView<Row extends SyncedBookmark>(row: Row | undefined): Row | undefined {
  if (!row || !row.key.isWellFormed()) return undefined;
  const text = (value: string) => value.toWellFormed();
  return {
    ...row,
    title: text(row.title),
    ...(row.arxivId !== undefined ? { arxivId: text(row.arxivId) } : {}),
    ...(row.doi !== undefined ? { doi: text(row.doi) } : {}),
    tags: row.tags.map(text),
    note: text(row.note),
  };
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
  const synced = edits.filter((edit) => edit.key.isWellFormed());
  if (synced.length === 0) return;
  const keys = [...new Set(synced.map((edit) => edit.key))];
  const stored = await db.syncRecords.bulkGet(keys);
  const records = new Map(keys.map((key, index) => [key, parseStoredRecord(stored[index])]));
  const changed = new Map<string, SyncRecord>();
  for (const { key, before, after } of synced) {
    const record = records.get(key);
    const next = recordAfterEdit({
      record,
      before: syncedView(before),
      after: syncedView(after),
      now,
      replicaId,
    });
    if (!next || next === record) continue;
    records.set(key, next);
    changed.set(key, next);
  }
  if (changed.size) await db.syncRecords.bulkPut([...changed.values()]);
}
