import { addDays, daysBetween, utcDay } from './days';
import type { PaperHistory } from './history-codec';
import { activeOrganizations, type OrganizationPaper } from './organizations';
import { clampLimits, MAX_TOPIC_WEEK_PAPERS, MAX_WEEKS, TRENDS_RECORD_VERSION } from './record';
import type { TrendsLimits, TrendsRecord } from './record';
import { risingOrder, risingWindow, type RisingPaper } from './rising';
import { sparkline } from './sparkline';
import { rankTopics, type WindowPaper } from './topic-ranking';
import { extractTopics, type TopicSourcePaper } from './topics';

/**
 * Everything the Trends tab and the "Rising" order show, computed in one pass over the cached feed
 * after a refresh. A paper row (lib/records.ts) fits `TrendsPaper`; `joinedAt` (when it joined
 * Daily Papers) sharpens "Rising" for papers of the last two days when the row has it.
 */

export interface TrendsPaper extends RisingPaper, TopicSourcePaper, OrganizationPaper {}

export interface TrendsInput {
  papers: readonly TrendsPaper[];
  /** The feed days stored (their dates), empty days included: what the figures rest on. */
  days: readonly { date: string }[];
  /** Upvote history rows; those of this week's papers are enough. */
  history: readonly PaperHistory[];
  now: number;
  limits?: Partial<TrendsLimits>;
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

export function computeTrends({ papers, days, history, now, limits: asked }: TrendsInput): TrendsRecord {
  const limits = clampLimits(asked);
  const today = utcDay(now);
  const windowStart = addDays(today, 1 - 7 * MAX_WEEKS);
  const inWindow = (day: string) => day >= windowStart && day <= today;
  const windowPapers = papers.filter((paper) => inWindow(paper.dailyDate));
  const feedDays = new Set(days.map((day) => day.date).filter(inWindow));
  const firstDay = [...feedDays, ...windowPapers.map((paper) => paper.dailyDate)].sort()[0] ?? null;
  const weeks = firstDay ? Math.floor(daysBetween(firstDay, today) / 7) + 1 : 1;
  const weekStarts = Array.from({ length: weeks }, (_, index) =>
    addDays(today, -7 * (weeks - 1 - index) - 6),
  );

  const weekOf = new Map<string, number>();
  const located: WindowPaper[] = windowPapers.map((paper) => {
    let week = weekOf.get(paper.dailyDate);
    if (week === undefined)
      weekOf.set(paper.dailyDate, (week = Math.floor(daysBetween(paper.dailyDate, today) / 7)));
    return { id: paper.id, upvotes: paper.upvotes, week };
  });
  const ranked = rankTopics(extractTopics(windowPapers), located, weeks, limits.topics);
  const topics = ranked.map((topic) => {
    const ids = topic.papers.map((index) => located[index]!);
    return {
      key: topic.key,
      label: topic.label,
      aliases: topic.aliases,
      related: topic.related,
      papersPerWeek: topic.papersPerWeek,
      thisWeek: { papers: topic.thisWeek.papers, upvotes: topic.thisWeek.upvotes },
      before: { papers: topic.before.papers, upvotes: topic.before.upvotes },
      paperShare: round(topic.growth.paperShare),
      upvoteShare: round(topic.growth.upvoteShare),
      score: topic.growth.score === null ? null : round(topic.growth.score),
      topPaperIds: ids.slice(0, limits.papersPerTopic).map((paper) => paper.id),
      weekPaperIds: ids
        .filter((paper) => paper.week === 0)
        .slice(0, MAX_TOPIC_WEEK_PAPERS)
        .map((paper) => paper.id),
    };
  });

  const histories = new Map(history.map((row) => [row.id, row]));
  const byId = new Map(windowPapers.map((paper) => [paper.id, paper]));
  const rising = risingOrder(windowPapers, histories, now)
    .slice(0, limits.rising)
    .map((entry) => ({
      ...entry,
      spark: sparkline(byId.get(entry.id)!, histories.get(entry.id), now, limits.sparklinePoints),
    }));
  const thisWeek = windowPapers.filter(risingWindow(now));
  const sampleStarts = thisWeek.flatMap((paper) => histories.get(paper.id)?.t0 ?? []);

  return {
    version: TRENDS_RECORD_VERSION,
    computedAt: Math.floor(now),
    basis: {
      today,
      firstDay,
      feedDays: feedDays.size,
      weekStarts,
      historySince: sampleStarts.length ? Math.min(...sampleStarts) : null,
    },
    rising,
    topics,
    organizations: activeOrganizations(thisWeek, limits.organizations),
  };
}
