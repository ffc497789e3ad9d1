import { describe, expect, it, vi } from 'vitest';
import { FeedError, MAX_RETRY_AFTER_MS, PAGE_SIZE, fetchDay, type FeedDayContext } from '@/lib/feed/client';

const NOW = Date.parse('2026-11-23T10:00:00Z');

/** `count` valid items whose ids start at `first` (2411.00000 + n). */
function items(count: number, first = 0) {
  return Array.from({ length: count }, (_, i) => ({
    paper: { id: `2411.${String(first + i).padStart(5, '0')}`, title: `Paper ${first + i}`, upvotes: 1 },
  }));
}

function json(body: unknown, init: ResponseInit = {}) {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
}

/** A fake `fetch` that records the URLs asked and answers from `respond`. */
function fakeFetch(respond: (url: URL, call: number) => Response | Promise<Response>) {
  const urls: URL[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    urls.push(url);
    return respond(url, urls.length - 1);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, urls, calls: fetch };
}

function context(fetch: typeof globalThis.fetch, extra: Partial<FeedDayContext> = {}): FeedDayContext {
  return { fetch, now: NOW, latestDay: '2026-11-23', beforeRequest: () => undefined, ...extra };
}

async function feedError(promise: Promise<unknown>): Promise<FeedError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

describe('fetchDay', () => {
  it('asks for one day, the largest page, page 0', async () => {
    const { fetch, urls } = fakeFetch(() => json(items(3)));
    const day = await fetchDay('2026-11-20', context(fetch));
    expect(urls).toHaveLength(1);
    expect(urls[0]!.origin + urls[0]!.pathname).toBe('https://huggingface.co/api/daily_papers');
    expect(Object.fromEntries(urls[0]!.searchParams)).toEqual({ date: '2026-11-20', limit: '100', p: '0' });
    expect(day.date).toBe('2026-11-20');
    expect(day.papers.map((paper) => paper.id)).toEqual(['2411.00000', '2411.00001', '2411.00002']);
  });

  it('pages while a page is full and stops at a short page', async () => {
    const { fetch, urls } = fakeFetch((url) => {
      const page = Number(url.searchParams.get('p'));
      return json(page < 2 ? items(PAGE_SIZE, page * PAGE_SIZE) : items(7, 2 * PAGE_SIZE));
    });
    const day = await fetchDay('2026-11-20', context(fetch));
    expect(urls.map((url) => url.searchParams.get('p'))).toEqual(['0', '1', '2']);
    expect(day.papers).toHaveLength(2 * PAGE_SIZE + 7);
    expect(day.dropped).toEqual([]);
  });

  it('follows a rel="next" Link header even after a short page', async () => {
    const { fetch, urls } = fakeFetch((url) => {
      const page = Number(url.searchParams.get('p'));
      const next = `<https://huggingface.co/api/daily_papers?date=2026-11-20&limit=100&p=${page + 1}>; rel="next"`;
      return page === 0 ? json(items(10), { headers: { link: next } }) : json(items(4, 10));
    });
    const day = await fetchDay('2026-11-20', context(fetch));
    expect(urls.map((url) => url.searchParams.get('p'))).toEqual(['0', '1']);
    expect(day.papers).toHaveLength(14);
  });

  it('stops when the server ignores p and sends the same full page again', async () => {
    const { fetch, urls } = fakeFetch(() => json(items(PAGE_SIZE)));
    const day = await fetchDay('2026-11-20', context(fetch));
    expect(urls).toHaveLength(2);
    expect(day.papers).toHaveLength(PAGE_SIZE);
  });

  it('numbers dropped items across pages', async () => {
    const { fetch } = fakeFetch((url) =>
      url.searchParams.get('p') === '0' ? json(items(PAGE_SIZE)) : json([...items(1, PAGE_SIZE), null]),
    );
    const day = await fetchDay('2026-11-20', context(fetch));
    expect(day.dropped.map((item) => item.index)).toEqual([PAGE_SIZE + 1]);
  });

  it('never asks for a day after latestDay (the server’s today as best known)', async () => {
    const { fetch, calls } = fakeFetch(() => json([]));
    const error = await feedError(fetchDay('2026-11-24', context(fetch)));
    expect(error.kind).toBe('invalid');
    expect(calls).not.toHaveBeenCalled();
  });

  it("asks for today's date (UTC)", async () => {
    const { fetch, calls } = fakeFetch(() => json([]));
    await expect(fetchDay('2026-11-23', context(fetch))).resolves.toMatchObject({ papers: [] });
    expect(calls).toHaveBeenCalledTimes(1);
  });

  it('calls beforeRequest before every request and stops when it throws', async () => {
    let allowed = 1;
    const beforeRequest = vi.fn(() => {
      if (allowed-- <= 0) throw new FeedError('budget', 'request budget used up');
    });
    const { fetch, calls } = fakeFetch(() => json(items(PAGE_SIZE)));
    const error = await feedError(fetchDay('2026-11-20', context(fetch, { beforeRequest })));
    expect(error.kind).toBe('budget');
    expect(beforeRequest).toHaveBeenCalledTimes(2);
    expect(calls).toHaveBeenCalledTimes(1);
  });

  it('sends no credentials and passes an abort signal', async () => {
    const { fetch, calls } = fakeFetch(() => json([]));
    await fetchDay('2026-11-20', context(fetch));
    const init = calls.mock.calls[0]![1 as never] as RequestInit;
    expect(init.credentials).toBe('omit');
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  describe('errors', () => {
    it('429 with Retry-After in seconds → rate-limited', async () => {
      const { fetch } = fakeFetch(
        () => new Response('slow down', { status: 429, headers: { 'retry-after': '120' } }),
      );
      const error = await feedError(fetchDay('2026-11-20', context(fetch)));
      expect(error.kind).toBe('rate-limited');
      expect(error.retryAfterMs).toBe(120_000);
    });

    it('429 with Retry-After as an HTTP date → rate-limited, measured from now', async () => {
      const retryAt = new Date(NOW + 90_000).toUTCString();
      const { fetch } = fakeFetch(
        () => new Response('', { status: 429, headers: { 'retry-after': retryAt } }),
      );
      const error = await feedError(fetchDay('2026-11-20', context(fetch)));
      expect(error.kind).toBe('rate-limited');
      expect(error.retryAfterMs).toBe(90_000);
    });

    it('429 without Retry-After → rate-limited with no delay', async () => {
      const { fetch } = fakeFetch(() => new Response('', { status: 429 }));
      const error = await feedError(fetchDay('2026-11-20', context(fetch)));
      expect(error.kind).toBe('rate-limited');
      expect(error.retryAfterMs).toBeUndefined();
    });

    it.each([500, 404, 400])('%i → http', async (status) => {
      const { fetch } = fakeFetch(() => json({ error: 'nope' }, { status }));
      const error = await feedError(fetchDay('2026-11-20', context(fetch)));
      expect(error.kind).toBe('http');
      expect(error.message).toContain(String(status));
    });

    it('an error on a later page fails the whole day', async () => {
      const { fetch } = fakeFetch((_url, call) =>
        call === 0 ? json(items(PAGE_SIZE)) : new Response('', { status: 502 }),
      );
      const error = await feedError(fetchDay('2026-11-20', context(fetch)));
      expect(error.kind).toBe('http');
    });

    it('fetch rejecting → network', async () => {
      const fetch = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
      const error = await feedError(
        fetchDay('2026-11-20', context(fetch as unknown as typeof globalThis.fetch)),
      );
      expect(error.kind).toBe('network');
    });

    it('no answer within timeoutMs → timeout', async () => {
      // Like a real fetch: waits until its signal aborts, then rejects with the signal's reason.
      const fetch = vi.fn(
        (_input: RequestInfo | URL, init?: RequestInit) =>
          new Promise<Response>((_resolve, reject) => {
            init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
          }),
      );
      // Without the timeout this would never settle, and the test would fail on vitest's own limit.
      const error = await feedError(
        fetchDay('2026-11-20', context(fetch as unknown as typeof globalThis.fetch, { timeoutMs: 50 })),
      );
      expect(error.kind).toBe('timeout');
    });

    it.each([
      ['HTML instead of JSON', new Response('<!doctype html><title>Maintenance</title>', { status: 200 })],
      ['JSON that is not a list', json({ error: 'Invalid date' })],
    ])('%s → invalid', async (_name, response) => {
      const { fetch } = fakeFetch(() => response);
      const error = await feedError(fetchDay('2026-11-20', context(fetch)));
      expect(error.kind).toBe('invalid');
    });

    it('429 with a huge Retry-After → clamped to a day, never Infinity', async () => {
      const { fetch } = fakeFetch(
        () => new Response('', { status: 429, headers: { 'retry-after': '9'.repeat(400) } }),
      );
      const error = await feedError(fetchDay('2026-11-20', context(fetch)));
      expect(error.retryAfterMs).toBe(MAX_RETRY_AFTER_MS);
    });

    it('503 with Retry-After → http, and the wait is passed on', async () => {
      const { fetch } = fakeFetch(() => new Response('', { status: 503, headers: { 'retry-after': '600' } }));
      const error = await feedError(fetchDay('2026-11-20', context(fetch)));
      expect(error).toMatchObject({ kind: 'http', status: 503, retryAfterMs: 600_000 });
    });

    it('a Retry-After date is measured on the server’s clock (its Date header), not a skewed local one', async () => {
      const serverNow = NOW - 86_400_000; // our clock is a day ahead
      const { fetch } = fakeFetch(
        () =>
          new Response('', {
            status: 429,
            headers: {
              date: new Date(serverNow).toUTCString(),
              'retry-after': new Date(serverNow + 120_000).toUTCString(),
            },
          }),
      );
      const error = await feedError(fetchDay('2026-11-20', context(fetch)));
      expect(error.retryAfterMs).toBe(120_000);
    });

    it.each([
      ['one item', [{ paper: { id: 'not an id', title: 'x' } }]],
      ['every item of a full list', Array.from({ length: 30 }, () => ({ paper: { title: 'no id' } }))],
      ['items of a new shape', items(5).map((item) => ({ entry: item.paper }))],
    ])('a 200 whose items all fail validation (%s) → invalid, never an empty day', async (_name, body) => {
      const { fetch } = fakeFetch(() => json(body));
      const error = await feedError(fetchDay('2026-11-20', context(fetch)));
      expect(error.kind).toBe('invalid');
      expect(error.message).toMatch(/could read none/);
    });

    it('a list with one readable item among bad ones is a day with that item', async () => {
      const { fetch } = fakeFetch(() => json([null, ...items(1), { paper: {} }]));
      const day = await fetchDay('2026-11-20', context(fetch));
      expect(day.papers).toHaveLength(1);
      expect(day.dropped.map((item) => item.index)).toEqual([0, 2]);
    });
  });
});

describe('the server clock', () => {
  it('reports the Date header of every answer, errors included, and returns the first page’s', async () => {
    const seen: number[] = [];
    const { fetch } = fakeFetch((url, call) => {
      const date = new Date(NOW + call * 1000).toUTCString();
      if (url.searchParams.get('date') === '2026-11-19')
        return new Response('', { status: 500, headers: { date } });
      return json(call === 0 ? items(PAGE_SIZE) : items(3, PAGE_SIZE), { headers: { date } });
    });
    const observeServerTime = (time: number) => void seen.push(time);
    const day = await fetchDay('2026-11-20', context(fetch, { observeServerTime }));
    expect(day.serverTime).toBe(NOW);
    await feedError(fetchDay('2026-11-19', context(fetch, { observeServerTime })));
    expect(seen).toEqual([NOW, NOW + 1000, NOW + 2000]);
  });

  it('has no server time when the answer has no readable Date', async () => {
    const { fetch } = fakeFetch(() => json(items(1), { headers: { date: 'yesterday' } }));
    expect((await fetchDay('2026-11-20', context(fetch))).serverTime).toBeUndefined();
  });
});
