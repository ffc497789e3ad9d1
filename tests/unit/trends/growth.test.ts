import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byGrowth, growth, type PeriodTotals, type TopicPeriods } from '../../../lib/trends/growth';

/** A period of `papers` papers with `upvotesEach` upvotes each. */
function period(papers: number, upvotesEach = 20): PeriodTotals {
  return { papers, upvotes: papers * upvotesEach, attention: papers * Math.log1p(upvotesEach) };
}
const ALL: TopicPeriods = { thisWeek: period(250), before: period(750) };

describe('growth', () => {
  it('keeps a topic with two papers from outranking one with twenty on noise', () => {
    // Two viral papers this week and none before: by raw share, growth without bound.
    const twoPapers = { key: 'a', thisWeek: period(2, 500), before: period(0) };
    const twentyPapers = { key: 'b', thisWeek: period(20), before: period(10) };
    const small = { ...twoPapers, growth: growth(twoPapers, ALL) };
    const large = { ...twentyPapers, growth: growth(twentyPapers, ALL) };
    // Even smoothed, the shown figures favour the small topic; the score must not.
    expect(small.growth.upvoteShare).toBeGreaterThan(large.growth.upvoteShare);
    expect(large.growth.score!).toBeGreaterThan(small.growth.score!);
    expect([small, large].sort(byGrowth).map((topic) => topic.key)).toEqual(['b', 'a']);
  });

  it('gives a steady topic no growth and a score below zero', () => {
    const steady = growth({ thisWeek: period(10), before: period(30) }, ALL);
    expect(steady.paperShare).toBeCloseTo(1, 5);
    expect(steady.upvoteShare).toBeCloseTo(1, 5);
    expect(steady.score!).toBeLessThan(0);
  });

  it('gives a topic that quadrupled its share a score above zero', () => {
    const rising = growth({ thisWeek: period(40), before: period(30) }, ALL);
    expect(rising.paperShare).toBeGreaterThan(3);
    expect(rising.score!).toBeGreaterThan(0);
  });

  it('has no score without earlier weeks to compare with', () => {
    const lonely = growth(
      { thisWeek: period(5), before: period(0) },
      { thisWeek: period(100), before: period(0) },
    );
    expect(lonely).toEqual({ paperShare: 1, upvoteShare: 1, score: null });
  });

  it('property: a topic whose share did not grow never scores above zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 300 }),
        (weekPapers, weeksBefore, topicPapers, upvotes) => {
          const thisWeekCount = Math.min(topicPapers, weekPapers);
          const all = {
            thisWeek: period(weekPapers, upvotes),
            before: period(weekPapers * weeksBefore, upvotes),
          };
          const topic = {
            thisWeek: period(thisWeekCount, upvotes),
            before: period(thisWeekCount * weeksBefore, upvotes),
          };
          expect(growth(topic, all).score!).toBeLessThanOrEqual(0);
        },
      ),
    );
  });
});
