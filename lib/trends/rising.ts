import { addDays, DAY_MS, dayStart, utcDay } from './days';
import { decodeSamples, valueAt, type HistorySample, type PaperHistory } from './history-codec';

/**
 * "Rising": the papers of the last seven days, ranked by upvotes gained in the last 24 hours, so
 * that a paper from three days ago that is taking off comes before a top paper that stays still.
 *
 * The gain, by what is known:
 * - "young": the paper joined Daily Papers less than 24 hours ago, so every upvote it has came in
 *   the window (it had none before it was listed);
 * - "day": history reaches back 24 hours: now minus the (interpolated) count 24 hours ago;
 * - "partial": history starts inside the window (right after install, or a paper first fetched
 *   late): the gain since the first sample, the most that can honestly be said;
 * - "none": no history at all: no gain.
 * Ties go to more upvotes, then to the id, so the order is the same on every run.
 */

export const RISING_WINDOW_DAYS = 7;

/** A paper row (lib/records.ts) has this shape; `joinedAt` is when it joined Daily Papers. */
export interface RisingPaper {
  id: string;
  upvotes: number;
  /** UTC day it is listed on. */
  dailyDate: string;
  /** When it joined Daily Papers (ms); without it, the start of its day, which makes it look older. */
  joinedAt?: number;
}

export type GainBasis = 'young' | 'day' | 'partial' | 'none';

export interface RisingEntry {
  id: string;
  /** Upvotes gained in the last 24 hours (or since history began, for "partial"). */
  gain: number;
  basis: GainBasis;
  upvotes: number;
}

export function joinedAtOf(paper: Pick<RisingPaper, 'dailyDate' | 'joinedAt'>): number {
  return paper.joinedAt ?? dayStart(paper.dailyDate);
}

export function upvoteGain(
  paper: RisingPaper,
  samples: readonly HistorySample[],
  now: number,
): Pick<RisingEntry, 'gain' | 'basis'> {
  const since = now - DAY_MS;
  const first = samples[0];
  let basis: GainBasis;
  let before: number;
  if (joinedAtOf(paper) >= since) [basis, before] = ['young', 0];
  else if (!first) [basis, before] = ['none', paper.upvotes];
  else if (first.at <= since) [basis, before] = ['day', valueAt(samples, since)!.upvotes];
  else [basis, before] = ['partial', first.upvotes];
  // Upvotes can be withdrawn; a paper losing votes is not rising, and not "negatively" so either.
  return { gain: Math.max(0, Math.round(paper.upvotes - before)), basis };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byRising(a: RisingEntry, b: RisingEntry): number {
  return b.gain - a.gain || b.upvotes - a.upvotes || compareIds(a.id, b.id);
}

/** Whether a paper is one of the last seven days' (`today` and the six before). */
export function risingWindow(now: number): (paper: Pick<RisingPaper, 'dailyDate'>) => boolean {
  const today = utcDay(now);
  const first = addDays(today, 1 - RISING_WINDOW_DAYS);
  return (paper) => paper.dailyDate <= today && paper.dailyDate >= first;
}

/** Every paper of the last seven days, most rising first. */
export function risingOrder(
  papers: readonly RisingPaper[],
  histories: ReadonlyMap<string, PaperHistory>,
  now: number,
): RisingEntry[] {
  return papers
    .filter(risingWindow(now))
    .map((paper) => {
      const history = histories.get(paper.id);
      const samples = history ? decodeSamples(history) : [];
      return { id: paper.id, upvotes: paper.upvotes, ...upvoteGain(paper, samples, now) };
    })
    .sort(byRising);
}
