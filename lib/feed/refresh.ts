import type { PaperPulseDB } from '../storage/db';
import type { FeedDay } from '../storage/records';
import { getState, setState } from '../storage/state';
import { FeedError, fetchDay, type FetchContext } from './client';
import { addDays, utcDay, type DayString } from '../dates';
import { latestFeedDay, pruneFeed, storeDay } from './store';

/** One refresh never sends more than this many requests; the rest waits for a follow-up run. */
export const REQUEST_BUDGET = 6;
/** Days to backfill before the latest non-empty day. */
export const BACKFILL_DAYS = 6;
/** How far back a first run looks for a day with papers (a long holiday weekend). */
const MAX_LOOKBACK_DAYS = 7;

/**
 * A day fetched after it ended (UTC) is complete; one fetched while it was today may have gained
 * papers since, and is fetched again.
 */
function isWhole(day: FeedDay | undefined): boolean {
  return !!day && day.fetchedAt >= Date.parse(`${addDays(day.date, 1)}T00:00:00Z`);
}

export interface RefreshDeps {
  db: PaperPulseDB;
  fetch: typeof fetch;
  now: number;
  /** Stamps `firstSeenAt` when a day is written (default `now`): a popup opened during a long
   *  refresh must not see papers written after it as already seen. */
  clock?: () => number;
  retentionDays: number;
}

export interface RefreshOutcome {
  ok: boolean;
  daysStored: DayString[];
  requests: number;
  /** Backfill days left for a follow-up run because the request budget ran out. */
  more: boolean;
  error?: FeedError;
}

/**
 * One refresh: on a first run, find the latest day with papers and backfill the six before it;
 * afterwards, re-read today and yesterday (new papers, new upvotes), any day since the latest stored
 * one that was not fetched after it ended (the browser was closed), and fill any backfill gap.
 * Each day is fetched whole before it is written in one transaction, so a run cut off at any
 * point leaves whole days behind, and the next run simply picks up what is missing.
 */
export async function runRefresh(deps: RefreshDeps): Promise<RefreshOutcome> {
  const { db, now } = deps;
  const today = utcDay(now);
  let requests = 0;
  const context: FetchContext = {
    fetch: deps.fetch,
    now,
    beforeRequest: () => {
      if (requests >= REQUEST_BUDGET) throw new FeedError('budget', 'request budget used up');
      requests++;
    },
  };
  const daysStored: DayString[] = [];
  const fetchAndStore = async (date: DayString) => {
    const day = await fetchDay(date, context);
    await storeDay(db, day, deps.clock?.() ?? now);
    daysStored.push(date);
    return day.papers.length;
  };

  const succeeded = async (more: boolean): Promise<RefreshOutcome> => {
    await setState(db, {
      lastRefreshFinishedAt: now,
      lastRefreshOkAt: now,
      failedAttempts: 0,
      lastError: null,
    });
    return { ok: true, daysStored, requests, more };
  };

  await setState(db, { lastRefreshStartedAt: now });
  try {
    let anchor = (await latestFeedDay(db))?.date;
    if (anchor) {
      // Today and yesterday always (new papers, new upvotes); older days back to the anchor when
      // they are not stored whole (the browser was closed on the day after, or all week).
      for (let back = 0; back <= MAX_LOOKBACK_DAYS; back++) {
        const date = addDays(today, -back);
        if (back >= 2 && date < anchor) break;
        if (back < 2 || !isWhole(await db.feedDays.get(date))) await fetchAndStore(date);
      }
      anchor = (await latestFeedDay(db))?.date;
    }
    for (let back = 0; !anchor && back <= MAX_LOOKBACK_DAYS; back++) {
      const date = addDays(today, -back);
      // A past day stored whole is empty (else it would be the anchor) and stays empty. Fetching it
      // again would spend every follow-up run's budget on the same days whenever the lookback needs
      // more than one budget, asking for ever.
      if (back >= 2 && isWhole(await db.feedDays.get(date))) continue;
      if ((await fetchAndStore(date)) > 0) anchor = date;
    }
    if (anchor) {
      for (let back = 1; back <= BACKFILL_DAYS; back++) {
        const date = addDays(anchor, -back);
        if (!isWhole(await db.feedDays.get(date))) await fetchAndStore(date);
      }
    }
    await pruneFeed(db, today, deps.retentionDays);
    return succeeded(false);
  } catch (caught) {
    const error =
      caught instanceof FeedError
        ? caught
        : new FeedError('invalid', (caught as Error)?.message ?? String(caught));
    // The budget ran out: what was fetched is whole and stored; a follow-up run does the rest.
    if (error.kind === 'budget') return succeeded(true);
    const failedAttempts = (await getState(db, 'failedAttempts')) + 1;
    await setState(db, {
      lastRefreshFinishedAt: now,
      failedAttempts,
      lastError: { at: now, message: error.message },
      // A 429's Retry-After holds for every trigger, the popup opening included.
      retryNotBefore: error.retryAfterMs ? now + error.retryAfterMs : 0,
    });
    return { ok: false, daysStored, requests, more: false, error };
  }
}

const MINUTE = 60_000;

/**
 * When to try again after a run: a follow-up within a minute when the budget cut a backfill short;
 * after a failure, 30 s, 1, 2, 4 … minutes (never sooner than a 429's Retry-After), capped at the
 * regular interval.
 */
export function nextRetryDelay(outcome: RefreshOutcome, failedAttempts: number, intervalMinutes: number) {
  if (outcome.ok) return outcome.more ? MINUTE : undefined;
  const backoff = Math.min(0.5 * MINUTE * 2 ** Math.max(0, failedAttempts - 1), intervalMinutes * MINUTE);
  return Math.max(backoff, outcome.error?.retryAfterMs ?? 0);
}

/** Is a refresh due now? (The last one failed, was cut off, or is older than the interval.) */
export async function isRefreshDue(db: PaperPulseDB, now: number, intervalMinutes: number): Promise<boolean> {
  const [started, finished, ok, notBefore] = await Promise.all([
    getState(db, 'lastRefreshStartedAt'),
    getState(db, 'lastRefreshFinishedAt'),
    getState(db, 'lastRefreshOkAt'),
    getState(db, 'retryNotBefore'),
  ]);
  if (now < notBefore) return false;
  const interrupted = started > finished;
  const failed = finished > ok;
  return interrupted || failed || now - ok >= intervalMinutes * MINUTE;
}
