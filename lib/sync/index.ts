/**
 * Bookmark sync through the browser's own storage.sync (issue 12, Deliver 1): the pure core. Nothing
 * here touches Dexie, the browser or the clock; the worker passes them in.
 *
 * How it works: each bookmark is a record of last-writer-wins registers (paper, tags, note, read,
 * deleted) stamped by a per-record hybrid logical clock (clock.ts); records merge as a join
 * (merge.ts), so every browser that has seen the same writes holds the same library. Records are
 * packed into 16 items of at most 6,000 bytes (encode.ts, quota.ts); when the library does not fit,
 * the plan (plan.ts, plan-bucket.ts) keeps the rest on this device only, oldest read bookmarks'
 * notes first. `syncOnce` (engine.ts) reads the area, merges it into the library, writes back what
 * the area lacks.
 *
 * Integration the worker needs (lead):
 *
 * 1. Dexie: a new version with a table `syncRecords: 'key'` holding one SyncRecord per bookmark key,
 *    tombstones included (parse rows read back with SyncRecordSchema). No upgrade function: rows
 *    without a record are seeded at the first sync, stamped at their own updatedAt.
 * 2. Replica id: `newReplicaId()` once, stored in storage.local (never storage.sync), read at start.
 *    No clock is stored: stamps come from each record's own stamps and `now`.
 * 3. Every write to a bookmark row (add, remove, restore, updateBookmark, imports, backups) calls
 *    `recordAfterEdit({ record, before, after, now, replicaId })` in the same transaction
 *    (rw on bookmarks + syncRecords) and stores the result, whether sync is on or off; `before` /
 *    `after` are the rows (Bookmark fits SyncedBookmark), undefined when the row is absent.
 * 4. A LocalLibrary over Dexie: `read()` returns every bookmark row and every record; `update(keys,
 *    change)` runs one rw transaction on both tables and, per key, gets the row and record, calls the
 *    synchronous `change`, and writes the result: `row` absent, delete the row (or move it to the
 *    trash); present, put `{ ...existingRow ?? defaultsFor(key), ...row }` so local-only fields
 *    (authors, summary, URLs, venue, site) stay; `record` absent, delete it; present, put it.
 * 5. Calls to `syncOnce({ enabled, local, area: browser.storage.sync, replicaId, now: Date.now(),
 *    budget: { recentWrites } })`, one at a time (chain them), keeping `outcome.recentWrites` in
 *    storage.session for the next run, on:
 *      - each local bookmark write, debounced (a few seconds: edits come in bursts, writes are rationed);
 *      - storage.onChanged for areaName 'sync' when a key starts with BUCKET_KEY_PREFIX ('bm.');
 *      - a periodic alarm (e.g. every 30 minutes) and at startup, to catch anything missed while the
 *        worker was stopped;
 *      - an alarm at `outcome.retryAt` when the outcome is 'deferred' or 'failed';
 *      - the user turning sync on in the options (turning it on merges; nothing is overwritten).
 *    Then tell open tabs about `outcome.applied.created` / `.deleted` / `.updated` (BOOKMARK_CHANGED).
 * 6. Options page: the sync switch (`enabled`), and `describeSyncPlan(outcome.plan)` from the last
 *    outcome (kept in storage.local), plus, when status is 'failed', that `pendingBookmarks` changes
 *    wait for the next sync (error.quota says which limit), and when `newerFormat`, that another
 *    browser runs a newer PaperPulse. The strings go to _locales.
 * 7. Firefox: storage.sync needs the gecko id (already in wxt.config.ts); Firefox for Android does not
 *    sync (bug 1625257). PRIVACY.md: when sync is on, each bookmark's key, title, arXiv id / DOI,
 *    tags, note, read state and times go to the browser's sync service, nothing else.
 */

export { compareStamps, nextStamp, type Stamp } from './clock';
export {
  isDeleted,
  SyncRecordSchema,
  type PaperFields,
  type Register,
  type SyncRecord,
  type SyncState,
  type SyncedBookmark,
} from './record';
export { covers, mergeRecords, mergeStates } from './merge';
export { recordAfterEdit, seedRecord, type LocalEdit } from './local-edit';
export { mergeIntoLocal, rowFromRecord, type LocalEntry } from './local-apply';
export { isExpiredTombstone, LOCAL_TOMBSTONE_TTL_MS, SYNC_TOMBSTONE_TTL_MS } from './tombstones';
export { BUCKET_KEY_PREFIX } from './buckets';
export { encodeBucket } from './encode';
export { decodeBucket } from './decode';
export { DEFAULT_SYNC_QUOTA, itemBytes, quotaBesides, SYNC_AREA_LIMITS, type SyncQuota } from './quota';
export { planSync, type PlanOptions, type PlanSummary, type SyncPlan } from './plan';
export type { SyncLevel } from './plan-bucket';
export { describeSyncPlan } from './summary-text';
export { quotaErrorKind, type QuotaErrorKind, type SyncArea } from './area';
export { logWrite, nextWriteAt, SYNC_WRITE_LIMITS, type WriteLimits } from './write-budget';
export { syncOnce, type LocalLibrary, type SyncInput, type SyncOutcome } from './engine';
export { newReplicaId } from './replica-id';
