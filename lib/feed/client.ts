import { parseFeedPage } from './parse';
import { utcDay, type DayString } from '../dates';
import type { DroppedItem, FeedPaper } from './schema';

export const DAILY_PAPERS_URL = 'https://huggingface.co/api/daily_papers';
/** The API's largest page (101 is an error). */
export const PAGE_SIZE = 100;
/** A day has never had more than a few hundred papers; this bounds a runaway pager. */
const MAX_PAGES = 5;
const REQUEST_TIMEOUT_MS = 15_000;

export type FeedErrorKind = 'rate-limited' | 'http' | 'network' | 'timeout' | 'invalid' | 'budget';

export class FeedError extends Error {
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    /** For `rate-limited`: how long the server asked us to wait. */
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
}

export interface FetchContext {
  fetch: typeof fetch;
  now: number;
  /** Called before every request; throwing stops the refresh (the request budget). */
  beforeRequest?: () => void;
  timeoutMs?: number;
}

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export async function getJson(
  url: string,
  context: FetchContext,
): Promise<{ body: unknown; hasNext: boolean }> {
  context.beforeRequest?.();
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
      throw new FeedError('timeout', 'Hugging Face did not answer in time');
    }
    throw new FeedError('network', 'Could not reach Hugging Face (offline?)');
  }
  if (response.status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), context.now);
    throw new FeedError('rate-limited', 'Hugging Face asked PaperPulse to slow down (429)', retryAfterMs);
  }
  if (!response.ok)
    throw new FeedError('http', `Hugging Face answered ${response.status}`, undefined, response.status);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new FeedError('invalid', 'Hugging Face sent a response that is not JSON');
  }
  return { body, hasNext: /rel="?next"?/.test(response.headers.get('link') ?? '') };
}

/**
 * Fetches one whole UTC day, page by page, until the day is complete. Never asks for a future
 * date (the API answers those with an error). Throws FeedError; returns only complete days.
 */
export async function fetchDay(date: DayString, context: FetchContext): Promise<FeedDayResult> {
  if (date > utcDay(context.now)) throw new FeedError('invalid', `${date} is in the future`);
  const papers: FeedPaper[] = [];
  const dropped: DroppedItem[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const url = `${DAILY_PAPERS_URL}?date=${date}&limit=${PAGE_SIZE}&p=${page}`;
    const { body, hasNext } = await getJson(url, context);
    let parsed;
    try {
      parsed = parseFeedPage(body, offset, seen);
    } catch (error) {
      throw new FeedError('invalid', (error as Error).message);
    }
    const count = (body as unknown[]).length;
    // A full page that brought nothing new is a server ignoring `p`: stop, and do not log its
    // repeats as dropped duplicates. A short page ends the day.
    if (page > 0 && parsed.papers.length === 0) break;
    papers.push(...parsed.papers);
    dropped.push(...parsed.dropped);
    offset += count;
    if (!hasNext && count < PAGE_SIZE) break;
  }
  return { date, papers, dropped };
}
