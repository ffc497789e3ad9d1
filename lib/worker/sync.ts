import type { BookmarkChanged } from '../messaging/events';
import { loadSettings, SETTINGS_KEY } from '../storage/settings';
import { parseSyncStatus, SYNC_STATUS_KEY, syncStatusOf, type KeyValueArea } from '../storage/sync-state';
import type { SyncArea } from '../sync/area';
import { BUCKET_KEY_PREFIX } from '../sync/buckets';
import { syncOnce, type LocalLibrary, type SyncOutcome } from '../sync/engine';
import type { Alarms } from './scheduler';
import type { SessionArea } from './tab-papers';

/**
 * When the worker syncs bookmarks (lib/sync), one run at a time: a few seconds after local writes
 * (edits come in bursts, and the sync service rations writes), when another browser's bucket
 * arrives in storage.sync, every 30 minutes and at each worker start (to catch what happened while
 * the worker was stopped), at the retry time a deferred or failed run asks for, and when the user
 * switches sync on or off. A failed run is recorded, never thrown: local data is only ever merged
 * into, so the next run finds the same difference and writes it.
 */

export const SYNC_ALARM = 'bookmark-sync';
export const SYNC_RETRY_ALARM = 'bookmark-sync-retry';
export const SYNC_PERIOD_MINUTES = 30;
export const SYNC_DEBOUNCE_MS = 3_000;
/** The write log the engine rations writes by; in storage.session, so a worker restart keeps it. */
export const RECENT_WRITES_KEY = 'syncRecentWrites';

export interface BookmarkSyncDeps {
  local: LocalLibrary;
  area: SyncArea;
  session: SessionArea;
  /** storage.local: the last run's status, for the options page. */
  store: KeyValueArea;
  alarms: Alarms;
  now: () => number;
  enabled: () => Promise<boolean>;
  replicaId: () => Promise<string>;
  /** Tells open tabs about bookmarks another browser created or deleted here. */
  announce: (events: BookmarkChanged[]) => Promise<void>;
  log: (error: unknown) => void;
  /** Runs `task` after `ms` (setTimeout; tests pass their own). */
  later?: (task: () => void, ms: number) => () => void;
}

export function appliedEvents({ created, updated, deleted }: SyncOutcome['applied']): BookmarkChanged[] {
  return [
    ...[...created, ...updated].map((key) => ({ type: 'bookmark.changed' as const, key, bookmarked: true })),
    ...deleted.map((key) => ({ type: 'bookmark.changed' as const, key, bookmarked: false })),
  ];
}

function writeLog(raw: unknown): number[] {
  return Array.isArray(raw)
    ? raw.filter((at): at is number => typeof at === 'number' && Number.isFinite(at))
    : [];
}

const syncSetting = (raw: unknown) => loadSettings(raw).settings.syncBookmarks;

export function createBookmarkSync(deps: BookmarkSyncDeps) {
  const later =
    deps.later ??
    ((task: () => void, ms: number) => {
      const id = setTimeout(task, ms);
      return () => clearTimeout(id);
    });
  let tail: Promise<unknown> = Promise.resolve();
  let queued: Promise<SyncOutcome | undefined> | undefined;
  let cancelDebounce: (() => void) | undefined;

  async function runOnce(): Promise<SyncOutcome> {
    const now = deps.now();
    const [enabled, replicaId, session] = await Promise.all([
      deps.enabled(),
      deps.replicaId(),
      deps.session.get(RECENT_WRITES_KEY),
    ]);
    const recentWrites = writeLog(session[RECENT_WRITES_KEY]);
    let outcome: SyncOutcome;
    try {
      outcome = await syncOnce({
        enabled,
        local: deps.local,
        area: deps.area,
        replicaId,
        now,
        budget: { recentWrites },
      });
    } catch (error) {
      // The area could not be read (sync unavailable) or the library not: nothing was written.
      outcome = {
        status: 'failed',
        applied: { created: [], updated: [], deleted: [] },
        written: [],
        pending: [],
        pendingBookmarks: 0,
        recentWrites,
        error: { message: error instanceof Error ? error.message : String(error) },
      };
    }
    await deps.session.set({ [RECENT_WRITES_KEY]: outcome.recentWrites });
    await deps.store.set({ [SYNC_STATUS_KEY]: syncStatusOf(outcome, now) });
    const retry = outcome.status === 'deferred' || outcome.status === 'failed';
    if (retry && outcome.retryAt !== undefined)
      await deps.alarms.create(SYNC_RETRY_ALARM, { when: Math.max(outcome.retryAt, deps.now() + 1_000) });
    else await deps.alarms.clear(SYNC_RETRY_ALARM);
    await deps.announce(appliedEvents(outcome.applied)).catch(deps.log);
    return outcome;
  }

  /** One sync after the ones already running or waiting; triggers that arrive meanwhile share it. */
  function run(): Promise<SyncOutcome | undefined> {
    if (queued) return queued;
    const next = tail.then(() => {
      queued = undefined;
      return runOnce().catch((error: unknown) => {
        deps.log(error);
        return undefined;
      });
    });
    queued = next;
    tail = next;
    return next;
  }

  return {
    run,

    /** A local bookmark write was committed: sync once the burst is over. */
    localChanged(): void {
      cancelDebounce?.();
      cancelDebounce = later(() => {
        cancelDebounce = undefined;
        void run();
      }, SYNC_DEBOUNCE_MS);
    },

    /** storage.onChanged: another browser's bucket arrived, or the sync switch changed. */
    storageChanged(
      changes: Record<string, { oldValue?: unknown; newValue?: unknown }>,
      areaName: string,
    ): void {
      if (areaName === 'sync' && Object.keys(changes).some((key) => key.startsWith(BUCKET_KEY_PREFIX))) {
        void run();
        return;
      }
      const settings = areaName === 'local' ? changes[SETTINGS_KEY] : undefined;
      // Switching it on merges what the area holds into this library (and back): never overwrites.
      if (settings && syncSetting(settings.oldValue) !== syncSetting(settings.newValue)) void run();
    },

    alarmFired({ name }: { name: string }): void {
      if (name === SYNC_ALARM || name === SYNC_RETRY_ALARM) void run();
    },

    /**
     * At every worker start: the periodic alarm exists, and one sync catches up when the last is
     * older than the period (a browser started after a while, an alarm lost). Not on every wake:
     * Manifest V3 workers start many times a day, and another browser's writes wake the worker
     * through storage.onChanged anyway.
     */
    async start(): Promise<void> {
      const existing = await deps.alarms.get(SYNC_ALARM);
      if (existing?.periodInMinutes !== SYNC_PERIOD_MINUTES)
        await deps.alarms.create(SYNC_ALARM, {
          delayInMinutes: SYNC_PERIOD_MINUTES,
          periodInMinutes: SYNC_PERIOD_MINUTES,
        });
      const last = parseSyncStatus((await deps.store.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY]);
      const stale = !last || last.at > deps.now() || deps.now() - last.at >= SYNC_PERIOD_MINUTES * 60_000;
      if (stale) await run();
    },
  };
}

export type BookmarkSync = ReturnType<typeof createBookmarkSync>;
