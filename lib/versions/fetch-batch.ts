import { parseAtomFeed, type AtomFeed } from './atom-feed';
import { parseRetryAfter } from '../http';

/** One request to arXiv's API: timeout, status, a size cap on the body, then the Atom parser. */

export type CheckFailureKind =
  | 'network' // offline, DNS, TLS, connection reset
  | 'timeout'
  | 'rate-limited' // 429
  | 'server' // 5xx
  | 'http' // any other status that is not an answer
  | 'too-large'
  | 'invalid' // 200, but not arXiv's Atom feed (an HTML page, "Rate exceeded.", truncated XML)
  | 'refused'; // arXiv answered with an error entry about the request itself

export interface CheckFailure {
  kind: CheckFailureKind;
  message: string;
  status?: number;
  /** From `Retry-After`, when the server sent one. */
  retryAfterMs?: number;
}

export type BatchResult = { ok: true; feed: AtomFeed } | { ok: false; failure: CheckFailure };

export interface RequestOptions {
  fetch: typeof fetch;
  /** The clock, for `Retry-After` given as a date. */
  now: () => number;
  timeoutMs: number;
  maxBytes: number;
}

const fail = (failure: CheckFailure): BatchResult => ({ ok: false, failure });

/** The body as text, or undefined once it passes `maxBytes` (it is then not read further). */
async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) {
    const text = await response.text();
    return text.length > maxBytes ? undefined : text;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

async function attempt(url: string, options: RequestOptions, signal: AbortSignal): Promise<BatchResult> {
  let response: Response;
  // Called unbound: `options.fetch(…)` would run the browser's fetch with `this` = options ("Illegal invocation").
  const fetchFn = options.fetch;
  try {
    response = await fetchFn(url, {
      signal,
      credentials: 'omit',
      headers: { accept: 'application/atom+xml' },
    });
  } catch {
    return fail({ kind: 'network', message: 'Could not reach arXiv (offline?)' });
  }
  const status = response.status;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), options.now());
  const withRetry = retryAfterMs === undefined ? {} : { retryAfterMs };
  if (status === 429)
    return fail({
      kind: 'rate-limited',
      message: 'arXiv asked PaperPulse to slow down (429)',
      status,
      ...withRetry,
    });
  if (status >= 500)
    return fail({ kind: 'server', message: `arXiv answered ${status}`, status, ...withRetry });
  // arxiv-search answers a refused query (a malformed id) with 400 and an Atom error entry: read it.
  if (!response.ok && status !== 400)
    return fail({ kind: 'http', message: `arXiv answered ${status}`, status, ...withRetry });
  let text: string | undefined;
  try {
    text = await readCapped(response, options.maxBytes);
  } catch {
    return fail({ kind: 'network', message: 'The connection to arXiv broke off mid-answer' });
  }
  if (text === undefined)
    return fail({ kind: 'too-large', message: `arXiv's answer is over ${options.maxBytes} bytes` });
  const parsed = parseAtomFeed(text, options.maxBytes);
  if (!parsed.ok) {
    if (status === 400) return fail({ kind: 'http', message: 'arXiv answered 400', status });
    const kind = parsed.error.kind === 'too-large' ? 'too-large' : 'invalid';
    return fail({ kind, message: `arXiv's answer is not its Atom feed: ${parsed.error.message}`, status });
  }
  if (status === 400 && parsed.feed.apiErrors.length === 0)
    return fail({ kind: 'http', message: 'arXiv answered 400', status });
  return { ok: true, feed: parsed.feed };
}

/** Never throws; a request that outlives `timeoutMs` (connecting or reading) is aborted. */
export async function fetchBatch(url: string, options: RequestOptions): Promise<BatchResult> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Raced, not only signalled: a fetch that ignores its signal must not hold the run forever.
  const timedOut = new Promise<BatchResult>((resolve) => {
    timer = setTimeout(() => {
      resolve(
        fail({ kind: 'timeout', message: `arXiv did not answer within ${options.timeoutMs / 1000} s` }),
      );
      controller.abort();
    }, options.timeoutMs);
  });
  try {
    return await Promise.race([attempt(url, options, controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
