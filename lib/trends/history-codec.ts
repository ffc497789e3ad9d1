import { z } from '../zod';

/**
 * How one paper's upvote history is stored: one row per paper, its samples packed as whole-minute
 * deltas. Each triple is (minutes, upvotes, comments) counted from the previous sample, and the
 * first from (`t0`, 0, 0), so the first triple is (0, upvotes, comments). Small integers keep the
 * row small in IndexedDB's structured clone, and deltas keep them small.
 */

/** Worst case for 90 days kept: hourly for a week (168), daily after (83); thinned beyond it. */
export const MAX_SAMPLES_PER_PAPER = 256;
const MINUTE = 60_000;

export interface HistorySample {
  /** Milliseconds since the epoch, a whole minute. */
  at: number;
  upvotes: number;
  comments: number;
}

export const PaperHistorySchema = z.object({
  id: z.string().min(1),
  /** When the paper joined Daily Papers (ms): its first week is sampled hourly. */
  joinedAt: z.number().int().nonnegative(),
  /** When the first sample was taken (ms, a whole minute). */
  t0: z.number().int().nonnegative().multipleOf(MINUTE),
  samples: z
    .array(z.number().int())
    .min(3)
    .max(MAX_SAMPLES_PER_PAPER * 3)
    .refine((packed) => packed.length % 3 === 0, 'not whole (minutes, upvotes, comments) triples')
    .refine((packed) => packed[0] === 0, 'the first sample is not at t0')
    .refine((packed) => packed.every((value, index) => index % 3 !== 0 || value >= 0), 'time goes back'),
});
export type PaperHistory = z.infer<typeof PaperHistorySchema>;

export function decodeSamples(history: PaperHistory): HistorySample[] {
  const samples: HistorySample[] = [];
  const { samples: packed } = history;
  let minutes = history.t0 / MINUTE;
  let upvotes = 0;
  let comments = 0;
  for (let index = 0; index + 2 < packed.length; index += 3) {
    minutes += packed[index]!;
    upvotes += packed[index + 1]!;
    comments += packed[index + 2]!;
    samples.push({ at: minutes * MINUTE, upvotes, comments });
  }
  return samples;
}

/** Packs samples that are in time order, whole minutes and at least one. */
export function encodeSamples(id: string, joinedAt: number, samples: readonly HistorySample[]): PaperHistory {
  const first = samples[0];
  if (!first) throw new RangeError('a history has at least one sample');
  const packed: number[] = [];
  let previous: HistorySample = { at: first.at, upvotes: 0, comments: 0 };
  for (const sample of samples) {
    packed.push(
      (sample.at - previous.at) / MINUTE,
      sample.upvotes - previous.upvotes,
      sample.comments - previous.comments,
    );
    previous = sample;
  }
  return { id, joinedAt, t0: first.at, samples: packed };
}

export function toWholeMinute(time: number): number {
  return Math.floor(time / MINUTE) * MINUTE;
}

/**
 * Upvotes (and comments) at `time`, read from samples in time order: linear between two samples,
 * the latest sample's after it, unknown before the first. Linear is exact across a flat run, which
 * keeps both its ends (see history.ts), and a fair guess across a gap when no refresh ran.
 */
export function valueAt(samples: readonly HistorySample[], time: number): HistorySample | undefined {
  const first = samples[0];
  if (!first || time < first.at) return undefined;
  let low = 0;
  let high = samples.length - 1;
  if (time >= samples[high]!.at) return { ...samples[high]!, at: time };
  // The last sample at or before `time`; the one after it exists because `time` is before the last.
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (samples[middle]!.at <= time) low = middle;
    else high = middle - 1;
  }
  const before = samples[low]!;
  const after = samples[low + 1]!;
  const fraction = (time - before.at) / (after.at - before.at);
  return {
    at: time,
    upvotes: before.upvotes + (after.upvotes - before.upvotes) * fraction,
    comments: before.comments + (after.comments - before.comments) * fraction,
  };
}
