import type { Sparkline } from '../trends/sparkline';
import { t } from '../i18n';

/**
 * The geometry and the words of the popup's charts: a sparkline's polyline, the expanded chart's
 * axis labels, and each chart's text equivalent for screen readers. Pure numbers in, strings out.
 */

export interface Box {
  width: number;
  height: number;
  /** Room kept on every side, so a 1.5 px stroke at the edge is not cut. */
  pad: number;
}

/** SVG `points` for the values, oldest at the left, zero at the bottom, the highest at the top. */
export function polylinePoints(values: readonly number[], box: Box): string {
  const max = Math.max(1, ...values);
  const stepX = values.length > 1 ? (box.width - 2 * box.pad) / (values.length - 1) : 0;
  return values
    .map((value, index) => {
      const x = box.pad + index * stepX;
      const y = box.height - box.pad - (value / max) * (box.height - 2 * box.pad);
      return `${round(x)},${round(y)}`;
    })
    .join(' ');
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Where guessing ends: the x of the first real sample (before it the curve is drawn from zero). */
export function observedX(spark: Sparkline, box: Box): number {
  const span = spark.step * (spark.values.length - 1);
  const fraction = span > 0 ? Math.min(1, Math.max(0, (spark.observedFrom - spark.from) / span)) : 0;
  return round(box.pad + fraction * (box.width - 2 * box.pad));
}

const HOUR = 3_600_000;

/** The index of the first value at or after the first real sample: before it the curve is a guess. */
export function observedIndex(spark: Sparkline): number {
  if (spark.step <= 0) return 0;
  const index = Math.ceil((spark.observedFrom - spark.from) / spark.step);
  return Math.min(spark.values.length - 1, Math.max(0, index));
}

/** "Fri 20 Nov" (UTC, like the feed's days), or "14:00" when the chart spans under two days. */
export function timeLabel(time: number, spanMs: number, locale?: string): string {
  const options: Intl.DateTimeFormatOptions =
    spanMs < 48 * HOUR
      ? { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }
      : { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(time);
}

/** The chart in words: "Upvotes since it joined Daily Papers on Fri 20 Nov: 0, then 57 now (+40 in the last day)." */
export function sparkDescription(spark: Sparkline, gain?: number, locale?: string): string {
  const span = spark.step * (spark.values.length - 1);
  const first = spark.values[0] ?? 0;
  const last = spark.values.at(-1) ?? 0;
  const peak = Math.max(...spark.values);
  const since = timeLabel(spark.from, span, locale);
  const gained = gain === undefined ? '' : ` ${t('chartGained', gain)}`;
  const peakText = peak > last ? t('chartPeak', peak) : '';
  return t('chartDescription', since, first, peakText, last, gained);
}

/** Papers per week in words: "Papers per week, oldest first: 2, 3, 2, 9 (this week)." */
export function weeksDescription(papersPerWeek: readonly number[]): string {
  if (papersPerWeek.length === 0) return t('weeksNone');
  return t('weeksDescription', papersPerWeek.join(', '));
}
