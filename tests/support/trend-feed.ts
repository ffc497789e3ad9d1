import { feedItem, type DailyPaperItem } from './trend-feed-item';
import { FLAT_TOPICS, GROWING_TOPIC, type FeedTopic } from './trend-feed-topics';

export type { DailyPaperItem };

/**
 * A deterministic Daily Papers feed for trend tests, unit and browser alike: `days` UTC days
 * ending at `endDay`, in Hugging Face's item shape (tests/fixtures/feed/hf-daily-2024-10-25.json),
 * weekends empty as on the real feed. Eight topics keep a steady one or two papers a weekday; the
 * growing topic has a paper every other weekday until the last seven days, then four to six a day.
 * Items of the last `keywordDays` days carry `ai_keywords`, older ones none (Hugging Face added
 * them later). Upvotes grow as the hours pass, so the feed can be read at any time `at`; one paper
 * from three days before `endDay` takes off again at `surgeAt` while the window's top paper has
 * long stopped moving.
 *
 * Browser tests serve `days` with FakeHuggingFace.serveDays (tests/e2e/support/hf-server.ts); for
 * the "Rising" check, serve the feed read at install time with a `surgeAt` after it, then the feed
 * read after the surge when "Refresh now" runs. Unit tests turn it into stored rows with
 * storedPapers (stored-papers.ts).
 */

export interface TrendFeedOptions {
  /** The last UTC day, YYYY-MM-DD. */
  endDay: string;
  /** How many days, `endDay` included (default 14). */
  days?: number;
  /** Upvotes and comments as seen at this time (ms; default 20:00 UTC on `endDay`). */
  at?: number;
  /** Days, ending at `endDay`, whose items carry AI keywords (default 8). */
  keywordDays?: number;
  /** Papers per day, as a multiple of the usual 15 or so (default 1). */
  volume?: number;
  /** Weekends without papers, as on the real feed (default true). */
  emptyWeekends?: boolean;
  /** When the surging paper takes off (ms; default 18:00 UTC the day before `endDay`). */
  surgeAt?: number;
  /** How long it takes to gain its extra upvotes (ms; default six hours). */
  surgeRampMs?: number;
  seed?: number;
}

export interface TrendFeed {
  /** Every day of the range, YYYY-MM-DD → its items ranked by upvotes (empty on weekends). */
  days: Record<string, DailyPaperItem[]>;
  growingTopic: string;
  flatTopics: string[];
  /** A paper from about three days before `endDay` whose upvotes jump from `surgeAt` on. */
  surgingId: string;
  surgeAt: number;
  /** The window's most upvoted paper, which stopped gaining days ago. */
  stillTopId: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** What the surging paper gains, on top of its 20. */
export const SURGE_UPVOTES = 90;

/** Mulberry32: a tiny seeded generator, so every run makes the same feed. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);
const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

interface Planned {
  topic: FeedTopic;
  day: string;
  joinedAt: number;
  finalUpvotes: number;
  /** Hours for the upvotes to reach two thirds of their final count. */
  riseHours: number;
}

interface Surge {
  id: string;
  at: number;
  rampMs: number;
}

function upvotesAt(plan: Planned, at: number, surge: Surge, id: string) {
  const hours = Math.max(0, (at - plan.joinedAt) / HOUR);
  let upvotes = Math.round(plan.finalUpvotes * (1 - Math.exp(-hours / plan.riseHours)));
  if (surge.id === id && at > surge.at)
    upvotes += Math.round(SURGE_UPVOTES * Math.min(1, (at - surge.at) / surge.rampMs));
  return upvotes;
}

export function trendFeed(options: TrendFeedOptions): TrendFeed {
  const {
    endDay,
    days: dayCount = 14,
    keywordDays = 8,
    seed = 2025,
    volume = 1,
    emptyWeekends = true,
  } = options;
  const end = Date.parse(`${endDay}T00:00:00Z`);
  const at = options.at ?? end + 20 * HOUR;
  const random = seededRandom(seed);

  const plans: Planned[] = [];
  for (let back = dayCount - 1; back >= 0; back--) {
    const day = dayOf(end - back * DAY);
    if (emptyWeekends && isWeekend(day)) continue;
    const topics: FeedTopic[] = [];
    for (let round = 0; round < volume; round++) {
      const growingCount = back < 7 ? 4 + Math.floor(random() * 3) : random() < 0.5 ? 1 : 0;
      for (const topic of FLAT_TOPICS) topics.push(...(random() < 0.5 ? [topic, topic] : [topic]));
      for (let i = 0; i < growingCount; i++) topics.push(GROWING_TOPIC);
    }
    for (const topic of topics) {
      plans.push({
        topic,
        day,
        joinedAt: Date.parse(`${day}T00:00:00Z`) + Math.floor(random() * 14 * HOUR),
        // Heavy-tailed like the real feed: most papers get a handful, a few get hundreds.
        finalUpvotes: Math.round(Math.exp(1.5 + random() * 2.5 + (random() < 0.05 ? 1.5 : 0))),
        riseHours: 6 + random() * 30,
      });
    }
  }

  // The top paper: the first of the last weekday five or more days before the end, long since
  // settled; the surging one is the last of the last weekday three or more days before it, so
  // the two differ even when both land on one Friday.
  const stillTopDay = plans.findLast((plan) => plan.day <= dayOf(end - 5 * DAY))!.day;
  const stillTop = plans.find((plan) => plan.day === stillTopDay)!;
  stillTop.finalUpvotes = 400;
  stillTop.riseHours = 8;
  const surgingBefore = dayOf(end - 3 * DAY);
  const surging = plans.findLast((plan) => plan.day <= surgingBefore)!;
  surging.finalUpvotes = 20;
  surging.riseHours = 10;

  const ids = new Map<Planned, string>();
  const counters = new Map<string, number>();
  for (const plan of plans) {
    const yymm = plan.day.slice(2, 4) + plan.day.slice(5, 7);
    const count = (counters.get(yymm) ?? 0) + 1;
    counters.set(yymm, count);
    ids.set(plan, `${yymm}.${String(10_000 + count * 7).padStart(5, '0')}`);
  }
  const surgeAt = options.surgeAt ?? end - 6 * HOUR;
  const surge: Surge = { id: ids.get(surging)!, at: surgeAt, rampMs: options.surgeRampMs ?? 6 * HOUR };

  const days: Record<string, DailyPaperItem[]> = {};
  for (let back = dayCount - 1; back >= 0; back--) days[dayOf(end - back * DAY)] = [];
  const keywordsFrom = dayOf(end - (keywordDays - 1) * DAY);
  for (const plan of plans) {
    const id = ids.get(plan)!;
    const item = feedItem(
      {
        id,
        topic: plan.topic,
        joinedAt: plan.joinedAt,
        upvotes: upvotesAt(plan, at, surge, id),
        keywords: plan.day >= keywordsFrom,
      },
      random,
    );
    // Drawn whether shown or not, so that the same seed gives the same papers at any `at`.
    if (plan.joinedAt <= at) days[plan.day]!.push(item);
  }
  for (const items of Object.values(days)) items.sort((a, b) => b.paper.upvotes - a.paper.upvotes);
  return {
    days,
    growingTopic: GROWING_TOPIC.name,
    flatTopics: FLAT_TOPICS.map((topic) => topic.name),
    surgingId: surge.id,
    surgeAt,
    stillTopId: ids.get(stillTop)!,
  };
}
