import type { Paper } from '../storage/records';
import type { RisingRecordEntry, TrendsRecord, TrendTopic } from '../trends/record';
import { normalizeTopic } from '../topics/normalize';
import { t, tp } from '../i18n';

/**
 * What the popup makes of the stored trends record (lib/trends/record.ts): the Rising order, the
 * rows' sparklines, the topic filter and the words that say what the figures rest on. Pure: the
 * record and the rows come in, nothing is read here.
 */

/** Trending's order: by upvotes ("Top") or by upvotes gained in the last 24 hours ("Rising"). */
export type TrendingOrder = 'top' | 'rising';

/** Each paper's Rising entry (its gain and sparkline), for this week's papers: the ones the record charts. */
export function risingEntries(record: TrendsRecord | undefined): ReadonlyMap<string, RisingRecordEntry> {
  return new Map(record?.rising.map((entry) => [entry.id, entry]) ?? []);
}

/** The record's Rising order over the rows read for it; rows gone since it was computed are skipped. */
export function risingPapers(
  record: TrendsRecord | undefined,
  rows: readonly (Paper | undefined)[],
): Paper[] {
  if (!record) return [];
  const byId = new Map(rows.flatMap((row) => (row ? [[row.id, row] as const] : [])));
  return record.rising.flatMap((entry) => byId.get(entry.id) ?? []);
}

export function findTopic(record: TrendsRecord | undefined, key: string | null): TrendTopic | undefined {
  return key === null ? undefined : record?.topics.find((topic) => topic.key === key);
}

/** Trending filtered to a topic: its papers of this week, in the order given. */
export function filterToTopic(papers: readonly Paper[], topic: TrendTopic | undefined): Paper[] {
  if (!topic) return [...papers];
  const ids = new Set(topic.weekPaperIds);
  return papers.filter((paper) => ids.has(paper.id));
}

/** Is the topic one of the watched ones (compared in normalised form, as the options page does)? */
export function isWatched(topic: Pick<TrendTopic, 'key'>, watched: readonly string[]): boolean {
  return watched.some((watchedTopic) => normalizeTopic(watchedTopic) === topic.key);
}

/** "+140 %" for a share ratio of 2.4, "−20 %" for 0.8, "±0 %" for 1. */
export function formatGrowth(ratio: number): string {
  const percent = Math.round((ratio - 1) * 100);
  if (percent === 0) return '±0 %';
  return `${percent > 0 ? '+' : '−'}${Math.abs(percent)} %`;
}

/** The days of feed and of upvote history the figures rest on, in words. */
export function basisSentence(record: TrendsRecord, now: number): string {
  const { feedDays, historySince } = record.basis;
  const days = tp('trendsFeedDays', feedDays);
  if (historySince === null) return t('trendsBasisNoHistory', days);
  const hours = Math.max(0, Math.floor((now - historySince) / 3_600_000));
  const history =
    hours < 48 ? tp('trendsHistoryHours', hours) : tp('trendsHistoryDays', Math.floor(hours / 24));
  return t('trendsBasis', days, history);
}
