import { MAX_RETRY_AFTER_MS } from './client';
import { ledgerFreeAt } from './ledger';

/**
 * The refresh gate, pure: may a refresh start now, and if not, when? Every trigger asks it, and it
 * decides from stored state alone (lib/feed/gate-state.ts reads and writes that state in one
 * transaction), because a Manifest V3 worker can be stopped between any two events.
 */

export type Trigger = 'install' | 'startup' | 'alarm' | 'retry' | 'popup' | 'wake' | 'manual';

const MINUTE = 60_000;
/** "Refresh now" at most once a minute. */
export const MANUAL_MIN_GAP_MS = MINUTE;
/** The periodic alarm may fire a little before a full interval since the last run started. */
export const INTERVAL_SLACK_MS = MINUTE;
const FIRST_BACKOFF_MS = 30_000;

export interface GateState {
  lastRefreshStartedAt: number;
  lastRefreshFinishedAt: number;
  /** Consecutive failed runs. */
  failedAttempts: number;
  retryNotBefore: number;
  lastManualRefreshAt: number;
  followUpAt: number;
  /** On the server's clock (local + `serverClockOffsetMs`). */
  requestLedger: readonly number[];
  serverClockOffsetMs: number;
}

/** What holds a refresh back (the latest of them sets `at`), or `due` when nothing does. */
export type GateReason =
  'due' | 'interval' | 'follow-up' | 'backoff' | 'retry-after' | 'request-cap' | 'manual-limit';

export interface GateDecision {
  allowed: boolean;
  /** When a refresh may start: at most `now` when allowed. */
  at: number;
  reason: GateReason;
}

/** After failure n (1, 2, 3 …): 30 s, 1, 2, 4 … minutes, capped at the refresh interval. */
export function failureBackoffMs(attempts: number, intervalMinutes: number): number {
  if (attempts <= 0) return 0;
  return Math.min(FIRST_BACKOFF_MS * 2 ** Math.min(attempts - 1, 30), intervalMinutes * MINUTE);
}

/** The last run was cut off: it started and never finished (the worker was stopped). */
export function wasCutOff(state: Pick<GateState, 'lastRefreshStartedAt' | 'lastRefreshFinishedAt'>) {
  return state.lastRefreshStartedAt > state.lastRefreshFinishedAt;
}

/**
 * The clock was set back: times stored as "when it happened" that lie in the future become now,
 * and waits are cut to their longest legitimate length, so a clock that jumps back a month does not
 * stop refreshing for a month. Only safe when the result is stored (the gate's transaction stores
 * it): recomputed on every call, "now" would keep moving and the interval would never elapse.
 */
export function normalizeGateState<T extends GateState>(state: T, now: number, intervalMinutes: number): T {
  return {
    ...state,
    lastRefreshStartedAt: Math.min(state.lastRefreshStartedAt, now),
    lastRefreshFinishedAt: Math.min(state.lastRefreshFinishedAt, now),
    lastManualRefreshAt: Math.min(state.lastManualRefreshAt, now),
    retryNotBefore: Math.min(state.retryNotBefore, now + MAX_RETRY_AFTER_MS),
    followUpAt: Math.min(state.followUpAt, now + intervalMinutes * MINUTE),
  };
}

/**
 * The one decision. In order:
 * - `manual` ("Refresh now"): at most once a minute; it skips the interval and the failure backoff,
 *   nothing else.
 * - every other trigger: due when the interval has passed since the last run started, or a
 *   follow-up is due; after a failed or cut-off run, only once its backoff has passed since it
 *   ended (or, cut off, since it started), whoever asks, the popup included.
 * - then for every trigger: never before `retryNotBefore` (Retry-After), and never while the
 *   request ledger is full (30 in 5 minutes, 300 in a day).
 * Expects a normalized state (see `normalizeGateState`).
 */
export function decideRefresh(
  trigger: Trigger,
  state: GateState,
  now: number,
  intervalMinutes: number,
): GateDecision {
  let at: number;
  let reason: GateReason;
  if (trigger === 'manual') {
    at = state.lastManualRefreshAt ? state.lastManualRefreshAt + MANUAL_MIN_GAP_MS : 0;
    reason = 'manual-limit';
  } else {
    const cutOff = wasCutOff(state);
    const attempts = state.failedAttempts + (cutOff ? 1 : 0);
    if (attempts > 0) {
      const lastActivity = Math.max(state.lastRefreshStartedAt, state.lastRefreshFinishedAt);
      at = lastActivity + failureBackoffMs(attempts, intervalMinutes);
      reason = 'backoff';
    } else {
      const intervalAt = state.lastRefreshStartedAt
        ? state.lastRefreshStartedAt + intervalMinutes * MINUTE - INTERVAL_SLACK_MS
        : 0;
      const followUp = state.followUpAt > 0 && state.followUpAt < intervalAt;
      at = followUp ? state.followUpAt : intervalAt;
      reason = followUp ? 'follow-up' : 'interval';
    }
  }
  if (state.retryNotBefore > Math.max(at, now)) {
    at = state.retryNotBefore;
    reason = 'retry-after';
  }
  const offset = state.serverClockOffsetMs;
  const ledgerAt = ledgerFreeAt(state.requestLedger, now + offset) - offset;
  if (ledgerAt > Math.max(at, now)) {
    at = ledgerAt;
    reason = 'request-cap';
  }
  const allowed = at <= now;
  return { allowed, at: allowed ? Math.min(at, now) : at, reason: allowed ? 'due' : reason };
}
