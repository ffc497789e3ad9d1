import { describe, expect, it } from 'vitest';
import { parseFeedPage } from '@/lib/feed/parse';
import { squashWhitespace } from '@/lib/text';
import realDay from '../fixtures/feed/hf-daily-2024-10-25.json';
import hostileDay from '../fixtures/feed/hostile-day.json';

/** A minimal valid item in the daily shape; tests override what they are about. */
function item(paper: Record<string, unknown> = {}, outer: Record<string, unknown> = {}) {
  return { paper: { id: '2410.17243', title: 'A Title', ...paper }, ...outer };
}

describe('parseFeedPage on a real Daily Papers response', () => {
  const { papers, dropped } = parseFeedPage(realDay);

  it('keeps all 29 items and drops none', () => {
    expect(papers).toHaveLength(29);
    expect(dropped).toEqual([]);
    expect(new Set(papers.map((paper) => paper.id)).size).toBe(29);
  });

  it('normalises hard-wrapped titles and summaries', () => {
    // 16 of the raw paper.title values and every paper.summary are hard-wrapped.
    for (const paper of papers) {
      expect(paper.title).not.toMatch(/\s{2}|\n|^\s|\s$/);
      expect(paper.summary).not.toMatch(/\s{2}|\n|^\s|\s$/);
      expect(paper.summary.length).toBeGreaterThan(100);
    }
    expect(papers[0]!.title).toBe(
      'Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive Loss',
    );
    expect(papers[0]!.summary).toMatch(
      /^Contrastive loss is a powerful approach for representation learning, where larger/,
    );
  });

  it('keeps the feed order, upvotes and comment counts', () => {
    expect(papers.slice(0, 3).map(({ id, upvotes, numComments }) => ({ id, upvotes, numComments }))).toEqual([
      { id: '2410.17243', upvotes: 64, numComments: 3 },
      { id: '2410.16251', upvotes: 41, numComments: 2 },
      { id: '2410.18533', upvotes: 37, numComments: 2 },
    ]);
    expect(papers[0]!.publishedAt).toBe('2024-10-22T17:59:30.000Z');
  });

  it('lists author names', () => {
    expect(papers[0]!.authors).toEqual([
      'Zesen Cheng',
      'Hang Zhang',
      'Kehan Li',
      'Sicong Leng',
      'Zhiqiang Hu',
      'Fei Wu',
      'Deli Zhao',
      'Xin Li',
      'Lidong Bing',
    ]);
  });

  it('skips hidden authors', () => {
    // 2410.17897 lists Zhanchao Zhou with hidden: true.
    const paper = papers.find((candidate) => candidate.id === '2410.17897');
    expect(paper?.authors).toEqual(['Tianyi Wu', 'Zhiyun Jiang', 'Zhenzhong Lan']);
  });
});

describe('parseFeedPage on a hostile day', () => {
  const { papers, dropped } = parseFeedPage(hostileDay);

  it('keeps the 8 valid distinct papers', () => {
    expect(papers.map((paper) => paper.id)).toEqual([
      '2410.17243',
      '2410.16251',
      '2410.18533',
      '2410.18693',
      '2410.18975',
      '2410.18978',
      '2410.18798',
      '2410.18745',
    ]);
  });

  it('drops the other 6, each with its index and a reason', () => {
    expect(dropped.map((item) => item.index)).toEqual([8, 9, 10, 11, 12, 13]);
    const reasons = Object.fromEntries(dropped.map((item) => [item.index, item.reason]));
    expect(reasons[8]).toBe('duplicate of 2410.18533');
    expect(reasons[9]).toMatch(/paper\.id/);
    expect(reasons[10]).toMatch(/not a bare arXiv id/);
    expect(reasons[11]).toMatch(/object/i);
    expect(reasons[12]).toMatch(/object/i);
    expect(reasons[13]).toBe('no title');
    for (const { reason } of dropped) expect(reason.length).toBeLessThanOrEqual(300);
  });

  it('keeps HTML in a title as text and a wrapped title without a clean copy normalised', () => {
    expect(papers[0]!.title).toBe('<img src=x onerror="window.__pwned=1">Attention <b>Is</b> All');
    expect(papers[1]!.title).toBe('A Hard-Wrapped Title About Scaling');
  });

  it('ignores an upvote count that is not a number', () => {
    expect(papers.find((paper) => paper.id === '2410.18798')?.upvotes).toBe(0);
  });
});

