import { weeksDescription } from '@/lib/popup/trends-chart';

const BAR = 10;
const GAP = 3;
const HEIGHT = 28;

/** A topic's papers per week as small bars, this week last and in the accent colour. */
export function TrendsWeekChart({ papersPerWeek }: { papersPerWeek: readonly number[] }) {
  const max = Math.max(1, ...papersPerWeek);
  const width = Math.max(1, papersPerWeek.length * (BAR + GAP) - GAP);
  return (
    <svg
      class="week-chart"
      width={width}
      height={HEIGHT}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      role="img"
      aria-label={weeksDescription(papersPerWeek)}
    >
      {papersPerWeek.map((count, index) => {
        const height = Math.max(count > 0 ? 2 : 1, (count / max) * HEIGHT);
        return (
          <rect
            key={index}
            class={index === papersPerWeek.length - 1 ? 'bar this-week' : 'bar'}
            x={index * (BAR + GAP)}
            y={HEIGHT - height}
            width={BAR}
            height={height}
          />
        );
      })}
    </svg>
  );
}
