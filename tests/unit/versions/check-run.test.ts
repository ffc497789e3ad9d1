import { describe, expect, it } from 'vitest';
import { checkVersions } from '@/lib/versions/check-run';
import { arxivFixture } from './fixture';
import { atomError, atomFeed, atomResponse, fakeArxiv, fakeClock, ids } from './fake-arxiv';

const START = Date.parse('2026-12-01T06:00:00Z');
const papers = (list: readonly string[]) => list.map((arxivId) => ({ arxivId }));
/** Every asked id answered at v2. */
const answerAll = (asked: string[]) => atomResponse(atomFeed(asked.map((id) => `${id}v2`)));

describe('checkVersions: batching and politeness', () => {
  it('asks 250 ids in 3 requests of 100, 100 and 50, one at a time, 3 s apart', async () => {
    const clock = fakeClock(START);
    const arxiv = fakeArxiv(answerAll, clock);
    const run = await checkVersions({ papers: papers(ids(250)), fetch: arxiv.fetch, ...clock });

    expect(arxiv.requests.map((request) => request.ids.length)).toEqual([100, 100, 50]);
    expect(arxiv.requests.map((request) => request.maxResults)).toEqual(['100', '100', '50']);
    expect(arxiv.requests[2]?.url).toBe(
      `https://export.arxiv.org/api/query?id_list=${ids(50, 200).join(',')}&max_results=50`,
    );
    expect(clock.sleeps).toEqual([3000, 3000]);
    const starts = arxiv.requests.map((request) => request.startedAt);
    expect(starts.slice(1).map((start, i) => start - starts[i]!)).toEqual([3000, 3000]);
    expect(arxiv.maxInFlight()).toBe(1);
    expect(run).toMatchObject({ ok: true, requests: 3, startedAt: START, missing: [], unchecked: [] });
    expect(run.latest.size).toBe(250);
    expect(run.latest.get('2411.00249')).toMatchObject({ arxivId: '2411.00249', version: 2 });
  });

  it('makes no request and no wait for no papers', async () => {
    const clock = fakeClock(START);
    const arxiv = fakeArxiv(answerAll, clock);
    const run = await checkVersions({ papers: [], fetch: arxiv.fetch, ...clock });
    expect([arxiv.requests.length, clock.sleeps.length, run.ok]).toEqual([0, 0, true]);
  });

  it('never puts more than 100 ids in a request, whatever it is told', async () => {
    const clock = fakeClock(START);
    const arxiv = fakeArxiv(answerAll, clock);
    await checkVersions({ papers: papers(ids(150)), fetch: arxiv.fetch, ...clock, maxPerRequest: 500 });
    expect(arxiv.requests.map((request) => request.ids.length)).toEqual([100, 50]);
  });

  it('stops at the request budget and leaves the rest for another day, without failing', async () => {
    const clock = fakeClock(START);
    const arxiv = fakeArxiv(answerAll, clock);
    const run = await checkVersions({
      papers: papers(ids(250)),
      fetch: arxiv.fetch,
      ...clock,
      maxRequests: 2,
    });
    expect(arxiv.requests).toHaveLength(2);
    expect(run).toMatchObject({ ok: true, requests: 2 });
    // Which 50 wait depends on the day (the window rotates); together they are every id, once.
    const asked = arxiv.requests.flatMap((request) => request.ids);
    expect(run.unchecked).toHaveLength(50);
    expect([...asked, ...run.unchecked].sort()).toEqual(ids(250));
  });
});