describe('parseFeedPage item by item', () => {
  it('lets unknown fields through', () => {
    const { papers, dropped } = parseFeedPage([
      item(
        { brandNewField: { nested: true } },
        { anotherNewField: [1, 2, 3], isAuthorParticipating: 'maybe' },
      ),
    ]);
    expect(dropped).toEqual([]);
    expect(papers).toHaveLength(1);
  });

  it.each([
    ['upvotes', { upvotes: '12' }, { upvotes: 0 }],
    ['upvotes', { upvotes: -3 }, { upvotes: 0 }],
    ['githubStars', { githubStars: 'lots' }, { githubStars: undefined }],
    ['githubRepo', { githubRepo: 42 }, { githubRepo: undefined }],
    ['projectPage', { projectPage: { href: 'x' } }, { projectPage: undefined }],
    ['ai_keywords', { ai_keywords: 'llm, rl' }, { aiKeywords: undefined }],
    ['authors', { authors: 'Ada Lovelace' }, { authors: [] }],
    ['publishedAt', { publishedAt: 1729619970000 }, { publishedAt: undefined }],
  ])('ignores a wrong-typed optional %s', (_field, paper, expected) => {
    const { papers, dropped } = parseFeedPage([item(paper)]);
    expect(dropped).toEqual([]);
    expect(papers[0]).toMatchObject({ id: '2410.17243', title: 'A Title', ...expected });
  });

  it('ignores a wrong-typed numComments and organization on the outer item', () => {
    const { papers } = parseFeedPage([item({}, { numComments: 'two', organization: 'acme' })]);
    expect(papers[0]!.numComments).toBe(0);
    expect(papers[0]!.organization).toBeUndefined();
  });

  it('keeps one bad author out without losing the others', () => {
    const { papers } = parseFeedPage([
      item({ authors: [{ name: 'Ada Lovelace' }, { name: 7 }, 'Bob', { name: ' Alan\n Turing ' }] }),
    ]);
    expect(papers[0]!.authors).toEqual(['Ada Lovelace', 'Alan Turing']);
  });

  it('prefers the clean outer title and falls back to paper.title', () => {
    expect(
      parseFeedPage([item({ title: 'Wrapped\n  title' }, { title: 'Clean title' })]).papers[0]!.title,
    ).toBe('Clean title');
    expect(parseFeedPage([item({ title: 'Wrapped\n  title' })]).papers[0]!.title).toBe('Wrapped title');
  });

  it('numbers dropped items from the page offset and skips ids already seen on earlier pages', () => {
    const seen = new Set(['2410.17243']);
    const { papers, dropped } = parseFeedPage([item(), item({ id: '2410.16251' })], 100, seen);
    expect(papers.map((paper) => paper.id)).toEqual(['2410.16251']);
    expect(dropped).toEqual([{ index: 100, reason: 'duplicate of 2410.17243' }]);
    expect(seen.has('2410.16251')).toBe(true);
  });

  it.each([
    ['an object', { items: [] }],
    ['null', null],
    ['a string', '[]'],
    ['an error body', { error: 'Invalid date' }],
  ])('throws when the body is %s, not a list', (_name, body) => {
    expect(() => parseFeedPage(body)).toThrow(TypeError);
  });

  it('accepts an empty day', () => {
    expect(parseFeedPage([])).toEqual({ papers: [], dropped: [], unreadable: 0 });
  });
});

describe('squashWhitespace', () => {
  it.each([
    ['Scaling for\n  Contrastive Loss', 'Scaling for Contrastive Loss'],
    ['  tabs\tand\r\nlines  ', 'tabs and lines'],
    ['\n \t', ''],
  ])('%j → %j', (input, expected) => {
    expect(squashWhitespace(input)).toBe(expected);
  });
});
