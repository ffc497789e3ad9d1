import { useState } from 'preact/hooks';
import type { PaperPulseDB } from '@/lib/storage/db';
import type { TrendsRecord, TrendTopic } from '@/lib/trends/record';
import { trendPapers } from '@/lib/popup/trends-query';
import { addWatchedTopic } from '@/lib/topics/topic-list';
import { useLiveQuery } from '@/lib/hooks/use-live-query';
import { useSettings } from '@/lib/hooks/use-settings';
import { TrendsPanel } from '@/components/TrendsPanel';

export interface TrendsTabProps {
  db: PaperPulseDB;
  /** The trends record the app read (one get); undefined while it loads, null when there is none. */
  record: TrendsRecord | null | undefined;
  onShowTopic: (topic: TrendTopic) => void;
}

/** The Trends tab, loaded when first opened: the record's topics with their papers, and "Watch". */
export function TrendsTab({ db, record, onShowTopic }: TrendsTabProps) {
  const papersById = useLiveQuery(() => trendPapers(db, record ?? undefined), [record], new Map());
  const settings = useSettings();
  const [problem, setProblem] = useState<string | null>(null);
  const watched = settings.loaded?.settings.watchedTopics ?? [];
  const watch = async (topic: TrendTopic) => {
    const { topics, rejected } = addWatchedTopic(watched, topic.label);
    if (rejected[0]?.reason === 'too-many')
      return setProblem('Not watched: the list of watched topics is full.');
    if (topics.length === watched.length) return;
    setProblem(
      (await settings.save({ watchedTopics: topics }))
        ? null
        : 'Not watched: the settings could not be saved.',
    );
  };
  return (
    <TrendsPanel
      record={record}
      papersById={papersById}
      watchedTopics={watched}
      now={Date.now()}
      problem={problem ?? settings.problem}
      onShowTopic={onShowTopic}
      onWatchTopic={(topic) => void watch(topic)}
    />
  );
}
