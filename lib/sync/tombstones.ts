import { isDeleted, type SyncRecord } from './record';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long a deletion is kept, in two places.
 *
 * In the sync area, 180 days: tombstones cost quota that bookmarks need, and half a year covers a
 * browser left unused over a long leave. On this device, two years: IndexedDB is cheap (a tombstone
 * is ~100 bytes), and a browser that still remembers a deletion answers a stale copy that shows up
 * in the sync area later (the planner pins it: see plan-bucket.ts), even after the area forgot it.
 *
 * The risk: a browser that holds a bookmark, stays offline longer than both (or comes back after
 * every browser that saw the deletion was reset), uploads its copy and the bookmark comes back.
 * Nothing is ever lost that way; a deleted bookmark reappears and can be deleted again.
 */
export const SYNC_TOMBSTONE_TTL_MS = 180 * DAY_MS;
export const LOCAL_TOMBSTONE_TTL_MS = 730 * DAY_MS;

/** A deletion written more than `ttl` ago. Live records never expire. */
export function isExpiredTombstone(record: SyncRecord, now: number, ttl: number): boolean {
  return isDeleted(record) && record.deleted !== undefined && record.deleted.stamp.wall < now - ttl;
}