describe('checkVersions: the first failure ends the run', () => {
  it.each([
    ['429', () => new Response('', { status: 429, headers: { 'retry-after': '3600' } }), 'rate-limited'],
    ['503', () => new Response('', { status: 503 }), 'server'],
    ['an HTML error page', () => new Response(arxivFixture('hostile-html-error.html')), 'invalid'],
    ['"Rate exceeded."', () => new Response(arxivFixture('hostile-not-xml.txt')), 'invalid'],
    [
      'a network failure',
      () => {
        throw new TypeError('Failed to fetch');
      },
      'network',
    ],
  ])('%s on the second request: no third request, the first answers kept', async (_case, second, kind) => {
    const clock = fakeClock(START);
    const arxiv = fakeArxiv((asked, index) => (index === 1 ? second() : answerAll(asked)), clock);
    const run = await checkVersions({ papers: papers(ids(250)), fetch: arxiv.fetch, ...clock });

    expect(arxiv.requests).toHaveLength(2);
    expect(run.ok).toBe(false);
    expect(run.failure?.kind).toBe(kind);
    expect([...run.latest.keys()]).toEqual(ids(100));
    expect(run.unchecked).toEqual(ids(150, 100));
  });

  it('carries Retry-After into the outcome', async () => {
    const clock = fakeClock(START);
    const arxiv = fakeArxiv(
      () => new Response('', { status: 429, headers: { 'retry-after': '7200' } }),
      clock,
    );
    const run = await checkVersions({ papers: papers(ids(3)), fetch: arxiv.fetch, ...clock });
    expect(run.failure).toMatchObject({ kind: 'rate-limited', retryAfterMs: 7_200_000 });
  });

  it('times a request out and stops', async () => {
    const clock = fakeClock(START);
    const arxiv = fakeArxiv(() => new Promise<Response>(() => undefined), clock);
    const run = await checkVersions({
      papers: papers(ids(150)),
      fetch: arxiv.fetch,
      ...clock,
      timeoutMs: 20,
    });
    expect(arxiv.requests).toHaveLength(1);
    expect(run).toMatchObject({ ok: false, failure: { kind: 'timeout' }, unchecked: ids(150) });
  });

  it('stops when arXiv refuses the request itself', async () => {
    const clock = fakeClock(START);
    const refusal = atomError('max_results_must_be_an_integer', 'max_results must be an integer');
    const arxiv = fakeArxiv(() => atomResponse(refusal, { status: 400 }), clock);
    const run = await checkVersions({ papers: papers(ids(150)), fetch: arxiv.fetch, ...clock });
    expect(arxiv.requests).toHaveLength(1);
    expect(run.failure).toMatchObject({ kind: 'refused' });
    expect(run.failure?.message).toContain('max_results must be an integer');
  });
});

describe('checkVersions: what an answer may say', () => {
  it('asks a batch again without an id arXiv refused as malformed', async () => {
    const clock = fakeClock(START);
    const asked = ['2410.17243', '1234.12345', 'hep-th/9901001'];
    const arxiv = fakeArxiv(
      (list) =>
        list.includes('1234.12345')
          ? atomResponse(arxivFixture('manual-error-response.xml'), { status: 400 })
          : answerAll(list),
      clock,
    );
    const run = await checkVersions({ papers: papers(asked), fetch: arxiv.fetch, ...clock });
    expect(arxiv.requests.map((request) => request.ids)).toEqual([
      ['1234.12345', '2410.17243', 'hep-th/9901001'],
      ['2410.17243', 'hep-th/9901001'],
    ]);
    expect(clock.sleeps).toEqual([3000]);
    expect(run).toMatchObject({ ok: true, rejectedIds: ['1234.12345'], missing: [] });
    expect([...run.latest.keys()]).toEqual(['2410.17243', 'hep-th/9901001']);
  });

  it('ignores entries for ids it did not ask for, and reports asked ids with no entry', async () => {
    const clock = fakeClock(START);
    const arxiv = fakeArxiv(
      () => atomResponse(atomFeed(['2410.17243v3', '2401.00001v9', '2410.17243v2'])),
      clock,
    );
    const run = await checkVersions({
      papers: papers(['2410.17243', '2410.99999']),
      fetch: arxiv.fetch,
      ...clock,
    });
    expect([...run.latest.entries()].map(([id, entry]) => [id, entry.version])).toEqual([['2410.17243', 3]]);
    expect(run).toMatchObject({ ok: true, missing: ['2410.99999'], unrequested: 1 });
  });

  it('answers the manual fixture’s ids, old-style included', async () => {
    const clock = fakeClock(START);
    const arxiv = fakeArxiv(() => atomResponse(arxivFixture('batch-two-entries.xml')), clock);
    const run = await checkVersions({
      papers: papers(['hep-ex/0307015', '2410.17243']),
      fetch: arxiv.fetch,
      ...clock,
    });
    expect(arxiv.requests[0]?.url).toBe(
      'https://export.arxiv.org/api/query?id_list=2410.17243,hep-ex/0307015&max_results=2',
    );
    expect([...run.latest.values()].map((entry) => `${entry.arxivId}v${entry.version}`)).toEqual([
      'hep-ex/0307015v1',
      '2410.17243v3',
    ]);
  });
});
