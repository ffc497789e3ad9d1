import { describe, expect, it } from 'vitest';
import { normalizeTopic } from '../../../lib/topics/normalize';
import type { PaperHistory } from '../../../lib/trends/history-codec';
import { recordSamples } from '../../../lib/trends/history';
import { DEFAULT_TRENDS_LIMITS, TrendsRecordSchema } from '../../../lib/trends/record';
import { computeTrends } from '../../../lib/trends/summary';
import { storedPapers } from '../../support/stored-papers';
import { trendFeed, type TrendFeedOptions } from '../../support/trend-feed';

const HOUR = 3_600_000;
const END_DAY = '2025-03-12';
/** Noon on the last day: the surge (from 18:00 the day before, over six hours) is all within 24 hours. */
const NOW = Date.parse(`${END_DAY}T12:00:00Z`);

/**
 * The feed as PaperPulse would have it at `NOW` after refreshing every two hours for a week,
 * each refresh re-reading the last seven days' numbers.
 */
function refreshedFeed(options: Omit<TrendFeedOptions, 'endDay' | 'at'> = {}) {
  const histories = new Map<string, PaperHistory>();
  for (let at = NOW - 8 * 24 * HOUR; at <= NOW; at += 2 * HOUR) {
    const seen = storedPapers(trendFeed({ ...options, endDay: END_DAY, at }));
    for (const row of recordSamples(histories, seen, at)) histories.set(row.id, row);
  }
  const feed = trendFeed({ ...options, endDay: END_DAY, at: NOW });
  return {
    feed,
    input: {
      papers: storedPapers(feed),
      days: Object.keys(feed.days).map((date) => ({ date })),
      history: [...histories.values()],
      now: NOW,
    },
  };
}

describe.each([2025, 7, 99])('computeTrends on a generated fortnight (seed %i)', (seed) => {
  const { feed, input } = refreshedFeed({ seed });
  const record = computeTrends(input);

  it('puts the growing topic among the three most rising, and no flat topic', () => {
    const topThree = record.topics.slice(0, 3).map((topic) => topic.key);
    expect(topThree).toContain(normalizeTopic(feed.growingTopic));
    for (const flat of feed.flatTopics) expect(topThree).not.toContain(normalizeTopic(flat));
    expect(record.topics[0]!.score!).toBeGreaterThan(0);
  });

  it('merges SSM into state space models, with its weekly chart and top papers', () => {
    const topic = record.topics.find((candidate) => candidate.key === normalizeTopic('State-Space Model'))!;
    expect(topic.aliases).toContain('SSM');
    expect(record.topics.some((candidate) => candidate.key === normalizeTopic('SSMs'))).toBe(false);
    expect(topic.papersPerWeek).toHaveLength(2);
    expect(topic.papersPerWeek[1]!).toBeGreaterThan(3 * topic.papersPerWeek[0]!);
    expect(topic.topPaperIds).toHaveLength(DEFAULT_TRENDS_LIMITS.papersPerTopic);
    expect(topic.weekPaperIds).toHaveLength(topic.thisWeek.papers);
  });

  it('ranks the paper whose upvotes jumped above the top paper that stayed still', () => {
    const order = record.rising.map((entry) => entry.id);
    const surging = record.rising.find((entry) => entry.id === feed.surgingId)!;
    const stillTop = record.rising.find((entry) => entry.id === feed.stillTopId);
    expect(surging.gain).toBeGreaterThanOrEqual(80);
    expect(stillTop === undefined || order.indexOf(feed.surgingId) < order.indexOf(feed.stillTopId)).toBe(
      true,
    );
    expect(stillTop?.gain ?? 0).toBeLessThanOrEqual(1);
    expect(surging.spark.values).toHaveLength(DEFAULT_TRENDS_LIMITS.sparklinePoints);
    expect(surging.spark.values.at(-1)).toBe(surging.upvotes);
  });

  it('says what the figures rest on', () => {
    expect(record.basis).toMatchObject({
      today: END_DAY,
      firstDay: '2025-02-27',
      feedDays: 14,
      weekStarts: ['2025-02-27', '2025-03-06'],
    });
    // This week's oldest paper was sampled from the first refresh after it joined.
    const weekPapers = input.papers.filter((paper) => paper.dailyDate >= '2025-03-06');
    const firstJoined = Math.min(...weekPapers.map((paper) => paper.joinedAt));
    expect(record.basis.historySince).toBeGreaterThanOrEqual(firstJoined);
    expect(record.basis.historySince).toBeLessThanOrEqual(firstJoined + 2 * HOUR);
  });

  it('lists this week’s organisations by papers, then upvotes', () => {
    const keys = record.organizations.map((org) => [org.papers, org.upvotes]);
    expect(keys).toEqual([...keys].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]!));
    expect(record.organizations).toHaveLength(DEFAULT_TRENDS_LIMITS.organizations);
  });

  it('is a small record the schema accepts, the same whatever the order of its input', () => {
    expect(TrendsRecordSchema.parse(record)).toEqual(record);
    expect(JSON.stringify(record).length).toBeLessThan(40_000);
    const shuffled = { ...input, papers: [...input.papers].reverse(), history: [...input.history].reverse() };
    expect(computeTrends(shuffled)).toEqual(record);
  });
});

describe('computeTrends limits', () => {
  it('keeps every list within the limits asked for', () => {
    const { input } = refreshedFeed();
    const record = computeTrends({
      ...input,
      limits: { topics: 3, papersPerTopic: 2, organizations: 1, rising: 4 },
    });
    // Fewer topics rise than the limit here; rankTopics' own test checks the cut.
    expect(record.topics.length).toBeGreaterThan(0);
    expect(record.topics.length).toBeLessThanOrEqual(3);
    expect(record.topics.every((topic) => topic.topPaperIds.length === 2)).toBe(true);
    expect(record.organizations).toHaveLength(1);
    expect(record.rising).toHaveLength(4);
  });

  it('gives an empty record for an empty cache', () => {
    const record = computeTrends({ papers: [], days: [], history: [], now: NOW });
    expect(record).toMatchObject({
      rising: [],
      topics: [],
      organizations: [],
      basis: { firstDay: null, feedDays: 0 },
    });
    expect(TrendsRecordSchema.safeParse(record).success).toBe(true);
  });
});
