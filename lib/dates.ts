/** Daily Papers days are UTC calendar days, written YYYY-MM-DD. */
export type DayString = string;

export function utcDay(time: number): DayString {
  return new Date(time).toISOString().slice(0, 10);
}

export function addDays(day: DayString, delta: number): DayString {
  const time = Date.parse(`${day}T00:00:00Z`) + delta * 86_400_000;
  return utcDay(time);
}
