import type { Paper } from '@/lib/storage/records';
import type { TrendsRecord, TrendTopic } from '@/lib/trends/record';
import { basisSentence, isWatched } from '@/lib/popup/trends-view';
import { EmptyState } from './EmptyState';
import { TrendsTopic } from './TrendsTopic';
import { t, tp } from '@/lib/i18n';

export interface TrendsPanelProps {
  /** Undefined while it loads; null when the worker has not computed one yet. */
  record: TrendsRecord | null | undefined;
  papersById: ReadonlyMap<string, Paper>;
  watchedTopics: readonly string[];
  now: number;
  /** What could not be saved ("Watch"), if anything. */
  problem?: string | null;
  onShowTopic: (topic: TrendTopic) => void;
  onWatchTopic: (topic: TrendTopic) => void;
}

/** The Trends tab: topics ranked by growth, then this week's most active organisations. */
export function TrendsPanel(props: TrendsPanelProps) {
  const { record, now } = props;
  if (record === undefined) return null;
  if (record === null) return <EmptyState title={t('trendsNoneTitle')}>{t('trendsNoneBody')}</EmptyState>;
  return (
    <div class="trends">
      <h2 class="day-heading">{t('trendsRisingTopics')}</h2>
      <p class="quiet-note trends-basis">
        {t('trendsBasisIntro')} {basisSentence(record, now)}
      </p>
      {props.problem && (
        <p class="write-error" role="alert">
          {props.problem}
        </p>
      )}
      {record.topics.length === 0 ? (
        <p class="quiet-note">{t('trendsNoTopic')}</p>
      ) : (
        <ol class="trend-topics" aria-label={t('trendsTopicsLabel')}>
          {record.topics.map((topic, index) => (
            <TrendsTopic
              key={topic.key}
              topic={topic}
              rank={index + 1}
              papersById={props.papersById}
              watched={isWatched(topic, props.watchedTopics)}
              onShow={() => props.onShowTopic(topic)}
              onWatch={() => props.onWatchTopic(topic)}
            />
          ))}
        </ol>
      )}
      <h2 class="day-heading">{t('trendsOrganisations')}</h2>
      {record.organizations.length === 0 ? (
        <p class="quiet-note">{t('trendsNoOrganisation')}</p>
      ) : (
        <ol class="trend-orgs" aria-label={t('trendsOrganisationsLabel')}>
          {record.organizations.map((organization) => (
            <li key={organization.name}>
              <span class="trend-org-name">{organization.name}</span>
              <span class="muted">
                {tp('paperCount', organization.papers)} · <span aria-hidden="true">▲</span>
                {organization.upvotes}
                <span class="sr-only"> {tp('upvoteWord', organization.upvotes)}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
