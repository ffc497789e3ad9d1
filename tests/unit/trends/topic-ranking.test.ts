import { describe, expect, it } from 'vitest';
import { rankTopics, type WindowPaper } from '../../../lib/trends/topic-ranking';
import type { TopicExtraction } from '../../../lib/trends/topics';

/** Twenty papers a week for three weeks; paper i is in week floor(i / 20) back. */
const PAPERS: WindowPaper[] = Array.from({ length: 60 }, (_, i) => ({
  id: `p${String(i).padStart(2, '0')}`,
  upvotes: i % 7,
  week: Math.floor(i / 20),
}));

function extraction(members: Record<string, number[]>): TopicExtraction {
  const keys = Object.keys(members);
  return {
    topics: keys.map((key) => ({ key, label: key.toUpperCase(), aliases: [] })),
    paperTopics: PAPERS.map((_, paper) =>
      keys.flatMap((key, topic) => (members[key]!.includes(paper) ? [topic] : [])),
    ),
  };
}

describe('rankTopics', () => {
  it('lists rising topics only, drops topics too small or everywhere, and folds one into a topic holding its papers', () => {
    const ranked = rankTopics(
      extraction({
        // Twelve papers this week, one in each earlier week: growing.
        growing: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 20, 40],
        // Rising too, but only on papers of the growing topic: shown under it.
        narrower: [0, 1, 2, 3, 4, 20],
        // Kept its share: not rising.
        steady: [12, 13, 26, 27, 46, 47],
        tiny: [14, 15],
        everywhere: PAPERS.map((_, i) => i).filter((i) => i % 3 !== 0),
      }),
      PAPERS,
      3,
      10,
    );
    expect(ranked.map((topic) => topic.key)).toEqual(['growing']);
    expect(ranked[0]).toMatchObject({
      related: ['NARROWER'],
      papersPerWeek: [1, 1, 12],
      thisWeek: { papers: 12 },
      before: { papers: 2 },
    });
    expect(ranked[0]!.growth.score!).toBeGreaterThan(0);
  });

  it("lists a topic's papers this week's first, most upvoted first, then by id", () => {
    const [topic] = rankTopics(extraction({ only: [5, 6, 13, 7, 20, 8, 9] }), PAPERS, 3, 10);
    // Upvotes: p05 → 5, p06 → 6, p07 → 0, p08 → 1, p09 → 2, p13 → 6, and p20 → 6 in the week before.
    expect(topic!.papers.map((index) => PAPERS[index]!.id)).toEqual([
      'p06',
      'p13',
      'p05',
      'p09',
      'p08',
      'p07',
      'p20',
    ]);
  });

  it('stops at the limit', () => {
    const topics = Object.fromEntries(
      Array.from({ length: 5 }, (_, t) => [`t${t}`, [0, 1, 2, 3].map((i) => t * 4 + i)]),
    );
    expect(rankTopics(extraction(topics), PAPERS, 3, 2)).toHaveLength(2);
  });

  it('lists every topic by papers this week when there is no earlier week', () => {
    const firstWeek = PAPERS.slice(0, 20);
    const ranked = rankTopics(extraction({ small: [0, 1, 2], large: [3, 4, 5, 6, 7] }), firstWeek, 1, 10);
    expect(ranked.map((topic) => [topic.key, topic.growth.score])).toEqual([
      ['large', null],
      ['small', null],
    ]);
  });
});
