import { quotaErrorKind, type QuotaErrorKind, type SyncArea } from './area';
import { mergeIntoLocal, type LocalEntry } from './local-apply';
import { covers, recordsEqual } from './merge';
import { planSync, type PlanSummary, type SyncPlan } from './plan';
import { DEFAULT_SYNC_QUOTA, quotaBesides, type SyncQuota } from './quota';
import { readArea, type AreaContents } from './read-area';
import { valuesEqual, type SyncRecord, type SyncedBookmark } from './record';
import { isExpiredTombstone, LOCAL_TOMBSTONE_TTL_MS } from './tombstones';
import { logWrite, nextWriteAt, SYNC_WRITE_LIMITS, type WriteLimits } from './write-budget';

/** The local library as the engine sees it. The lead implements it over Dexie. */
export interface LocalLibrary {
  /** Every bookmark row (its synced fields) and every sync record, tombstones included. */
  read(): Promise<{ rows: SyncedBookmark[]; records: SyncRecord[] }>;
  /**
   * In one transaction, for each key: read the row and record as they are now, call `change`, and
   * write what it returns (row absent: delete the row; record absent: delete the record). `change`
   * is synchronous, so it fits a Dexie transaction.
   */
  update(keys: readonly string[], change: (key: string, current: LocalEntry) => LocalEntry): Promise<void>;
}

export interface SyncInput {
  /** The user's setting. Off: the engine reads and writes nothing. */
  enabled: boolean;
  local: LocalLibrary;
  area: SyncArea;
  /** This browser's id, made once and kept in local storage (never in the sync area). */
  replicaId: string;
  now: number;
  /** When this extension last wrote to the area (ms), kept by the caller between runs. */
  budget: { recentWrites: readonly number[]; limits?: WriteLimits };
  quota?: SyncQuota;
}

export interface SyncOutcome {
  status: 'off' | 'synced' | 'deferred' | 'failed';
  /** The bookmarks other browsers' writes created, changed and deleted here (to tell open tabs). */
  applied: { created: string[]; updated: string[]; deleted: string[] };
  /** Bucket items written by this run. */
  written: string[];
  /** Bucket items with changes not yet in the area, and how many bookmarks those changes are. */
  pending: string[];
  pendingBookmarks: number;
  /** When to run again for the pending changes (absent: at the next sync event). */
  retryAt?: number;
  error?: { message: string; quota?: QuotaErrorKind };
  /** The write log to keep for the next run. */
  recentWrites: number[];
  /** What is synced and what stays on this device (for the options page). */
  plan?: PlanSummary;
  /** Some bucket was written by a later PaperPulse: it is read if possible, never overwritten. */
  newerFormat?: boolean;
}

/** The local entry after what the area holds, with long-expired deletions forgotten. */
function settle(
  current: LocalEntry,
  incoming: SyncRecord | undefined,
  replicaId: string,
  now: number,
): LocalEntry {
  const forgotten = (record: SyncRecord) => isExpiredTombstone(record, now, LOCAL_TOMBSTONE_TTL_MS);
  // A long-expired deletion of something this browser never had: nothing to delete, nothing to keep.
  if (incoming && !current.record && !current.row && forgotten(incoming)) return current;
  const next = mergeIntoLocal(current, incoming, replicaId);
  if (next.record && !next.row && forgotten(next.record)) return {};
  return next;
}

function entriesEqual(a: LocalEntry, b: LocalEntry): boolean {
  return recordsEqual(a.record, b.record) && valuesEqual(a.row, b.row);
}

function bucketsToWrite(plan: SyncPlan, contents: AreaContents, bucketBytes: number) {
  const pending: string[] = [];
  let pendingBookmarks = 0;
  let newerFormat = false;
  for (const [itemKey, planned] of plan.buckets) {
    const remote = contents.buckets.get(itemKey);
    if (remote?.status === 'newer') {
      newerFormat = true;
      continue;
    }
    const missing = planned.sent.filter((record) => !covers(remote?.records.get(record.key), record));
    const broken =
      remote !== undefined &&
      (remote.status !== 'ok' || remote.invalidEntries > 0 || remote.bytes > bucketBytes);
    if (missing.length || broken) {
      pending.push(itemKey);
      pendingBookmarks += missing.length;
    }
  }
  return { pending, pendingBookmarks, newerFormat };
}

