/**
 * How often the engine may write. Chrome allows 120 write operations a minute and 1,800 an hour per
 * extension (each set() call is one, however many items it carries) and fails writes beyond them. The
 * engine keeps to half of each, leaving the rest to anything else that writes to the area, and
 * counts its own writes from a log of their times that the caller keeps between runs.
 */
export interface WriteLimits {
  perMinute: number;
  perHour: number;
}

export const SYNC_WRITE_LIMITS: WriteLimits = { perMinute: 60, perHour: 900 };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** When the next write may happen: `now` if it may happen now. */
export function nextWriteAt(
  recentWrites: readonly number[],
  now: number,
  limits = SYNC_WRITE_LIMITS,
): number {
  const lastMinute = recentWrites.filter((at) => at > now - MINUTE_MS).sort((a, b) => a - b);
  const lastHour = recentWrites.filter((at) => at > now - HOUR_MS).sort((a, b) => a - b);
  let at = now;
  // The write that has to leave the window first: the oldest of the ones over the limit.
  if (lastMinute.length >= limits.perMinute)
    at = Math.max(at, lastMinute[lastMinute.length - limits.perMinute]! + MINUTE_MS);
  if (lastHour.length >= limits.perHour)
    at = Math.max(at, lastHour[lastHour.length - limits.perHour]! + HOUR_MS);
  return at;
}

/** The log after a write at `at`, without writes older than an hour (the widest window). */
export function logWrite(recentWrites: readonly number[], at: number): number[] {
  return [...recentWrites.filter((time) => time > at - HOUR_MS), at];
}
