import type { PaperPulseDB } from '../storage/db';
import type { Settings } from '../storage/settings';
import type { GateDecision, Trigger } from '../feed/gate';
import { claimRefresh, nextAutomaticRefresh } from '../feed/gate-state';
import { runRefresh, type RefreshOutcome } from '../feed/refresh';

export type { Trigger } from '../feed/gate';

export const REFRESH_ALARM = 'refresh';
/** The failure backoff, a Retry-After and the follow-up run: the next time the gate will say yes. */
export const RETRY_ALARM = 'refresh-retry';

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

export interface TriggerResult {
  /** The gate's answer to this trigger (or to the one whose run it joined). */
  decision: GateDecision;
  /** The run it started, when the gate let one through. */
  outcome?: RefreshOutcome;
  /** When an automatic refresh may next start (also in state: `nextRefreshAllowedAt`). */
  nextAllowedAt: number;
}

/**
 * When PaperPulse talks to Hugging Face. Every trigger the browser gives the worker comes here and
 * goes through the one gate (lib/feed/gate.ts), decided from what is stored, never from memory,
 * because a Manifest V3 worker can be stopped between any two events. The only memory here is the
 * run in flight, so that triggers arriving together share it.
 */
export function createScheduler(deps: SchedulerDeps) {
  const { db, alarms, now } = deps;
  let running: Promise<TriggerResult> | undefined;

  /** The retry alarm follows the gate: set for a backoff, Retry-After, cap or follow-up, else cleared. */
  async function scheduleNext(intervalMinutes: number): Promise<number> {
    const next = await nextAutomaticRefresh(db, now(), intervalMinutes);
    if (next.reason === 'interval') await alarms.clear(RETRY_ALARM);
    else await alarms.create(RETRY_ALARM, { when: Math.max(next.at, now()) });
    return next.at;
  }

  async function gateAndRun(trigger: Trigger): Promise<TriggerResult> {
    const settings = await deps.settings();
    const interval = settings.refreshIntervalMinutes;
    const decision = await claimRefresh(db, trigger, now(), interval);
    if (!decision.allowed) return { decision, nextAllowedAt: await scheduleNext(interval) };
    let outcome: RefreshOutcome | undefined;
    try {
      outcome = await runRefresh({
        db,
        fetch: deps.fetch,
        now: now(),
        clock: now,
        retentionDays: settings.retentionDays,
        recentOnly: trigger === 'manual',
      });
      return { decision, outcome, nextAllowedAt: await scheduleNext(interval) };
    } finally {
      await deps.afterRun(outcome);
    }
  }

  /**
   * The periodic alarm; alarms can be lost across browser restarts, so this runs on every wake.
   * One scheduled more than a period ahead means the clock was set back since: it is set again.
   */
  async function ensureRefreshAlarm(): Promise<void> {
    const { refreshIntervalMinutes } = await deps.settings();
    const existing = await alarms.get(REFRESH_ALARM);
    const periodMs = refreshIntervalMinutes * 60_000;
    if (existing?.periodInMinutes === refreshIntervalMinutes && existing.scheduledTime <= now() + periodMs)
      return;
    // `when` from the injected clock rather than `delayInMinutes`, so tests' clocks agree.
    await alarms.create(REFRESH_ALARM, { periodInMinutes: refreshIntervalMinutes, when: now() + periodMs });
  }

  return {
    /**
     * Every trigger: install, browser start, the periodic and retry alarms, the popup opening, a
     * worker waking and "Refresh now" (`manual`). Resolves when any run it started has finished.
     */
    async trigger(trigger: Trigger): Promise<TriggerResult> {
      if (trigger === 'wake') await ensureRefreshAlarm();
      running ??= gateAndRun(trigger).finally(() => {
        running = undefined;
      });
      return running;
    },
    /**
     * The user's "Refresh now" (popup header, options page): the gate allows it at most once a
     * minute and never before a Retry-After; says when the next try is allowed otherwise.
     */
    async manual(): Promise<{ started: boolean; nextAllowedAt: number }> {
      const { decision, nextAllowedAt } = await this.trigger('manual');
      return decision.allowed
        ? { started: true, nextAllowedAt }
        : { started: false, nextAllowedAt: decision.at };
    },
    /** The trigger an alarm stands for, or undefined for alarms that are not the scheduler's. */
    alarmTrigger(name: string): Trigger | undefined {
      return name === REFRESH_ALARM ? 'alarm' : name === RETRY_ALARM ? 'retry' : undefined;
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