/**
 * One sync: read the area, merge it into the local library, then write back the buckets the area
 * lacks something of (in one set() call, one write operation), if the write budget allows. Local
 * data is only ever merged into, so a failed or deferred write loses nothing: the next run finds the
 * same difference and writes it.
 */
export async function syncOnce(input: SyncInput): Promise<SyncOutcome> {
  const { local, area, replicaId, now } = input;
  const outcome: SyncOutcome = {
    status: 'off',
    applied: { created: [], updated: [], deleted: [] },
    written: [],
    pending: [],
    pendingBookmarks: 0,
    recentWrites: [...input.budget.recentWrites],
  };
  if (!input.enabled) return outcome;
  const baseQuota = input.quota ?? DEFAULT_SYNC_QUOTA;

  const [snapshot, contents] = await Promise.all([local.read(), readArea(area, baseQuota.bucketCount)]);
  const entries = new Map<string, LocalEntry>();
  for (const record of snapshot.records) entries.set(record.key, { record });
  for (const row of snapshot.rows) entries.set(row.key, { ...entries.get(row.key), row });
  for (const key of contents.records.keys()) if (!entries.has(key)) entries.set(key, {});

  const state: SyncRecord[] = [];
  const changed: string[] = [];
  for (const [key, current] of entries) {
    const next = settle(current, contents.records.get(key), replicaId, now);
    if (next.record) state.push(next.record);
    if (entriesEqual(current, next)) continue;
    changed.push(key);
    if (next.row && !current.row) outcome.applied.created.push(key);
    else if (!next.row && current.row) outcome.applied.deleted.push(key);
    else if (next.row && !valuesEqual(next.row, current.row)) outcome.applied.updated.push(key);
  }
  try {
    if (changed.length) {
      await local.update(changed, (key, current) =>
        settle(current, contents.records.get(key), replicaId, now),
      );
    }
  } catch (error) {
    return { ...outcome, status: 'failed', error: { message: String(error) } };
  }

  const quota = quotaBesides(contents.foreignBytes, baseQuota);
  const plan = planSync(state, quota, { remote: contents.records, now });
  const { pending, pendingBookmarks, newerFormat } = bucketsToWrite(plan, contents, quota.bucketBytes);
  Object.assign(outcome, {
    plan: plan.summary,
    pending,
    pendingBookmarks,
    ...(newerFormat ? { newerFormat } : {}),
  });
  if (!pending.length) return { ...outcome, status: 'synced' };

  const writeAt = nextWriteAt(input.budget.recentWrites, now, input.budget.limits ?? SYNC_WRITE_LIMITS);
  if (writeAt > now) return { ...outcome, status: 'deferred', retryAt: writeAt };

  const items = Object.fromEntries(pending.map((itemKey) => [itemKey, plan.buckets.get(itemKey)!.value]));
  // A rejected write may still have counted against the browser's rate limit: log it either way.
  outcome.recentWrites = logWrite(input.budget.recentWrites, now);
  try {
    await area.set(items);
  } catch (error) {
    const quota = quotaErrorKind(error);
    const retryAt =
      quota === 'writes-per-minute'
        ? now + 60_000
        : quota === 'writes-per-hour'
          ? now + 3_600_000
          : undefined;
    return {
      ...outcome,
      status: 'failed',
      error: { message: error instanceof Error ? error.message : String(error), ...(quota ? { quota } : {}) },
      ...(retryAt !== undefined ? { retryAt } : {}),
    };
  }
  return { ...outcome, status: 'synced', written: pending, pending: [], pendingBookmarks: 0 };
}
