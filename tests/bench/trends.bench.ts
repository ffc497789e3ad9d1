import { bench, describe } from 'vitest';
import { appendSample } from '../../lib/trends/history';
import type { PaperHistory } from '../../lib/trends/history-codec';
import { computeTrends, type TrendsInput } from '../../lib/trends/summary';
import { storedPapers } from '../support/stored-papers';
import { trendFeed, type TrendFeedOptions } from '../support/trend-feed';
import daily from '../fixtures/feed/hf-daily-2024-10-25.json';
import seed from '../fixtures/feed/seed-listing.json';

/**
 * Speed of the trend figures over a 90-day cache, with hourly upvote history for the last seven
 * days' papers: at the size the issue names (about 100 papers every day) and at the real feed's
 * (about 50 a weekday, none at weekends). The generated abstracts are padded with sentences of
 * real ones to real length (about 1,400 characters), since reading them is most of the work.
 * Run with `npx vitest bench --run tests/bench/trends.bench.ts`.
 */

const HOUR = 3_600_000;
const END_DAY = '2025-03-12';
const NOW = Date.parse(`${END_DAY}T21:00:00Z`);
const realSentences = [...seed, ...daily].flatMap((item) =>
  item.paper.summary.replace(/\s+/g, ' ').split(/(?<=\.) /),
);

function cache(options: Omit<TrendFeedOptions, 'endDay'>): TrendsInput {
  const feed = trendFeed({ ...options, endDay: END_DAY, days: 90 });
  const papers = storedPapers(feed).map((paper, index) => {
    const padding = Array.from(
      { length: 7 },
      (_, k) => realSentences[(index * 7 + k * 13) % realSentences.length],
    );
    return { ...paper, summary: `${paper.summary} ${padding.join(' ')}` };
  });
  const history = papers
    .filter((paper) => paper.dailyDate >= '2025-03-06')
    .map((paper) => {
      let row: PaperHistory | undefined;
      for (let at = paper.joinedAt; at <= NOW; at += HOUR) {
        const share = Math.min(1, (at - paper.joinedAt) / (NOW - paper.joinedAt + 1));
        const upvotes = Math.round(paper.upvotes * share);
        row = appendSample(row, { id: paper.id, joinedAt: paper.joinedAt, at, upvotes, comments: 0 });
      }
      return row!;
    });
  return { papers, days: Object.keys(feed.days).map((date) => ({ date })), history, now: NOW };
}

const issueSize = cache({ volume: 8, emptyWeekends: false });
const realSize = cache({ volume: 3 });

describe('trend figures over 90 days', () => {
  bench(`computeTrends, ${issueSize.papers.length} papers (the issue's 100 a day)`, () => {
    computeTrends(issueSize);
  });

  bench(`computeTrends, ${realSize.papers.length} papers (the real feed's volume)`, () => {
    computeTrends(realSize);
  });
});
