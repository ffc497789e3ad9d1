/** A fake Daily Papers API for unit tests: days of papers, failures, and a log of what was asked. */

import { utcDay } from '@/lib/dates';

export interface RawPaper {
  id: string;
  upvotes?: number;
  comments?: number;
}

export function item({ id, upvotes = 1, comments = 0 }: RawPaper) {
  return { paper: { id, title: `Paper ${id}`, upvotes }, title: `Paper ${id}`, numComments: comments };
}

/** Two papers a weekday, none at weekends; ids encode the day (2611.DD001). */
export function weekdays(from: string, to: string): Record<string, RawPaper[]> {
  const days: Record<string, RawPaper[]> = {};
  for (
    let time = Date.parse(`${from}T00:00:00Z`);
    time <= Date.parse(`${to}T00:00:00Z`);
    time += 86_400_000
  ) {
    const date = new Date(time);
    const day = String(date.getUTCDate()).padStart(2, '0');
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    days[utcDay(time)] = weekend
      ? []
      : [
          { id: `2611.${day}001`, upvotes: 10 },
          { id: `2611.${day}002`, upvotes: 20 },
        ];
  }
  return days;
}

/**
 * A fake Daily Papers server: `days` maps a date to its items (a missing date is an empty day);
 * `fail` maps a date to the status it answers with. Records every date asked.
 */
export function feedServer(days: Record<string, RawPaper[]>, fail: Record<string, number> = {}) {
  const asked: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    const date = url.searchParams.get('date')!;
    asked.push(date);
    if (fail[date]) return new Response('error', { status: fail[date] });
    return new Response(JSON.stringify((days[date] ?? []).map(item)), {
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { fetch, asked, days, fail };
}
