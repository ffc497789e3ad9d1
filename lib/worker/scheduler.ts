import browser from 'webextension-polyfill';
import { getDb } from '../storage/db';
import { updateBadge } from './badge';
import { getState } from '../storage/state';
import { getSettings } from '../storage/settings';
import { syncRelatedIndex } from '../related/sync';
import { isRefreshDue, nextRetryDelay, runRefresh, type RefreshOutcome } from '../feed/refresh';

export const REFRESH_ALARM = 'refresh';
export const RETRY_ALARM = 'refresh-retry';

let running: Promise<RefreshOutcome> | undefined;

/**
 * Runs one refresh (never two at once in this worker), updates the badge, and schedules the retry
 * or follow-up. Everything that matters is in IndexedDB, so a worker stopped at any point loses
 * at most the day it was fetching; `resumeIfInterrupted` notices and retries.
 */
export function refreshNow(): Promise<RefreshOutcome> {
  running ??= (async () => {
    const db = getDb();
    const settings = await getSettings();
    try {
      const outcome = await runRefresh({
        db,
        fetch: (...args) => fetch(...args),
        now: Date.now(),
        clock: Date.now,
        retentionDays: settings.retentionDays,
      });
      const delay = nextRetryDelay(
        outcome,
        await getState(db, 'failedAttempts'),
        settings.refreshIntervalMinutes,
      );
      if (delay === undefined) await browser.alarms.clear(RETRY_ALARM);
      else await browser.alarms.create(RETRY_ALARM, { when: Date.now() + delay });
      // Keep the Related index current here, so the popup finds it ready.
      if (outcome.daysStored.length) await syncRelatedIndex(db, Date.now()).catch(() => undefined);
      return outcome;
    } finally {
      await updateBadge(db).catch(() => undefined);
    }
  })().finally(() => {
    running = undefined;
  });
  return running;
}

/** For event listeners: a refresh whose failure is logged, never an unhandled rejection in the worker. */
export function startRefresh(): void {
  refreshNow().catch((error: unknown) => console.error('PaperPulse: refresh failed', error));
}

/** The periodic alarm; alarms can be lost across browser restarts, so this is called on every wake. */
export async function ensureRefreshAlarm(): Promise<void> {
  const { refreshIntervalMinutes } = await getSettings();
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (existing?.periodInMinutes === refreshIntervalMinutes) return;
  await browser.alarms.create(REFRESH_ALARM, {
    periodInMinutes: refreshIntervalMinutes,
    delayInMinutes: refreshIntervalMinutes,
  });
}

export async function refreshIfDue(): Promise<boolean> {
  if (running) return false;
  const { refreshIntervalMinutes } = await getSettings();
  if (!(await isRefreshDue(getDb(), Date.now(), refreshIntervalMinutes))) return false;
  await refreshNow();
  return true;
}

/**
 * On every worker start: if the last refresh was cut off (the worker was stopped mid-request) or
 * failed and no retry is pending, retry now instead of waiting for the hourly alarm.
 */
export async function resumeIfInterrupted(): Promise<void> {
  await ensureRefreshAlarm();
  if (await browser.alarms.get(RETRY_ALARM)) return;
  const db = getDb();
  const [started, finished, ok] = await Promise.all([
    getState(db, 'lastRefreshStartedAt'),
    getState(db, 'lastRefreshFinishedAt'),
    getState(db, 'lastRefreshOkAt'),
  ]);
  if (started > finished || finished > ok) await refreshNow();
}
