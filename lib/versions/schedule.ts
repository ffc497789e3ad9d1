import type { VersionCheckRun } from './check-run';

/**
 * When the next version check may run, pure. Once a day: arXiv's answers change only once a day
 * ("there is no need to call the API more than once in a day for the same query", API User's
 * Manual §3.3.1.1). The time is counted from the stored start of the last run, so however often
 * the worker restarts, and whether the run finished, failed or was cut off, it never runs twice
 * within a day.
 */

export const VERSION_CHECK_ALARM = 'version-check';
export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** A `Retry-After` beyond a day is honoured up to a week; a hostile or buggy value cannot switch the feature off. */
export const MAX_RETRY_AFTER_MS = 7 * CHECK_INTERVAL_MS;

export interface LastCheckOutcome {
  ok: boolean;
  /** The server's `Retry-After` from the failed run, if any. */
  retryAfterMs?: number;
}

/**
 * `lastRunAt` 0 or undefined: never ran, due now. A failure is retried the next day too (or after
 * its `Retry-After`, when longer). A `lastRunAt` more than a day in the future means the clock was
 * set back since: waiting for it could block checks for months, so the check is due now and its
 * run stores a sane time.
 */
export function nextCheckAt(
  lastRunAt: number | undefined,
  lastOutcome: LastCheckOutcome | undefined,
  now: number,
): number {
  if (!lastRunAt) return now;
  if (lastRunAt > now + CHECK_INTERVAL_MS) return now;
  const retryAfter =
    lastOutcome && !lastOutcome.ok ? Math.min(lastOutcome.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS) : 0;
  return lastRunAt + Math.max(CHECK_INTERVAL_MS, retryAfter);
}

export function isCheckDue(
  lastRunAt: number | undefined,
  lastOutcome: LastCheckOutcome | undefined,
  now: number,
): boolean {
  return nextCheckAt(lastRunAt, lastOutcome, now) <= now;
}

/** What to store when a run ends. */
export function outcomeOf(run: VersionCheckRun): LastCheckOutcome {
  const retryAfterMs = run.failure?.retryAfterMs;
  return retryAfterMs === undefined ? { ok: run.ok } : { ok: run.ok, retryAfterMs };
}
