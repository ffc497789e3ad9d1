import { z } from '../zod';

/**
 * The trend figures as the worker stores them after each refresh and the popup reads them, offline
 * too: one small record, bounded in every list, so that reading it costs nothing next to the
 * Trending list's first paint.
 */

export const TRENDS_RECORD_VERSION = 1;
/** The analysis window: thirteen weeks cover the default 90-day feed and bound the work. */
export const MAX_WEEKS = 13;

export const MAX_TREND_TOPICS = 50;
export const MAX_TOPIC_TOP_PAPERS = 10;
/** The topic's papers this week, for filtering Trending to it (a week rarely lists 200 in all). */
export const MAX_TOPIC_WEEK_PAPERS = 200;
export const MAX_ORGANIZATIONS = 25;
export const MAX_RISING = 1000;
export const MAX_SPARKLINE_POINTS = 48;

export interface TrendsLimits {
  topics: number;
  papersPerTopic: number;
  organizations: number;
  rising: number;
  sparklinePoints: number;
}

export const DEFAULT_TRENDS_LIMITS: TrendsLimits = {
  topics: 20,
  papersPerTopic: 5,
  organizations: 10,
  rising: 50,
  sparklinePoints: 24,
};

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Count = z.number().int().nonnegative();
const PaperId = z.string().min(1).max(100);
const Time = z.number().int().nonnegative();

const SparklineSchema = z.object({
  from: Time,
  step: z.number().nonnegative(),
  values: z.array(Count).min(2).max(MAX_SPARKLINE_POINTS),
  observedFrom: Time,
});

const RisingEntrySchema = z.object({
  id: PaperId,
  gain: Count,
  basis: z.enum(['young', 'day', 'partial', 'none']),
  upvotes: z.number().int(),
  spark: SparklineSchema,
});

const PeriodSchema = z.object({ papers: Count, upvotes: Count });

const TrendTopicSchema = z.object({
  /** `normalizeTopic` form: the same as a watched topic's. */
  key: z.string().min(1).max(300),
  label: z.string().min(1).max(300),
  /** Acronyms for it ("SSM"): with the label, what `compileTopics` needs to find its papers. */
  aliases: z.array(z.string().max(300)).max(3),
  /** Narrower topics folded into it because they share nearly all its papers ("mamba"). */
  related: z.array(z.string().max(300)).max(3),
  /** Oldest week first, aligned with `basis.weekStarts`. */
  papersPerWeek: z.array(Count).max(MAX_WEEKS),
  thisWeek: PeriodSchema,
  before: PeriodSchema,
  paperShare: z.number().nonnegative(),
  upvoteShare: z.number().nonnegative(),
  /** Above zero: grew by more than noise explains (growth.ts). Null: nothing earlier to compare. */
  score: z.number().nullable(),
  topPaperIds: z.array(PaperId).max(MAX_TOPIC_TOP_PAPERS),
  weekPaperIds: z.array(PaperId).max(MAX_TOPIC_WEEK_PAPERS),
});

export const TrendsRecordSchema = z.object({
  version: z.literal(TRENDS_RECORD_VERSION),
  computedAt: Time,
  basis: z.object({
    /** The UTC day "this week" ends on. */
    today: Day,
    /** The oldest day the figures rest on, null without any. */
    firstDay: Day.nullable(),
    /** Days of feed fetched in the window (empty weekends included). */
    feedDays: Count,
    /** First day of each week, oldest first; the last is this week (`today` and the six before). */
    weekStarts: z.array(Day).max(MAX_WEEKS),
    /** The oldest upvote sample of this week's papers: how far back "Rising" can see. */
    historySince: Time.nullable(),
  }),
  rising: z.array(RisingEntrySchema).max(MAX_RISING),
  topics: z.array(TrendTopicSchema).max(MAX_TREND_TOPICS),
  organizations: z
    .array(z.object({ name: z.string().min(1).max(300), papers: Count, upvotes: Count }))
    .max(MAX_ORGANIZATIONS),
});
export type TrendsRecord = z.infer<typeof TrendsRecordSchema>;
export type TrendTopic = z.infer<typeof TrendTopicSchema>;
export type RisingRecordEntry = z.infer<typeof RisingEntrySchema>;

/** Limits as asked, clamped to what the schema allows. */
export function clampLimits(limits: Partial<TrendsLimits> = {}): TrendsLimits {
  const pick = (name: keyof TrendsLimits, max: number, min = 0) =>
    Math.min(max, Math.max(min, Math.floor(limits[name] ?? DEFAULT_TRENDS_LIMITS[name])));
  return {
    topics: pick('topics', MAX_TREND_TOPICS),
    papersPerTopic: pick('papersPerTopic', MAX_TOPIC_TOP_PAPERS),
    organizations: pick('organizations', MAX_ORGANIZATIONS),
    rising: pick('rising', MAX_RISING),
    sparklinePoints: pick('sparklinePoints', MAX_SPARKLINE_POINTS, 2),
  };
}
