import { describe, expect, it } from 'vitest';
import type { Paper } from '@/lib/storage/records';
import type { TrendsRecord, TrendTopic } from '@/lib/trends/record';
import {
  basisSentence,
  filterToTopic,
  formatGrowth,
  isWatched,
  risingEntries,
  risingPapers,
} from '@/lib/popup/trends-view';
import { observedIndex, polylinePoints, sparkDescription, weeksDescription } from '@/lib/popup/trends-chart';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-23T10:00:00Z');

const paper = (id: string, upvotes: number): Paper => ({
  id,
  title: `Paper ${id}`,
  summary: '',
  authors: [],
  upvotes,
  numComments: 0,
  dailyDate: '2026-11-22',
  firstSeenAt: 0,
  updatedAt: 0,
});
const spark = {
  from: NOW - 10 * HOUR,
  step: HOUR,
  values: [0, 5, 5, 9, 9, 9, 20, 20, 30, 40, 57],
  observedFrom: NOW - 4 * HOUR,
};
const topic = { key: 'state space model', label: 'state space models', weekPaperIds: ['b'] } as TrendTopic;
const record = {
  basis: { feedDays: 14, historySince: NOW - 30 * HOUR },
  rising: [
    { id: 'b', gain: 40, basis: 'day', upvotes: 57, spark },
    { id: 'gone', gain: 10, basis: 'day', upvotes: 10, spark },
    { id: 'a', gain: 0, basis: 'day', upvotes: 100, spark },
  ],
  topics: [topic],
} as unknown as TrendsRecord;

describe('the popup’s reading of the trends record', () => {
  it('orders rows as the record ranks them, skipping papers no longer stored', () => {
    const rows = [paper('a', 100), undefined, paper('b', 57)];
    expect(risingPapers(record, rows).map((row) => row.id)).toEqual(['b', 'a']);
    expect(risingPapers(undefined, rows)).toEqual([]);
    expect(risingEntries(record).get('b')?.gain).toBe(40);
  });

  it('filters Trending to a topic’s papers of the week, and to nothing else', () => {
    expect(filterToTopic([paper('a', 1), paper('b', 2)], topic).map((row) => row.id)).toEqual(['b']);
    expect(filterToTopic([paper('a', 1)], undefined)).toHaveLength(1);
  });

  it('knows a watched topic in any spelling', () => {
    expect(isWatched(topic, ['State-Space Models'])).toBe(true);
    expect(isWatched(topic, ['diffusion'])).toBe(false);
  });

  it('says growth and the basis in words', () => {
    expect(formatGrowth(2.4)).toBe('+140 %');
    expect(formatGrowth(0.8)).toBe('−20 %');
    expect(formatGrowth(1)).toBe('±0 %');
    expect(basisSentence(record, NOW)).toBe(
      'Based on 14 days of Daily Papers and 30 hours of upvote history.',
    );
    expect(basisSentence({ ...record, basis: { ...record.basis, historySince: null } }, NOW)).toBe(
      'Based on 14 days of Daily Papers; no upvote history yet.',
    );
  });
});

describe('the charts', () => {
  it('draws zero at the bottom and the highest value at the top, oldest at the left', () => {
    expect(polylinePoints([0, 5, 10], { width: 22, height: 12, pad: 1 })).toBe('1,11 11,6 21,1');
    expect(polylinePoints([0, 0], { width: 10, height: 10, pad: 0 })).toBe('0,10 10,10');
  });

  it('knows where the guessed part before the first sample ends', () => {
    expect(observedIndex(spark)).toBe(6);
    expect(observedIndex({ ...spark, observedFrom: spark.from })).toBe(0);
  });

  it('has words for every chart', () => {
    expect(sparkDescription(spark, 40, 'en-GB')).toMatch(
      /^Upvotes since it joined Daily Papers \(.+\): 0 at first, 57 now \(\+40 recently\)\.$/,
    );
    expect(weeksDescription([2, 3, 9])).toBe('Papers per week, oldest first: 2, 3, 9 (this week).');
  });
});
