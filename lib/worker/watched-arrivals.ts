import type { Paper } from '../storage/records';
import type { TopicMatcher } from '../topics/matcher';

/**
 * Which papers a watched-topic notification is about. Pure: notify-watched.ts reads the database
 * and the settings, and shows what this decides.
 *
 * "Newly arrived" is decided from what is stored, never from what one run did: every paper whose
 * `firstSeenAt` is after the watermark (`consideredUpTo`, the newest `firstSeenAt` already
 * considered) has not been looked at yet, whichever run stored it, so a worker stopped between
 * storing a day and notifying catches up on its next run. The ids already notified are a second
 * guard, so that no paper is announced twice even when the watermark cannot be trusted.
 */

export interface Arrival {
  paper: Paper;
  /** The watched topics it matches, as the user typed them. */
  topics: string[];
}

/**
 * The first `firstSeenAt` not yet considered. Normally just after the watermark; when the clock was
 * set back below it, this run's papers (stamped from `runStartedAt` on) would otherwise all look
 * old, so the window opens at the run's start instead (the id guard keeps it from repeating).
 */
export function arrivalWindowStart(consideredUpTo: number, runStartedAt: number): number {
  return Math.min(consideredUpTo + 1, runStartedAt);
}

/** The new watermark once `arrived` (the papers in the window) have been considered. */
export function nextWatermark(consideredUpTo: number, arrived: readonly Paper[]): number {
  return arrived.reduce((newest, paper) => Math.max(newest, paper.firstSeenAt), consideredUpTo);
}

/** The arrived papers that match a watched topic and were never notified, most upvoted first. */
export function watchedArrivals(
  arrived: readonly Paper[],
  notified: ReadonlySet<string>,
  matcher: TopicMatcher,
): Arrival[] {
  return arrived
    .filter((paper) => !notified.has(paper.id))
    .map((paper) => ({ paper, topics: matcher.match(paper) }))
    .filter((arrival) => arrival.topics.length > 0)
    .sort((a, b) => b.paper.upvotes - a.paper.upvotes || a.paper.id.localeCompare(b.paper.id));
}
