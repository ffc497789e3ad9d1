import type { PaperPulseDB } from '../storage/db';
import { getState, setState } from '../storage/state';
import type { Settings } from '../storage/settings';
import { isRefreshDue, nextRetryDelay, runRefresh, type RefreshOutcome } from '../feed/refresh';

export const REFRESH_ALARM = 'refresh';
export const RETRY_ALARM = 'refresh-retry';
const MANUAL_EVERY_MS = 60_000;

/** The part of `browser.alarms` the scheduler uses; tests pass WXT's fake browser. */
export interface Alarms {
  get(name: string): Promise<{ name: string; periodInMinutes?: number; scheduledTime: number } | undefined>;
  create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }): unknown;
  clear(name: string): Promise<boolean>;
}

export interface SchedulerDeps {
  db: PaperPulseDB;
  alarms: Alarms;
  fetch: typeof fetch;
  now: () => number;
  settings: () => Promise<Settings>;
  /** After every run, whatever its outcome (the badge, the Related index); undefined when it threw. */
  afterRun: (outcome: RefreshOutcome | undefined) => Promise<void>;
}

export type Trigger = 'install' | 'startup' | 'alarm' | 'retry' | 'popup' | 'wake';

/**
 * When PaperPulse talks to Hugging Face. Every trigger the browser gives the worker comes here;
 * the policy is decided from what is stored (IndexedDB and alarms), never from memory, because a
 * Manifest V3 worker can be stopped between any two events.
 */
export function createScheduler(deps: SchedulerDeps) {
  const { db, alarms, now } = deps;
  let running: Promise<RefreshOutcome> | undefined;

  /** One refresh at a time in this worker; schedules the retry or follow-up it asks for. */
  function refreshNow(): Promise<RefreshOutcome> {
    running ??= (async () => {
      const settings = await deps.settings();
      let outcome: RefreshOutcome | undefined;
      try {
        outcome = await runRefresh({
          db,
          fetch: deps.fetch,
          now: now(),
          clock: now,
          retentionDays: settings.retentionDays,
        });
        const delay = nextRetryDelay(
          outcome,
          await getState(db, 'failedAttempts'),
          settings.refreshIntervalMinutes,
        );
        if (delay === undefined) await alarms.clear(RETRY_ALARM);
        else await alarms.create(RETRY_ALARM, { when: now() + delay });
        return outcome;
      } finally {
        await deps.afterRun(outcome);
      }
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  /** The periodic alarm; alarms can be lost across browser restarts, so this runs on every wake. */
  async function ensureRefreshAlarm(): Promise<void> {
    const { refreshIntervalMinutes } = await deps.settings();
    const existing = await alarms.get(REFRESH_ALARM);
    if (existing?.periodInMinutes === refreshIntervalMinutes) return;
    await alarms.create(REFRESH_ALARM, {
      periodInMinutes: refreshIntervalMinutes,
      delayInMinutes: refreshIntervalMinutes,
    });
  }

  /** The popup opened: refresh when the last one failed, was cut off or is older than the interval. */
  async function refreshIfDue(): Promise<boolean> {
    if (running) return false;
    const { refreshIntervalMinutes } = await deps.settings();
    if (!(await isRefreshDue(db, now(), refreshIntervalMinutes))) return false;
    await refreshNow();
    return true;
  }

  /**
   * On every worker start: if the last refresh was cut off (the worker was stopped mid-request) or
   * failed and no retry is pending, retry now instead of waiting for the hourly alarm.
   */
  async function resumeIfInterrupted(): Promise<void> {
    await ensureRefreshAlarm();
    if (await alarms.get(RETRY_ALARM)) return;
    const [started, finished, ok] = await Promise.all([
      getState(db, 'lastRefreshStartedAt'),
      getState(db, 'lastRefreshFinishedAt'),
      getState(db, 'lastRefreshOkAt'),
    ]);
    if (started > finished || finished > ok) await refreshNow();
  }

  /** The user's "Refresh now": at most once a minute, never before a 429's Retry-After. */
  async function manual(): Promise<{ started: boolean; nextAllowedAt: number }> {
    const [notBefore, lastManual] = await Promise.all([
      getState(db, 'retryNotBefore'),
      getState(db, 'lastManualRefreshAt'),
    ]);
    const nextAllowedAt = Math.max(notBefore, lastManual + MANUAL_EVERY_MS);
    if (running || now() < nextAllowedAt) return { started: false, nextAllowedAt };
    await setState(db, { lastManualRefreshAt: now() });
    void refreshNow().catch(() => undefined);
    return { started: true, nextAllowedAt: now() + MANUAL_EVERY_MS };
  }

  return {
    manual,
    /** What each trigger does; resolves when any refresh it started has finished. */
    async trigger(trigger: Trigger): Promise<void> {
      switch (trigger) {
        case 'install':
        case 'startup':
        case 'alarm':
        case 'retry':
          await refreshNow();
          return;
        case 'popup':
          await refreshIfDue();
          return;
        case 'wake':
          await resumeIfInterrupted();
      }
    },
    /** The trigger an alarm stands for, or undefined for alarms that are not the scheduler's. */
    alarmTrigger(name: string): Trigger | undefined {
      return name === REFRESH_ALARM ? 'alarm' : name === RETRY_ALARM ? 'retry' : undefined;
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
