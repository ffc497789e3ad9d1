import type { Paper } from '@/lib/storage/records';
import type { TrendTopic } from '@/lib/trends/record';
import { formatGrowth } from '@/lib/popup/trends-view';
import { huggingFacePaperUrl } from '@/lib/url';
import { TrendsWeekChart } from './TrendsWeekChart';
import { t, tp } from '@/lib/i18n';

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
        {t('topicThisWeek', tp('paperCount', topic.thisWeek.papers))} ·{' '}
        <span title={t('topicShareTitle')}>{t('topicShare', formatGrowth(topic.paperShare))}</span> ·{' '}
        <span title={t('topicUpvotesTitle')}>{t('topicUpvotes', formatGrowth(topic.upvoteShare))}</span>
      </p>
      {top.length > 0 && (
        <ul class="trend-papers" aria-label={t('topicTopPapers', topic.label)}>
          {top.map((paper) => (
            <li key={paper.id}>
              <a href={huggingFacePaperUrl(paper.id)} target="_blank" rel="noopener noreferrer">
                {paper.title}
              </a>{' '}
              <span class="muted">
                <span aria-hidden="true">▲</span>
                {paper.upvotes}
                <span class="sr-only"> {tp('upvoteWord', paper.upvotes)}</span>
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
          aria-label={t('topicShowInTrendingLabel', topic.label)}
        >
          {t('topicShowInTrending')}
        </button>
        <button
          type="button"
          class="text-button"
          onClick={onWatch}
          disabled={watched}
          aria-label={watched ? t('topicWatchingLabel', topic.label) : t('topicWatchLabel', topic.label)}
        >
          {watched ? t('topicWatching') : t('topicWatch')}
        </button>
      </div>
    </li>
  );
}
