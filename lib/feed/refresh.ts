import type { PaperPulseDB } from '../storage/db';
import { setState } from '../storage/state';
import { addDays, type DayString } from '../dates';
import { FeedError, fetchDay, type FetchContext } from './client';
import { readRefreshState } from './gate-state';
import { reserveRequest } from './ledger';
import { concludeRun, type DayFailure, type RefreshOutcome } from './run-outcome';
import {
  isRecent,
  isWhole,
  latestAskableDay,
  observeServerTime,
  serverToday,
  wantedDays,
  dayRetryDelayMs,
  type ServerClock,
  type StoredDay,
} from './plan';
import { pruneFeed, storeDay } from './store';

/** One run never sends more than this many requests (today and yesterday fit at five pages each). */
export const REQUEST_BUDGET = 10;
/** Two failed days in a row end a run: Hugging Face is down or the network is gone. */
export const MAX_CONSECUTIVE_FAILURES = 2;
export {
  FOLLOW_UP_DELAY_MS,
  INSTALL_FOLLOW_UP_DELAY_MS,
  type DayFailure,
  type RefreshOutcome,
} from './run-outcome';

export interface RefreshDeps {
  db: PaperPulseDB;
  fetch: typeof fetch;
  /** When the run started (local clock). */
  now: number;
  /** The local clock during the run (default `now`): stamps `firstSeenAt`, the ledger, the end. */
  clock?: () => number;
  retentionDays: number;
  /**
   * Today and yesterday only ("Refresh now"): the backfill keeps its own pace, so a user pressing
   * the button again and again costs two requests a minute, not a run's budget.
   */
  recentOnly?: boolean;
}

function asFeedError(caught: unknown): FeedError {
  return caught instanceof FeedError
    ? caught
    : new FeedError('invalid', (caught as Error | undefined)?.message ?? String(caught));
}

async function readStoredDays(db: PaperPulseDB): Promise<Map<DayString, StoredDay>> {
  // toArray, not each: a cursor walk is several times slower, and this runs on every refresh.
  const rows = await db.feedDays.toArray();
  return new Map(
    rows.map((day) => [day.date, { paperCount: day.paperIds.length, fetchedAt: day.fetchedAt }]),
  );
}

/**
 * One refresh run; the gate (lib/feed/gate.ts) has already let it start. Days are asked newest
 * first (lib/feed/plan.ts), each fetched whole and stored on its own, so a day that works is kept
 * whatever happens to the next one. Every request passes the run's budget and the request ledger.
 * A 429 ends the run at once, so do two failed days in a row. A backfill day that fails waits out
 * its own backoff, so it cannot make every run fail; today or yesterday failing fails the run (and
 * leaves the backfill to a run that works).
 * Never asks a day after the latest day a server `Date` header showed, except on a first contact
 * (no `Date` seen yet), where a 4xx for the newest day just means it has not begun there.
 */
