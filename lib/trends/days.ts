/**
 * Daily Papers days are UTC calendar days, written YYYY-MM-DD. (The same rule as lib/feed/dates.ts,
 * which this folder may not import while lib/ is being restructured; merge them once it settles.)
 */
export type DayString = string;

export const DAY_MS = 86_400_000;

export function utcDay(time: number): DayString {
  return new Date(time).toISOString().slice(0, 10);
}

/** Midnight UTC at the start of `day`, in ms. */
export function dayStart(day: DayString): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: DayString, delta: number): DayString {
  return utcDay(dayStart(day) + delta * DAY_MS);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: DayString, to: DayString): number {
  return Math.round((dayStart(to) - dayStart(from)) / DAY_MS);
}
