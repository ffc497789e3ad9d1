import { bench, describe } from 'vitest';
import { appendSample } from '../../lib/trends/history';
import type { PaperHistory } from '../../lib/trends/history-codec';
import { computeTrends } from '../../lib/trends/summary';
import { storedPapers } from '../support/stored-papers';
import { trendFeed } from '../support/trend-feed';
import daily from '../fixtures/feed/hf-daily-2024-10-25.json';
import seed from '../fixtures/feed/seed-listing.json';

/**
 * Speed of the trend figures at the size the issue names: 90 days of about 100 papers a day
 * (the real feed lists 20 to 60 on weekdays), with a week of hourly upvote history for the last
 * seven days' papers. The generated abstracts are padded with sentences of real ones to the
 * length of real ones (about 1,300 characters), since reading them is most of the work.
 * Run with `npx vitest bench --run tests/bench/trends.bench.ts`.
 */

const HOUR = 3_600_000;
const END_DAY = '2025-03-12';
const feed = trendFeed({ endDay: END_DAY, days: 90, volume: 7, emptyWeekends: false });
const realSentences = [...seed, ...daily].flatMap((item) =>
  item.paper.summary.replace(/\s+/g, ' ').split(/(?<=\.) /),
);
const papers = storedPapers(feed).map((paper, index) => {
  const padding = Array.from(
    { length: 7 },
    (_, k) => realSentences[(index * 7 + k * 13) % realSentences.length],
  );
  return { ...paper, summary: `${paper.summary} ${padding.join(' ')}` };
});
const now = Date.parse(`${END_DAY}T21:00:00Z`);
const days = Object.keys(feed.days).map((date) => ({ date }));

const history: PaperHistory[] = papers
  .filter((paper) => paper.dailyDate >= '2025-03-06')
  .map((paper) => {
    let row: PaperHistory | undefined;
    for (let at = paper.joinedAt; at <= now; at += HOUR) {
      const share = Math.min(1, (at - paper.joinedAt) / (now - paper.joinedAt + 1));
      const sample = {
        id: paper.id,
        joinedAt: paper.joinedAt,
        at,
        upvotes: Math.round(paper.upvotes * share),
        comments: 0,
      };
      row = appendSample(row, sample);
    }
    return row!;
  });

describe(`trend figures, ${papers.length} papers over 90 days, ${history.length} histories`, () => {
  bench('computeTrends', () => {
    computeTrends({ papers, days, history, now });
  });
});
