import type { Paper } from '@/lib/storage/records';
import type { TrendsRecord, TrendTopic } from '@/lib/trends/record';
import { basisSentence, isWatched } from '@/lib/popup/trends-view';
import { EmptyState } from './EmptyState';
import { TrendsTopic } from './TrendsTopic';

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
  if (record === null)
    return (
      <EmptyState title="No trends yet">
        PaperPulse computes them after each refresh of the feed; they appear once the first one has finished.
      </EmptyState>
    );
  return (
    <div class="trends">
      <h2 class="day-heading">Rising topics</h2>
      <p class="quiet-note trends-basis">
        Topics whose share of this week’s papers and upvotes grew against the weeks before, by more than
        chance explains (a topic with few papers needs a larger jump). “Rising” in Trending ranks this week’s
        papers by upvotes gained in the last 24 hours. {basisSentence(record, now)}
      </p>
      {props.problem && (
        <p class="write-error" role="alert">
          {props.problem}
        </p>
      )}
      {record.topics.length === 0 ? (
        <p class="quiet-note">No topic grew by more than chance this week.</p>
      ) : (
        <ol class="trend-topics" aria-label="Rising topics, most rising first">
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
      <h2 class="day-heading">Most active organisations this week</h2>
      {record.organizations.length === 0 ? (
        <p class="quiet-note">No paper this week names its organisation.</p>
      ) : (
        <ol class="trend-orgs" aria-label="Organisations with the most papers this week">
          {record.organizations.map((organization) => (
            <li key={organization.name}>
              <span class="trend-org-name">{organization.name}</span>
              <span class="muted">
                {organization.papers} paper{organization.papers === 1 ? '' : 's'} ·{' '}
                <span aria-hidden="true">▲</span>
                {organization.upvotes}
                <span class="sr-only"> upvotes</span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
