import { decodeSamples, valueAt, type HistorySample, type PaperHistory } from './history-codec';
import { joinedAtOf, type RisingPaper } from './rising';

/**
 * A paper's upvotes since it joined Daily Papers, at evenly spaced times: a row's inline chart
 * needs only the values, the expanded chart gets its time axis from `from` and `step`. Before the
 * first sample the curve is drawn from zero at joining (it had no votes then) to that sample:
 * `observedFrom` says where guessing ends, for the chart to draw that part differently.
 */

export const SPARKLINE_POINTS = 24;
/** A chart of a paper that joined a minute ago still spans a readable stretch of time. */
const MIN_SPAN_MS = 3_600_000;

export interface Sparkline {
  /** Time of the first value (ms): when the paper joined Daily Papers. */
  from: number;
  /** Time between values (ms). */
  step: number;
  /** Whole upvote counts, oldest first; the last is the count now. */
  values: number[];
  /** Time of the first real sample (ms); `now` without history (the count now is the only one seen). */
  observedFrom: number;
}

export function sparkline(
  paper: RisingPaper,
  history: PaperHistory | undefined,
  now: number,
  points: number = SPARKLINE_POINTS,
): Sparkline {
  const from = Math.min(joinedAtOf(paper), now);
  const samples = history ? decodeSamples(history) : [];
  const observedFrom = samples[0]?.at ?? now;
  const curve: HistorySample[] = [];
  if (observedFrom > from) curve.push({ at: from, upvotes: 0, comments: 0 });
  curve.push(...samples.filter((sample) => sample.at <= now));
  curve.push({ at: now, upvotes: paper.upvotes, comments: 0 });
  const count = Math.max(2, Math.floor(points));
  const step = Math.max(now - from, MIN_SPAN_MS) / (count - 1);
  const values = Array.from({ length: count }, (_, index) => {
    const value = valueAt(curve, from + index * step) ?? curve[0]!;
    return Math.max(0, Math.round(value.upvotes));
  });
  return { from, step, values, observedFrom };
}
