import { addDays, utcDay, type DayString } from '../dates';
import type { Paper } from '../storage/records';
import { compileTopics } from '../topics/matcher';

/**
 * The weekly digest (issue 10): the week's top papers overall and in each watched topic, decided
 * from the cache alone. The worker uses it for the notification, the digest page to draw it.
 */

export const WEEK_MS = 7 * 86_400_000;
/** Papers listed under "Top papers this week". */
export const DIGEST_TOP = 10;
/** Papers listed under each watched topic. */
export const DIGEST_PER_TOPIC = 5;

export interface DigestTopic {
  topic: string;
  /** Its best papers of the week, most upvoted first (at most DIGEST_PER_TOPIC). */
  papers: Paper[];
  /** How many of the week's papers match it. */
  total: number;
}

export interface Digest {
  /** The seven Daily Papers days (UTC) covered, `from` to `to` inclusive. */
  from: DayString;
  to: DayString;
  /** How many papers were listed in the week. */
  paperCount: number;
  top: Paper[];
  /** One entry per watched topic, in the order the user listed them, empty topics included. */
  topics: DigestTopic[];
}

const byUpvotes = (a: Paper, b: Paper) => b.upvotes - a.upvotes || a.id.localeCompare(b.id);

/** The digest of the seven Daily Papers days ending today (UTC). */
export function digestOf(papers: readonly Paper[], topics: readonly string[], now: number): Digest {
  const to = utcDay(now);
  const from = addDays(to, -6);
  const week = papers.filter((paper) => paper.dailyDate >= from && paper.dailyDate <= to).sort(byUpvotes);
  const matcher = compileTopics(topics);
  const perTopic = new Map<string, Paper[]>(matcher.topics.map((topic) => [topic, []]));
  for (const paper of week) for (const topic of matcher.match(paper)) perTopic.get(topic)?.push(paper);
  return {
    from,
    to,
    paperCount: week.length,
    top: week.slice(0, DIGEST_TOP),
    topics: [...perTopic].map(([topic, matching]) => ({
      topic,
      papers: matching.slice(0, DIGEST_PER_TOPIC),
      total: matching.length,
    })),
  };
}

/**
 * Is a digest due? `lastAt` is when the last one was shown or the digest was switched on (0: not
 * switched on yet, so nothing is due until it is). A clock set back before `lastAt` is not a week.
 */
export function isDigestDue(lastAt: number, now: number): boolean {
  return lastAt > 0 && now - lastAt >= WEEK_MS;
}
