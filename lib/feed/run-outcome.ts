import type { StateValues } from '../storage/records';
import { addDays, type DayString } from '../dates';
import { FeedError } from './client';
import { t } from '../i18n';
import type { RefreshState } from './gate-state';
import { installBackfillPending, isRecent, wantedDays, type PlanInput } from './plan';

/** What a refresh run did, and what it leaves in state for the gate: pure. */

const MINUTE = 60_000;
/**
 * A follow-up continues the install backfill soon (issue 11: two weeks within minutes), yet no
 * more than two runs' budgets fall in any 5 minutes…
 */
export const INSTALL_FOLLOW_UP_DELAY_MS = 3 * MINUTE;
/** …and the rest of the retention window at most four times an hour. */
export const FOLLOW_UP_DELAY_MS = 15 * MINUTE;

export interface DayFailure {
  date: DayString;
  error: FeedError;
}

export interface RefreshOutcome {
  /** Today and yesterday were read (or are not yet open on the server), and nothing was refused. */
  ok: boolean;
  daysStored: DayString[];
  /** Days that failed this run; a backfill day among them waits out its own backoff. */
  daysFailed: DayFailure[];
  /** The newest day answered 4xx: not begun on the server yet; nothing stored, no failure. */
  daysNotYet: DayString[];
  requests: number;
  /** The budget or the request cap ended the run with days still wanted. */
  more: boolean;
  /** When a follow-up run is due; 0 when none (no progress, nothing left, or a failure). */
  followUpAt: number;
  /** What made the run fail (`ok` false). */
  error?: FeedError;
}

/** What happened during a run, as the run loop saw it. */
export interface RunRecord {
  daysStored: DayString[];
  daysFailed: DayFailure[];
  daysNotYet: DayString[];
  requests: number;
  /** A day was stored that was missing, or became whole. */
  progress: boolean;
  /** The longest Retry-After answered during the run. */
  retryAfterMs?: number;
  /** What ended the run early (the budget, the cap, a 429, failures in a row), if anything. */
  stoppedBy?: FeedError;
}

/**
 * The run's outcome and the state it leaves. Ok when today and yesterday were read (or "not yet")
 * and nothing refused the run (a 429, the cap). A follow-up only after an ok run that made progress
 * with days left; a today-and-yesterday run ("Refresh now") leaves a pending follow-up as it was
 * and asks for one when the backfill is left without ("Refresh now" as the very first run must not
 * delay the install backfill an hour). Retry-After is kept as the later of old and new (each at
 * most a day ahead) and cleared by an ok run that got none.
 */
export function concludeRun(input: {
  state: Pick<RefreshState, 'followUpAt' | 'retryNotBefore' | 'failedAttempts'>;
  plan: PlanInput;
  end: number;
  run: RunRecord;
  recentOnly: boolean;
}): { outcome: RefreshOutcome; writes: Partial<StateValues> } {
  const { state, plan, end, run, recentOnly } = input;
  const { today } = plan;
  const recentDone = [today, addDays(today, -1)].every(
    (date) => run.daysStored.includes(date) || run.daysNotYet.includes(date),
  );
  const refused = run.daysFailed.find((failure) => failure.error.kind === 'rate-limited')?.error;
  const capped = run.stoppedBy?.kind === 'capped' ? run.stoppedBy : undefined;
  const ok = recentDone && !refused && !capped;
  const error = ok
    ? undefined
    : (refused ??
      capped ??
      run.daysFailed.find((failure) => isRecent(failure.date, today))?.error ??
      run.daysFailed[0]?.error ??
      new FeedError('network', t('feedNoAnswerToday')));

  const backfillLeft = wantedDays({ ...plan, attempted: undefined }).some((date) => !isRecent(date, today));
  const more = (run.stoppedBy?.kind === 'budget' || run.stoppedBy?.kind === 'capped') && backfillLeft;
  const followUp = end + (installBackfillPending(plan) ? INSTALL_FOLLOW_UP_DELAY_MS : FOLLOW_UP_DELAY_MS);
  const followUpAt = !ok
    ? 0
    : recentOnly
      ? state.followUpAt || (backfillLeft ? followUp : 0)
      : more && run.progress
        ? followUp
        : 0;
  const retryNotBefore =
    run.retryAfterMs !== undefined
      ? Math.max(state.retryNotBefore, end + run.retryAfterMs)
      : ok
        ? 0
        : state.retryNotBefore;

  const { daysStored, daysFailed, daysNotYet, requests } = run;
  return {
    outcome: { ok, daysStored, daysFailed, daysNotYet, requests, more, followUpAt, error },
    writes: {
      lastRefreshFinishedAt: end,
      retryNotBefore,
      followUpAt,
      ...(ok
        ? { lastRefreshOkAt: end, failedAttempts: 0, lastError: null }
        : { failedAttempts: state.failedAttempts + 1, lastError: { at: end, message: error!.message } }),
    },
  };
}
