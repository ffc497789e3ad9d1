import type { Sparkline } from '@/lib/trends/sparkline';
import { observedX, polylinePoints, sparkDescription, timeLabel } from '@/lib/popup/trends-chart';
import { t } from '@/lib/i18n';

/** Drawn in SVG units; the SVG scales to the row's width. */
const BOX = { width: 260, height: 64, pad: 3 };
const AXIS = 26;

/**
 * The expanded row's chart: upvotes since the paper joined Daily Papers, with its axis (0 and the
 * highest count, the first day and now) and, shaded, the stretch before PaperPulse first saw the
 * paper (drawn from zero at joining, an estimate). The same in words for screen readers.
 */
export function SparklineChart({ spark, gain }: { spark: Sparkline; gain?: number }) {
  const plot = { width: BOX.width - AXIS, height: BOX.height, pad: BOX.pad };
  const max = Math.max(...spark.values);
  const span = spark.step * (spark.values.length - 1);
  const guessedTo = observedX(spark, plot);
  return (
    <figure class="spark-chart">
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height + 14}`}
        role="img"
        aria-label={sparkDescription(spark, gain)}
        preserveAspectRatio="xMidYMid meet"
      >
        <g transform={`translate(${AXIS} 0)`}>
          {guessedTo > plot.pad && (
            <rect
              class="spark-guessed"
              x={plot.pad}
              y={plot.pad}
              width={guessedTo - plot.pad}
              height={plot.height - 2 * plot.pad}
            />
          )}
          <line
            class="spark-axis"
            x1={plot.pad}
            y1={plot.height - plot.pad}
            x2={plot.width}
            y2={plot.height - plot.pad}
          />
          <polyline class="spark-line" points={polylinePoints(spark.values, plot)} />
          <text class="spark-label" x={plot.pad} y={BOX.height + 11}>
            {timeLabel(spark.from, span)}
          </text>
          <text class="spark-label" x={plot.width} y={BOX.height + 11} text-anchor="end">
            {t('chartNow')}
          </text>
        </g>
        <text class="spark-label" x={AXIS - 4} y={BOX.pad + 8} text-anchor="end">
          {max}
        </text>
        <text class="spark-label" x={AXIS - 4} y={BOX.height - BOX.pad} text-anchor="end">
          0
        </text>
      </svg>
      <figcaption class="spark-caption" aria-hidden="true">
        {t('chartCaption', spark.values[0] ?? 0, spark.values.at(-1) ?? 0)}
        {gain !== undefined && gain > 0 ? t('chartCaptionGain', gain) : ''}
        {guessedTo > plot.pad ? ` ${t('chartCaptionGuessed')}` : ''}
      </figcaption>
    </figure>
  );
}
