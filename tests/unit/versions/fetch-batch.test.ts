import { describe, expect, it } from 'vitest';
import { fetchBatch } from '@/lib/versions/fetch-batch';
import { parseRetryAfter } from '@/lib/http';
import { arxivFixture } from './fixture';

const NOW = Date.parse('2026-12-01T06:00:00Z');
const URL_ = 'https://export.arxiv.org/api/query?id_list=2410.17243&max_results=1';
const options = (fetch: typeof globalThis.fetch, extra = {}) => ({
  fetch,
  now: () => NOW,
  timeoutMs: 1_000,
  maxBytes: 100_000,
  ...extra,
});
const answering = (response: () => Response) => (async () => response()) as typeof fetch;

describe('fetchBatch', () => {
  it('asks without cookies, for Atom, with an abort signal', async () => {
    let init: RequestInit | undefined;
    const fetch = (async (_url: RequestInfo | URL, given?: RequestInit) => {
      init = given;
      return new Response(arxivFixture('manual-typical-response.xml'));
    }) as typeof globalThis.fetch;
    expect((await fetchBatch(URL_, options(fetch))).ok).toBe(true);
    expect(init?.credentials).toBe('omit');
    expect(init?.headers).toEqual({ accept: 'application/atom+xml' });
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  it.each([
    [
      '429 with Retry-After seconds',
      () => new Response('', { status: 429, headers: { 'retry-after': '120' } }),
      { kind: 'rate-limited', status: 429, retryAfterMs: 120_000 },
    ],
    [
      '503 with Retry-After date',
      () =>
        new Response('', {
          status: 503,
          headers: { 'retry-after': new Date(NOW + 3_600_000).toUTCString() },
        }),
      { kind: 'server', status: 503, retryAfterMs: 3_600_000 },
    ],
    ['500', () => new Response('oops', { status: 500 }), { kind: 'server', status: 500 }],
    ['403', () => new Response('no', { status: 403 }), { kind: 'http', status: 403 }],
    [
      '400 that is not an Atom error',
      () => new Response('bad', { status: 400 }),
      { kind: 'http', status: 400 },
    ],
    ['200 HTML page', () => new Response(arxivFixture('hostile-html-error.html')), { kind: 'invalid' }],
    ['200 "Rate exceeded."', () => new Response(arxivFixture('hostile-not-xml.txt')), { kind: 'invalid' }],
    ['200 truncated feed', () => new Response(arxivFixture('hostile-truncated.xml')), { kind: 'invalid' }],
    [
      'a declared length over the cap',
      () => new Response('<feed/>', { headers: { 'content-length': '100001' } }),
      { kind: 'too-large' },
    ],
    // 120 000 bytes but 60 000 characters: only the cap on bytes read catches it.
    ['a streamed body over the cap in bytes', () => new Response('é'.repeat(60_000)), { kind: 'too-large' }],
    [
      'an endless body',
      () => new Response(new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array(65_536)) })),
      { kind: 'too-large' },
    ],
  ])('%s', async (_case, response, failure) => {
    const result = await fetchBatch(URL_, options(answering(response)));
    expect(result).toMatchObject({ ok: false, failure });
  });

  it('reads an Atom error sent with 400 (as arxiv-search does) as an answer', async () => {
    const fetch = answering(() => new Response(arxivFixture('manual-error-response.xml'), { status: 400 }));
    const result = await fetchBatch(URL_, options(fetch));
    expect(result.ok && result.feed.apiErrors.map((error) => error.message)).toEqual([
      'incorrect id format for 1234.12345',
    ]);
  });

  it('reports a network failure', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    expect(await fetchBatch(URL_, options(fetch))).toMatchObject({ ok: false, failure: { kind: 'network' } });
  });

  it('times out a request that never answers, even one that ignores its signal', async () => {
    const fetch = (() => new Promise<Response>(() => undefined)) as typeof globalThis.fetch;
    expect(await fetchBatch(URL_, options(fetch, { timeoutMs: 20 }))).toMatchObject({
      ok: false,
      failure: { kind: 'timeout' },
    });
  });

  it('times out a body that stalls, and aborts the request', async () => {
    let signal: AbortSignal | undefined;
    const fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      signal = init?.signal ?? undefined;
      return new Response(new ReadableStream({ pull: () => new Promise(() => undefined) }));
    }) as typeof globalThis.fetch;
    expect(await fetchBatch(URL_, options(fetch, { timeoutMs: 20 }))).toMatchObject({
      ok: false,
      failure: { kind: 'timeout' },
    });
    expect(signal?.aborted).toBe(true);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    [' 5 ', 5_000],
    [new Date(NOW + 60_000).toUTCString(), 60_000],
    [new Date(NOW - 60_000).toUTCString(), 0],
    ['soon', undefined],
    [null, undefined],
  ])('%j → %j', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});
