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
    const month = utcDay(time).slice(2, 4) + utcDay(time).slice(5, 7);
    const day = String(date.getUTCDate()).padStart(2, '0');
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    days[utcDay(time)] = weekend
      ? []
      : [
          { id: `${month}.${day}001`, upvotes: 10 },
          { id: `${month}.${day}002`, upvotes: 20 },
        ];
  }
  return days;
}

/** A failure: a status, or a status with headers (a 429's Retry-After). */
export type Failure = number | { status: number; headers?: Record<string, string>; body?: string };

export interface FeedServerOptions {
  /**
   * The server's clock. When given, every answer carries a `Date` header, and a date after the
   * server's today is answered 400 like Hugging Face does (and logged in `future`).
   */
  now?: () => number;
}

/**
 * A fake Daily Papers server: `days` maps a date to its items (a missing date is an empty day);
 * `fail` maps a date to how it fails. Records every date asked.
 */
export function feedServer(
  days: Record<string, RawPaper[]>,
  fail: Record<string, Failure> = {},
  options: FeedServerOptions = {},
) {
  const asked: string[] = [];
  /** Dates asked that were after the server's today at the time. */
  const future: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    const date = url.searchParams.get('date')!;
    const page = Number(url.searchParams.get('p') ?? 0);
    asked.push(date);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const serverNow = options.now?.();
    if (serverNow !== undefined) {
      headers.date = new Date(serverNow).toUTCString();
      if (date > utcDay(serverNow)) {
        future.push(date);
        return new Response('{"error":"Invalid date"}', { status: 400, headers });
      }
    }
    const failure = fail[date];
    if (failure !== undefined) {
      const { status, headers: extra, body } = typeof failure === 'number' ? { status: failure } : failure;
      return new Response(body ?? 'error', { status, headers: { ...headers, ...extra } });
    }
    const items = (days[date] ?? []).map(item).slice(page * 100, (page + 1) * 100);
    return new Response(JSON.stringify(items), { headers });
  }) as typeof globalThis.fetch;
  return { fetch, asked, future, days, fail };
}
