import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIGEST_PER_TOPIC, DIGEST_TOP, digestOf, isDigestDue, WEEK_MS } from '@/lib/digest/digest';
import { loadDigestPage } from '@/lib/digest/digest-page';
import { digestPaperIds, digestPath, MAX_DIGEST_PAPERS } from '@/lib/digest/digest-url';
import { storeDay } from '@/lib/feed/store';
import type { FeedPaper } from '@/lib/feed/schema';
import { PaperPulseDB } from '@/lib/storage/db';
import type { Paper } from '@/lib/storage/records';

/** Friday 2026-11-27, 12:00 UTC: the digest's week is Sat 21 to Fri 27 November. */
const NOW = Date.parse('2026-11-27T12:00:00Z');

function paper(id: string, dailyDate: string, upvotes: number, title = `Paper ${id}`): Paper {
  return {
    id,
    title,
    summary: '',
    authors: [],
    upvotes,
    numComments: 2,
    dailyDate,
    firstSeenAt: 1,
    updatedAt: 1,
  };
}

describe('digestOf', () => {
  it('ranks the seven days ending today by upvotes, and leaves out the day before', () => {
    const digest = digestOf(
      [
        paper('2611.00001', '2026-11-27', 5),
        paper('2611.00002', '2026-11-21', 50),
        paper('2611.00003', '2026-11-20', 500),
        paper('2611.00004', '2026-11-24', 50),
        paper('2611.00005', '2026-11-28', 900),
      ],
      [],
      NOW,
    );
    expect(digest).toMatchObject({ from: '2026-11-21', to: '2026-11-27', paperCount: 3, topics: [] });
    // Equal upvotes: by id, so the order never depends on storage order.
    expect(digest.top.map((p) => p.id)).toEqual(['2611.00002', '2611.00004', '2611.00001']);
  });

  it(`lists the top ${DIGEST_TOP} overall and the top ${DIGEST_PER_TOPIC} of each watched topic, in the user’s order`, () => {
    const papers = Array.from({ length: 30 }, (_, i) =>
      paper(
        `2611.${String(i).padStart(5, '0')}`,
        '2026-11-25',
        i,
        i % 3 === 0 ? `Diffusion models, take ${i}` : `LLM agents, take ${i}`,
      ),
    );
    const digest = digestOf(papers, ['agents', 'diffusion model', 'quantum error correction'], NOW);
    expect(digest.top).toHaveLength(DIGEST_TOP);
    expect(digest.top[0]!.upvotes).toBe(29);
    expect(digest.topics.map((t) => [t.topic, t.total, t.papers.length])).toEqual([
      ['agents', 20, DIGEST_PER_TOPIC],
      ['diffusion model', 10, DIGEST_PER_TOPIC],
      ['quantum error correction', 0, 0],
    ]);
    expect(digest.topics[1]!.papers.map((p) => p.upvotes)).toEqual([27, 24, 21, 18, 15]);
  });
});

describe('isDigestDue', () => {
  const armed = NOW - WEEK_MS;
  it.each([
    ['never armed', 0, NOW, false],
    ['a week after', armed, NOW, true],
    ['a minute short of a week', armed + 60_000, NOW, false],
    ['long overdue', armed - 30 * WEEK_MS, NOW, true],
    ['the clock went back', NOW + 1000, NOW, false],
  ])('%s → %s', (_what, lastAt, now, due) => {
    expect(isDigestDue(lastAt, now)).toBe(due);
  });
});

describe('the digest page address', () => {
  it('round-trips a batch’s ids, old-style ones included', () => {
    const ids = ['2611.27901', 'hep-th/9901001'];
    expect(digestPaperIds(new URL(digestPath(ids), 'chrome-extension://x').search)).toEqual(ids);
  });

  it.each([
    ['', undefined],
    ['?papers=', []],
    ['?papers=2611.27901,javascript:alert(1),2611.27901v2,2611.27901', ['2611.27901']],
  ])('%j → %j', (search, ids) => {
    expect(digestPaperIds(search)).toEqual(ids);
  });

  it(`reads at most ${MAX_DIGEST_PAPERS} ids`, () => {
    const ids = Array.from({ length: 300 }, (_, i) => `2611.${String(i).padStart(5, '0')}`);
    expect(digestPaperIds(`?papers=${ids.join(',')}`)).toHaveLength(MAX_DIGEST_PAPERS);
  });
});

describe('loadDigestPage', () => {
  let db: PaperPulseDB;
  const feedPaper = (id: string, title: string, upvotes: number): FeedPaper => ({
    id,
    title,
    summary: '',
    authors: [],
    upvotes,
    numComments: 0,
  });
  beforeEach(async () => {
    db = new PaperPulseDB('t-' + crypto.randomUUID());
    await storeDay(
      db,
      { date: '2026-11-26', papers: [feedPaper('2611.26001', 'Agents that plan', 40)], dropped: [] },
      NOW,
    );
    await storeDay(
      db,
      {
        date: '2026-11-27',
        papers: [feedPaper('2611.27001', 'Sparse tables', 90), feedPaper('2611.27002', 'Agentic search', 10)],
        dropped: [],
      },
      NOW,
    );
    await storeDay(
      db,
      { date: '2026-11-19', papers: [feedPaper('2611.19001', 'Old agents', 400)], dropped: [] },
      NOW,
    );
  });
  afterEach(() => db.delete());

  it('draws the week from the cache', async () => {
    const page = await loadDigestPage(db, '', ['agents'], NOW);
    expect(page.kind).toBe('week');
    if (page.kind !== 'week') return;
    expect(page.digest.top.map((p) => p.id)).toEqual(['2611.27001', '2611.26001', '2611.27002']);
    expect(page.digest.topics).toEqual([
      {
        topic: 'agents',
        total: 2,
        papers: [expect.objectContaining({ id: '2611.26001' }), expect.anything()],
      },
    ]);
  });

  it('shows a batch’s papers with their topics, and counts those pruned since', async () => {
    const page = await loadDigestPage(
      db,
      '?papers=2611.27002,2611.26001,2611.01234',
      ['agents', 'plan'],
      NOW,
    );
    expect(page).toEqual({
      kind: 'arrivals',
      papers: [expect.objectContaining({ id: '2611.27002' }), expect.objectContaining({ id: '2611.26001' })],
      topicsOf: new Map([
        ['2611.27002', ['agents']],
        ['2611.26001', ['agents', 'plan']],
      ]),
      missing: 1,
    });
  });
});
