import type { Paper } from '@/lib/storage/records';
import type { TrendTopic } from '@/lib/trends/record';
import { formatGrowth } from '@/lib/popup/trends-view';
import { huggingFacePaperUrl } from '@/lib/url';
import { TrendsWeekChart } from './TrendsWeekChart';

export interface TrendsTopicProps {
  topic: TrendTopic;
  rank: number;
  papersById: ReadonlyMap<string, Paper>;
  watched: boolean;
  onShow: () => void;
  onWatch: () => void;
}

/** One rising topic: its growth, its papers per week, its top papers, and what can be done with it. */
export function TrendsTopic({ topic, rank, papersById, watched, onShow, onWatch }: TrendsTopicProps) {
  const top = topic.topPaperIds.flatMap((id) => papersById.get(id) ?? []).slice(0, 3);
  const aliases = topic.aliases.length > 0 ? ` (${topic.aliases.join(', ')})` : '';
  return (
    <li class="trend-topic" data-topic={topic.key}>
      <div class="trend-topic-head">
        <span class="trend-rank" aria-hidden="true">
          {rank}
        </span>
        <h3 class="trend-label">
          {topic.label}
          {aliases && <span class="muted">{aliases}</span>}
        </h3>
        <TrendsWeekChart papersPerWeek={topic.papersPerWeek} />
      </div>
      <p class="trend-figures">
        {topic.thisWeek.papers} paper{topic.thisWeek.papers === 1 ? '' : 's'} this week ·{' '}
        <span title="Its share of this week’s papers against the weeks before">
          share {formatGrowth(topic.paperShare)}
        </span>{' '}
        ·{' '}
        <span title="Its share of this week’s upvotes against the weeks before">
          upvotes {formatGrowth(topic.upvoteShare)}
        </span>
      </p>
      {top.length > 0 && (
        <ul class="trend-papers" aria-label={`Top papers on ${topic.label}`}>
          {top.map((paper) => (
            <li key={paper.id}>
              <a href={huggingFacePaperUrl(paper.id)} target="_blank" rel="noopener noreferrer">
                {paper.title}
              </a>{' '}
              <span class="muted">
                <span aria-hidden="true">▲</span>
                {paper.upvotes}
                <span class="sr-only"> upvotes</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <div class="trend-actions">
        <button
          type="button"
          class="text-button"
          onClick={onShow}
          aria-label={`Show in Trending: ${topic.label}`}
        >
          Show in Trending
        </button>
        <button
          type="button"
          class="text-button"
          onClick={onWatch}
          disabled={watched}
          aria-label={watched ? `Watching ${topic.label}` : `Watch ${topic.label}`}
        >
          {watched ? 'Watching' : 'Watch'}
        </button>
      </div>
    </li>
  );
}
