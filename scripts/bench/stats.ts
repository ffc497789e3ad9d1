/** Order statistics for bench samples. Medians and quartiles, not means: a stray slow run (a GC, the
 *  other core busy) moves a mean a lot and a median hardly at all. */

function sorted(values: readonly number[]): number[] {
  if (values.length === 0) throw new Error('no samples');
  return [...values].sort((a, b) => a - b);
}

/** Linear interpolation between closest ranks (the R-7 / NumPy default), so quartiles of few samples are stable. */
export function quantile(values: readonly number[], q: number): number {
  const ordered = sorted(values);
  const at = (ordered.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return ordered[low]! + (ordered[high]! - ordered[low]!) * (at - low);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export interface Summary {
  median: number;
  p25: number;
  p75: number;
  n: number;
}

export function summarize(values: readonly number[]): Summary {
  return {
    median: median(values),
    p25: quantile(values, 0.25),
    p75: quantile(values, 0.75),
    n: values.length,
  };
}
