import type { Sparkline as SparklineData } from '@/lib/trends/sparkline';
import { observedIndex, polylinePoints, sparkDescription } from '@/lib/popup/trends-chart';

const BOX = { width: 44, height: 14, pad: 1.5 };

/** A row's inline chart of its upvotes since it joined Daily Papers; its words are its label. */
export function Sparkline({ spark, gain }: { spark: SparklineData; gain?: number }) {
  const split = observedIndex(spark);
  return (
    <svg
      class="sparkline"
      width={BOX.width}
      height={BOX.height}
      viewBox={`0 0 ${BOX.width} ${BOX.height}`}
      role="img"
      aria-label={sparkDescription(spark, gain)}
    >
      {/* Before PaperPulse first saw the paper the curve is a guess from zero: drawn faint. */}
      {split > 0 && (
        <polyline
          class="guessed"
          points={polylinePoints(spark.values, BOX)
            .split(' ')
            .slice(0, split + 1)
            .join(' ')}
        />
      )}
      <polyline points={polylinePoints(spark.values, BOX).split(' ').slice(split).join(' ')} />
    </svg>
  );
}
