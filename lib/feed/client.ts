import { parseFeedPage } from './parse';
import type { DayString } from '../dates';
import { parseHttpDate, parseRetryAfter } from '../http';
import { t } from '../i18n';
import type { DroppedItem, FeedPaper } from './schema';

export const DAILY_PAPERS_URL = 'https://huggingface.co/api/daily_papers';
/** The API's largest page (101 is an error). */
export const PAGE_SIZE = 100;
/** A day has never had more than a few hundred papers; this bounds a runaway pager. */
export const MAX_PAGES = 5;
const REQUEST_TIMEOUT_MS = 15_000;
/** A `Retry-After` is honoured up to a day: a hostile or broken value cannot stop the feed for good. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

export type FeedErrorKind =
  | 'rate-limited'
  | 'http'
  | 'network'
  | 'timeout'
  | 'invalid'
  /** The run's own request budget is spent (not a failure: a follow-up run continues). */
  | 'budget'
  /** The request ledger's hard cap (lib/feed/ledger.ts) is reached. */
  | 'capped';

export class FeedError extends Error {
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    /** How long to wait: the server's `Retry-After` (clamped to a day), or when the cap frees. */
    readonly retryAfterMs?: number,
    /** For `http`: the status code. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

export interface FeedDayResult {
  date: DayString;
  papers: FeedPaper[];
  dropped: DroppedItem[];
  /** The server's clock when it answered the first page (its `Date` header), when it sent one. */
  serverTime?: number;
}

export interface FetchContext {
  fetch: typeof fetch;
  now: number;
  /** Called, and awaited, before every request; throwing stops it (the budget, the ledger). */
  beforeRequest?: () => void | Promise<void>;
  /** Told the server's clock from every answer that has a `Date` header, errors included. */
  observeServerTime?: (serverTime: number) => void;
  timeoutMs?: number;
}

export async function getJson(
  url: string,
  context: FetchContext,
): Promise<{ body: unknown; hasNext: boolean; serverTime?: number }> {
  await context.beforeRequest?.();
  let response: Response;
  // Called unbound: `context.fetch(…)` would run the browser's fetch with `this` = context
  // ("Illegal invocation").
  const fetchFn = context.fetch;
  try {
    response = await fetchFn(url, {
      signal: AbortSignal.timeout(context.timeoutMs ?? REQUEST_TIMEOUT_MS),
      headers: { accept: 'application/json' },
      credentials: 'omit',
    });
  } catch (error) {
    if ((error as Error | undefined)?.name === 'TimeoutError') {
      throw new FeedError('timeout', t('feedTimeout'));
    }
    throw new FeedError('network', t('feedOffline'));
  }
  const serverTime = parseHttpDate(response.headers.get('date'));
  if (serverTime !== undefined) context.observeServerTime?.(serverTime);
  // A date in Retry-After is on the server's clock: measured from its Date when it sent one.
  const retryAfterMs = parseRetryAfter(
    response.headers.get('retry-after'),
    serverTime ?? context.now,
    MAX_RETRY_AFTER_MS,
  );
  if (response.status === 429) {
    throw new FeedError('rate-limited', t('feedRateLimited'), retryAfterMs);
  }
  if (!response.ok) {
    const message = t('feedHttp', response.status);
    throw new FeedError('http', message, retryAfterMs, response.status);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new FeedError('invalid', t('feedNotJson'));
  }
  return { body, hasNext: /rel="?next"?/.test(response.headers.get('link') ?? ''), serverTime };
}

export interface FeedDayContext extends FetchContext {
  /** The request ledger and budget: required, so that no day is fetched around them. */
  beforeRequest: () => void | Promise<void>;
  /** The newest day that may be asked (the server's today as best known); later ones are errors. */
  latestDay: DayString;
}

/**
 * Fetches one whole UTC day, page by page, until the day is complete. Never asks for a day after
 * `latestDay`. Throws FeedError; returns only complete days. A non-empty page whose items all fail
 * validation is an error (an upstream schema change), never an empty day.
 */
export async function fetchDay(date: DayString, context: FeedDayContext): Promise<FeedDayResult> {
  if (date > context.latestDay) throw new FeedError('invalid', `${date} is in the future`);
  const papers: FeedPaper[] = [];
  const dropped: DroppedItem[] = [];
  const seen = new Set<string>();
  let serverTime: number | undefined;
  let offset = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const url = `${DAILY_PAPERS_URL}?date=${date}&limit=${PAGE_SIZE}&p=${page}`;
    const answer = await getJson(url, context);
    serverTime ??= answer.serverTime;
    let parsed;
    try {
      parsed = parseFeedPage(answer.body, offset, seen);
    } catch (error) {
      throw new FeedError('invalid', (error as Error).message);
    }
    const count = (answer.body as unknown[]).length;
    // Every item unreadable, none a repeat: the upstream changed its shape, the day is not empty.
    if (count > 0 && parsed.unreadable === count) {
      throw new FeedError('invalid', t('feedUnreadable', count, date, parsed.dropped[0]?.reason ?? ''));
    }
    // A full page that brought nothing new is a server ignoring `p`: stop, and do not log its
    // repeats as dropped duplicates. A short page ends the day.
    if (page > 0 && parsed.papers.length === 0) break;
    papers.push(...parsed.papers);
    dropped.push(...parsed.dropped);
    offset += count;
    if (!answer.hasNext && count < PAGE_SIZE) break;
  }
  return { date, papers, dropped, serverTime };
}
