import { bucketKey, bucketOf } from './buckets';
import type { BucketValue } from './encode';
import { planBucket, type SyncLevel } from './plan-bucket';
import { DEFAULT_SYNC_QUOTA, type SyncQuota } from './quota';
import { isDeleted, isKnown, type SyncRecord } from './record';
import { isExpiredTombstone, SYNC_TOMBSTONE_TTL_MS } from './tombstones';

/**
 * Which records go to the sync area, and in which item. Local data is never touched by a plan: what
 * does not fit simply stays on this device only (see plan-bucket.ts for the order).
 *
 * Each bucket is planned on its own, within its fixed share of the area: one edit changes one item,
 * and the total stays under the quota whichever browser wrote which bucket last. The price is that
 * the priority order holds within each bucket, and across buckets only on average (keys hash evenly).
 */

export interface PlanSummary {
  /** Bookmarks (not deleted) this browser holds. */
  bookmarks: number;
  /** Bookmarks sent, with or without their note. */
  synced: number;
  /** Bookmarks sent whose note is kept on this device only, by read state. */
  notesKept: { read: number; unread: number };
  /** Bookmarks not sent at all, by read state. */
  bookmarksKept: { read: number; unread: number };
  deletions: { synced: number; kept: number };
  /** Bytes the bucket items take, as the browser counts them, and how many items. */
  bytes: number;
  items: number;
}

export interface SyncPlan {
  /** Every bucket item as planned, by item key (empty buckets included). */
  buckets: Map<string, { value: BucketValue; bytes: number; sent: SyncRecord[] }>;
  levels: Map<string, SyncLevel>;
  summary: PlanSummary;
}

export interface PlanOptions {
  /** The records the area holds now: older copies of ours there are pinned (sent first). */
  remote?: ReadonlyMap<string, SyncRecord>;
  /** When given, deletions older than the sync area's tombstone lifetime are no longer sent. */
  now?: number;
}

export function planSync(
  records: Iterable<SyncRecord>,
  quota: SyncQuota = DEFAULT_SYNC_QUOTA,
  { remote, now }: PlanOptions = {},
): SyncPlan {
  const byBucket: SyncRecord[][] = Array.from({ length: quota.bucketCount }, () => []);
  const all: SyncRecord[] = [];
  for (const record of records) {
    all.push(record);
    const expired = now !== undefined && isExpiredTombstone(record, now, SYNC_TOMBSTONE_TTL_MS);
    // An expired deletion is still sent when the area holds a live copy it answers.
    const answers = remote?.has(record.key) && !isDeleted(remote.get(record.key)!);
    if (!expired || answers) byBucket[bucketOf(record.key, quota.bucketCount)]!.push(record);
  }
  const buckets: SyncPlan['buckets'] = new Map();
  const levels = new Map<string, SyncLevel>();
  byBucket.forEach((bucketRecords, index) => {
    const key = bucketKey(index);
    const planned = planBucket(key, bucketRecords, quota.bucketBytes, remote);
    buckets.set(key, { value: planned.value, bytes: planned.bytes, sent: planned.sent });
    for (const [recordKey, level] of planned.levels) levels.set(recordKey, level);
  });
  return { buckets, levels, summary: summarize(all, levels, buckets) };
}

function summarize(
  records: readonly SyncRecord[],
  levels: ReadonlyMap<string, SyncLevel>,
  buckets: SyncPlan['buckets'],
): PlanSummary {
  const summary: PlanSummary = {
    bookmarks: 0,
    synced: 0,
    notesKept: { read: 0, unread: 0 },
    bookmarksKept: { read: 0, unread: 0 },
    deletions: { synced: 0, kept: 0 },
    bytes: 0,
    items: 0,
  };
  for (const record of records) {
    const level = levels.get(record.key) ?? 'local-only';
    if (isDeleted(record)) {
      summary.deletions[level === 'tombstone' ? 'synced' : 'kept']++;
      continue;
    }
    const readState = isKnown(record.read) && record.read.value ? 'read' : 'unread';
    summary.bookmarks++;
    if (level === 'local-only') summary.bookmarksKept[readState]++;
    else summary.synced++;
    if (level === 'without-note') summary.notesKept[readState]++;
  }
  for (const bucket of buckets.values()) {
    if (bucket.sent.length === 0) continue;
    summary.bytes += bucket.bytes;
    summary.items++;
  }
  return summary;
}
