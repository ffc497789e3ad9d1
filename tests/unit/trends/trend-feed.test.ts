import { describe, expect, it } from 'vitest';
import daily from '../../fixtures/feed/hf-daily-2024-10-25.json';
import { trendFeed } from '../../support/trend-feed';

const END_DAY = '2025-03-12';

describe('trendFeed (test data)', () => {
  const feed = trendFeed({ endDay: END_DAY });
  const items = Object.values(feed.days).flat();

  it('has fourteen days, weekends empty, in the real item shape', () => {
    expect(Object.keys(feed.days)).toHaveLength(14);
    expect(feed.days['2025-03-08']).toEqual([]);
    expect(feed.days['2025-03-09']).toEqual([]);
    const real = daily[0]!;
    for (const item of items) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(Object.keys(real)));
      expect(Object.keys(item.paper)).toEqual(expect.arrayContaining(Object.keys(real.paper)));
      expect(item.paper.id).toMatch(/^\d{4}\.\d{5}$/);
    }
    expect(new Set(items.map((item) => item.paper.id)).size).toBe(items.length);
  });

  it('ranks each day by upvotes and gives AI keywords to the last eight days only', () => {
    for (const [day, dayItems] of Object.entries(feed.days)) {
      const upvotes = dayItems.map((item) => item.paper.upvotes);
      expect(upvotes).toEqual([...upvotes].sort((a, b) => b - a));
      const withKeywords = dayItems.filter((item) => item.paper.ai_keywords);
      expect(withKeywords).toHaveLength(day >= '2025-03-05' ? dayItems.length : 0);
    }
  });

  it('makes the same papers at any reading time, with upvotes that only grow', () => {
    const earlier = trendFeed({ endDay: END_DAY, at: Date.parse('2025-03-12T08:00:00Z') });
    const earlierItems = new Map(
      Object.values(earlier.days)
        .flat()
        .map((item) => [item.paper.id, item]),
    );
    for (const item of items) {
      const before = earlierItems.get(item.paper.id);
      if (!before) {
        // Not yet listed at 08:00: it joined later that day.
        expect(Date.parse(item.publishedAt)).toBeGreaterThan(Date.parse('2025-03-12T08:00:00Z'));
        continue;
      }
      expect(before.title).toBe(item.title);
      expect(before.paper.upvotes).toBeLessThanOrEqual(item.paper.upvotes);
    }
  });

  it('grows one topic in the last week only', () => {
    const growing = (from: string, to: string) =>
      Object.entries(feed.days)
        .filter(([day]) => day >= from && day <= to)
        .flatMap(([, dayItems]) => dayItems)
        .filter((item) => /state[ -]space|SSM/i.test(item.title)).length;
    expect(growing('2025-03-06', END_DAY)).toBeGreaterThan(3 * growing('2025-02-27', '2025-03-05'));
  });
});
