import {
  decodeSamples,
  encodeSamples,
  MAX_SAMPLES_PER_PAPER,
  toWholeMinute,
  type HistorySample,
  type PaperHistory,
} from './history-codec';

/**
 * Upvote history: each refresh records the numbers it fetched, and this decides what is kept so
 * that a row never grows without bound:
 * - one sample per hour during a paper's first week on Daily Papers (when votes come in and
 *   "Rising" looks at it), one per UTC day after; a newer reading in the same hour or day replaces
 *   the older one, so the latest numbers are always kept (the first sample excepted: it stays);
 * - a run of unchanged numbers keeps only its first and its last sample: linear interpolation
 *   between them is then exact, and the last one dates the moment the numbers moved again (so it
 *   stays even when the next reading falls in its hour: an hour holds at most two samples);
 * - past `maxSamples` (a paper kept for a year), the sample whose loss bends the curve least goes.
 * Rows go with their paper: `historyIdsToPrune` after the feed is pruned.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface HistoryPolicy {
  /** How long after joining Daily Papers a paper is sampled finely. */
  fineForMs: number;
  fineStepMs: number;
  coarseStepMs: number;
  /** At least 3 (the first, one in between, the latest); at most MAX_SAMPLES_PER_PAPER. */
  maxSamples: number;
}

export const DEFAULT_HISTORY_POLICY: HistoryPolicy = {
  fineForMs: 7 * DAY,
  fineStepMs: HOUR,
  coarseStepMs: DAY,
  maxSamples: MAX_SAMPLES_PER_PAPER,
};

/** One reading of a paper's numbers, at the time it was fetched. */
export interface PaperSample {
  id: string;
  joinedAt: number;
  at: number;
  upvotes: number;
  comments: number;
}

function bucketOf(at: number, joinedAt: number, policy: HistoryPolicy): string {
  const step = at - joinedAt < policy.fineForMs ? policy.fineStepMs : policy.coarseStepMs;
  return `${step}:${Math.floor(at / step)}`;
}

const sameNumbers = (a: HistorySample, b: HistorySample) =>
  a.upvotes === b.upvotes && a.comments === b.comments;

/** How far the curve moves if sample `index` is dropped (upvotes and comments alike). */
function thinningCost(samples: readonly HistorySample[], index: number): number {
  const before = samples[index - 1]!;
  const sample = samples[index]!;
  const after = samples[index + 1]!;
  const fraction = (sample.at - before.at) / (after.at - before.at || 1);
  const upvotes = before.upvotes + (after.upvotes - before.upvotes) * fraction;
  const comments = before.comments + (after.comments - before.comments) * fraction;
  return Math.abs(sample.upvotes - upvotes) + Math.abs(sample.comments - comments);
}

/** Drops interior samples, cheapest first (the oldest on a tie), until `maxSamples` are left. */
function thin(samples: HistorySample[], maxSamples: number): void {
  const limit = Math.max(3, Math.min(maxSamples, MAX_SAMPLES_PER_PAPER));
  while (samples.length > limit) {
    let cheapest = 1;
    let cheapestCost = Infinity;
    for (let index = 1; index < samples.length - 1; index++) {
      const cost = thinningCost(samples, index);
      if (cost < cheapestCost) {
        cheapest = index;
        cheapestCost = cost;
      }
    }
    samples.splice(cheapest, 1);
  }
}

/**
 * The history with one more reading. Returns `history` itself when nothing changes (a reading
 * older than the latest kept one: history only moves forward), so callers can skip the write.
 */
export function appendSample(
  history: PaperHistory | undefined,
  sample: PaperSample,
  policy: HistoryPolicy = DEFAULT_HISTORY_POLICY,
): PaperHistory {
  const next: HistorySample = {
    at: toWholeMinute(sample.at),
    upvotes: sample.upvotes,
    comments: sample.comments,
  };
  if (!history) return encodeSamples(sample.id, sample.joinedAt, [next]);
  const samples = decodeSamples(history);
  const last = samples.at(-1)!;
  const previous = samples.at(-2);
  if (next.at < last.at) return history;
  const endsFlatRun = previous !== undefined && sameNumbers(previous, last);
  const sameBucket =
    next.at === last.at ||
    bucketOf(next.at, sample.joinedAt, policy) === bucketOf(last.at, sample.joinedAt, policy);
  // The first sample is never replaced: it is where the history begins, the baseline of a gain
  // measured since then ("partial" in rising.ts). Replacing it with a reading minutes later (the
  // install's follow-up run, "Refresh now") would erase the very change the next reading shows.
  const replacesLast =
    samples.length > 1 &&
    (sameNumbers(last, next)
      ? endsFlatRun || sameBucket
      : // The end of a flat run dates the change that follows it: it stays even within the hour.
        sameBucket && !(endsFlatRun && next.at > last.at));
  if (replacesLast) samples[samples.length - 1] = next;
  else samples.push(next);
  thin(samples, policy.maxSamples);
  return encodeSamples(sample.id, sample.joinedAt, samples);
}

/** A paper as a refresh fetched it: the numbers and when it joined Daily Papers. */
export interface FetchedPaper {
  id: string;
  upvotes: number;
  numComments: number;
  joinedAt: number;
}

/**
 * The rows to write after a refresh fetched `papers` at `at`: only the papers actually fetched,
 * since writing a stale count with a fresh time would flatten the curve and then fake a jump.
 */
export function recordSamples(
  existing: ReadonlyMap<string, PaperHistory>,
  papers: readonly FetchedPaper[],
  at: number,
  policy: HistoryPolicy = DEFAULT_HISTORY_POLICY,
): PaperHistory[] {
  const changed: PaperHistory[] = [];
  for (const paper of papers) {
    const before = existing.get(paper.id);
    const after = appendSample(
      before,
      { id: paper.id, joinedAt: paper.joinedAt, at, upvotes: paper.upvotes, comments: paper.numComments },
      policy,
    );
    if (after !== before) changed.push(after);
  }
  return changed;
}

/** History rows whose paper the feed no longer keeps. */
export function historyIdsToPrune(historyIds: Iterable<string>, keptPaperIds: ReadonlySet<string>): string[] {
  return [...historyIds].filter((id) => !keptPaperIds.has(id));
}
