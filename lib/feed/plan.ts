import { addDays, utcDay, type DayString } from '../dates';

/**
 * Which days a refresh asks for, and in what order, pure. Derived from what is stored, never from
 * memory: a follow-up run, or a run after the worker was stopped, continues where the last stopped
 * because the days it did are stored.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The install backfill: this many days before the latest day with papers, within minutes (issue 11). */
export const INSTALL_BACKFILL_DAYS = 14;

export interface StoredDay {
  paperCount: number;
  /** When it was fetched, on the server's clock as best known. */
  fetchedAt: number;
}

/**
 * A day fetched after it ended (UTC) is complete; one fetched while it was still today may have
 * gained papers since, and is fetched again.
 */
export function isWhole(date: DayString, day: StoredDay | undefined): boolean {
  return !!day && day.fetchedAt >= Date.parse(`${date}T00:00:00Z`) + DAY;
}

/** Today and yesterday are read on every run (new papers, new upvotes), whatever is stored. */
export function isRecent(date: DayString, today: DayString): boolean {
  return date >= addDays(today, -1);
}

/** A backfill day that failed n times waits 1 h, 2 h, 4 h … up to a day before it is asked again. */
export function dayRetryDelayMs(failures: number): number {
  return Math.min(HOUR * 2 ** Math.min(Math.max(0, failures - 1), 10), 24 * HOUR);
}

/** What the server's `Date` headers have shown. */
export interface ServerClock {
  /** Server clock minus ours, from the latest answer. */
  offsetMs: number;
  /** The latest server time seen; 0 before any answer. */
  seenAt: number;
}

export function observeServerTime(clock: ServerClock, serverTime: number, localNow: number): ServerClock {
  return { offsetMs: serverTime - localNow, seenAt: Math.max(clock.seenAt, serverTime) };
}

/** The server's today as best known: its clock estimated from ours, never before a day it showed. */
export function serverToday(clock: ServerClock, localNow: number): DayString {
  const estimated = utcDay(localNow + clock.offsetMs);
  const shown = clock.seenAt ? utcDay(clock.seenAt) : estimated;
  return estimated > shown ? estimated : shown;
}

/**
 * The newest day that may be asked: the latest day a server `Date` showed (time only moves forward
 * there, so that day has begun on the server whatever our clock says since); before any answer,
 * today by our clock. A day after it is asked only once an answer in this run shows it has begun.
 */
export function latestAskableDay(clock: ServerClock, localNow: number): DayString {
  return clock.seenAt ? utcDay(clock.seenAt) : utcDay(localNow);
}

export interface PlanInput {
  today: DayString;
  stored: ReadonlyMap<DayString, StoredDay>;
  retentionDays: number;
  dayRetries: Readonly<Record<DayString, { failures: number; nextTryAt: number }>>;
  /** Local clock, for `dayRetries`. */
  now: number;
  /** Days this run has asked already (stored, failed or not yet). */
  attempted?: ReadonlySet<DayString>;
  /**
   * The server's clock as best known (what `fetchedAt` is on). With it, a day of the last week is
   * read again once its copy is `WEEK_REREAD_MS` old; without it, never.
   */
  serverNow?: number;
}

/**
 * Upvotes keep coming for about a week after a paper joins Daily Papers: the days of the last
 * week are read again every few hours (five requests, about twenty a day), so "Rising" sees a
 * paper from three days ago take off (issue 11).
 */
export const WEEK_REREAD_DAYS = 7;
export const WEEK_REREAD_MS = 6 * HOUR;

/**
 * The days a run wants, newest first: today and yesterday always; then every day of the
 * retention window that is missing or was stored while it was still today, and the days of the
 * last week whose copy is six hours old, unless it is waiting out its own backoff after failing. Newest first is what makes the install backfill (the 14 days
 * before the latest day with papers) come first and the rest of the window fill in after it.
 */
export function wantedDays(input: PlanInput): DayString[] {
  const { today, stored, dayRetries, now, attempted } = input;
  // Counted in milliseconds, one date string a day: this runs before every request of a run.
  const todayStart = Date.parse(`${today}T00:00:00Z`);
  const wanted: DayString[] = [];
  for (let back = 0; back <= input.retentionDays; back++) {
    const start = todayStart - back * DAY;
    const date = utcDay(start);
    if (attempted?.has(date)) continue;
    const fetchedAt = stored.get(date)?.fetchedAt;
    const whole = fetchedAt !== undefined && fetchedAt >= start + DAY;
    const stale =
      back < WEEK_REREAD_DAYS &&
      fetchedAt !== undefined &&
      input.serverNow !== undefined &&
      input.serverNow - fetchedAt >= WEEK_REREAD_MS;
    // Today and yesterday always; an older day when not whole (or stale) and not waiting out its backoff.
    if (back < 2 || ((!whole || stale) && !((dayRetries[date]?.nextTryAt ?? 0) > now))) wanted.push(date);
  }
  return wanted;
}

/** The newest day with papers on or before today; today when none is stored yet. */
export function latestDayWithPapers(stored: ReadonlyMap<DayString, StoredDay>, today: DayString): DayString {
  let latest: DayString | undefined;
  for (const [date, day] of stored) {
    if (day.paperCount > 0 && date <= today && (!latest || date > latest)) latest = date;
  }
  return latest ?? today;
}

/** Is part of the install backfill (14 days before the latest day with papers) still to do? */
export function installBackfillPending(input: PlanInput): boolean {
  const horizon = addDays(latestDayWithPapers(input.stored, input.today), -INSTALL_BACKFILL_DAYS);
  return wantedDays({ ...input, attempted: undefined }).some(
    (date) => date >= horizon && !isRecent(date, input.today),
  );
}