export async function runRefresh(deps: RefreshDeps): Promise<RefreshOutcome> {
  const { db, now } = deps;
  const clock = deps.clock ?? (() => now);
  const state = await readRefreshState(db);
  await setState(db, { lastRefreshStartedAt: now });
  let server: ServerClock = { offsetMs: state.serverClockOffsetMs, seenAt: state.serverTimeSeen };
  let sawServerClock = false;
  const dayRetries: Record<DayString, { failures: number; nextTryAt: number }> = { ...state.dayRetries };
  const stored = await readStoredDays(db);
  const attempted = new Set<DayString>();
  const daysStored: DayString[] = [];
  const daysFailed: DayFailure[] = [];
  const daysNotYet: DayString[] = [];
  let requests = 0;
  let consecutiveFailures = 0;
  let progress = false;
  let retryAfterMs: number | undefined;
  let stoppedBy: FeedError | undefined;

  const context: FetchContext & { beforeRequest: () => Promise<void> } = {
    fetch: deps.fetch,
    now,
    beforeRequest: async () => {
      if (requests >= REQUEST_BUDGET) throw new FeedError('budget', 'request budget used up');
      // Counted before it goes out: a worker stopped during the request has still sent it.
      await reserveRequest(db, clock());
      requests++;
    },
    observeServerTime: (serverTime) => {
      server = observeServerTime(server, serverTime, clock());
      sawServerClock = true;
    },
  };
  const plan = (localNow: number) => ({
    today: serverToday(server, localNow),
    stored,
    retentionDays: deps.retentionDays,
    dayRetries,
    now: localNow,
    attempted,
    serverNow: localNow + server.offsetMs,
  });

  for (;;) {
    const localNow = clock();
    const { today } = plan(localNow);
    const latestDay = latestAskableDay(server, localNow);
    const wanted = wantedDays(plan(localNow)).filter((day) => !deps.recentOnly || isRecent(day, today));
    let date = wanted.find((day) => day <= latestDay);
    // Every wanted day lies after the last day a server answer showed: the browser was away longer
    // than the feed is kept. That day has surely begun; its answer dates the server's today, and
    // the run goes on from there (the day itself is pruned after).
    if (!date && !sawServerClock && wanted.length > 0 && !attempted.has(latestDay)) date = latestDay;
    if (!date) break;
    // Today or yesterday failed: the run has failed and will be retried after its backoff; the
    // backfill waits for a run that works, so retries stay a few requests each.
    const recentFailure = daysFailed.find((failure) => isRecent(failure.date, today));
    if (recentFailure && !isRecent(date, today)) {
      stoppedBy = recentFailure.error;
      break;
    }
    attempted.add(date);
    try {
      const day = await fetchDay(date, { ...context, latestDay });
      const fetchedAt = day.serverTime ?? clock() + server.offsetMs;
      const before = stored.get(date);
      await storeDay(db, day, clock(), fetchedAt);
      const after = { paperCount: day.papers.length, fetchedAt };
      stored.set(date, after);
      if (!before || (!isWhole(date, before) && isWhole(date, after))) progress = true;
      delete dayRetries[date];
      daysStored.push(date);
      consecutiveFailures = 0;
    } catch (caught) {
      const error = asFeedError(caught);
      if (error.kind === 'budget' || error.kind === 'capped') {
        attempted.delete(date);
        stoppedBy = error;
        break;
      }
      const status = error.status ?? 0;
      if (error.kind === 'http' && status >= 400 && status < 500 && date === today) {
        daysNotYet.push(date);
        continue;
      }
      daysFailed.push({ date, error });
      consecutiveFailures++;
      if (!isRecent(date, today)) {
        const failures = (dayRetries[date]?.failures ?? 0) + 1;
        dayRetries[date] = { failures, nextTryAt: clock() + dayRetryDelayMs(failures) };
      }
      if (error.retryAfterMs !== undefined) retryAfterMs = Math.max(retryAfterMs ?? 0, error.retryAfterMs);
      if (error.kind === 'rate-limited' || error.retryAfterMs !== undefined) {
        stoppedBy = error;
        break;
      }
      if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
        stoppedBy = error;
        break;
      }
    } finally {
      // Kept as it goes: a worker stopped mid-run still knows the server's clock next time.
      await setState(db, {
        serverClockOffsetMs: server.offsetMs,
        serverTimeSeen: server.seenAt,
        dayRetries: { ...dayRetries },
      });
    }
  }

  const end = clock();
  const finalPlan = plan(end);
  const { today } = finalPlan;
  // Pruned only by a today an answer of this run confirmed: a clock that jumped a year ahead
  // while offline must not delete the whole feed.
  if (sawServerClock) await pruneFeed(db, today, deps.retentionDays);
  const oldest = addDays(today, -deps.retentionDays);
  for (const date of Object.keys(dayRetries)) if (date < oldest || date > today) delete dayRetries[date];

  const { outcome, writes } = concludeRun({
    state,
    plan: finalPlan,
    end,
    run: { daysStored, daysFailed, daysNotYet, requests, progress, retryAfterMs, stoppedBy },
    recentOnly: deps.recentOnly ?? false,
  });
  await setState(db, { ...writes, dayRetries });
  return outcome;
}
