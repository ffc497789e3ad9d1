import type { PaperPulseDB } from '@/lib/storage/db';
import type { TrendsRecord, TrendTopic } from '@/lib/trends/record';
import { trendPapers } from '@/lib/popup/trends-query';
import { useLiveQuery } from '@/lib/hooks/use-live-query';
import type { useWatched } from '@/lib/hooks/use-watched';
import { TrendsPanel } from '@/components/TrendsPanel';

export interface TrendsTabProps {
  db: PaperPulseDB;
  /** The trends record the app read (one get); undefined while it loads, null when there is none. */
  record: TrendsRecord | null | undefined;
  onShowTopic: (topic: TrendTopic) => void;
  /** The app's watched topics: "Watch" is the same as a keyword chip's (lib/popup/watched-view.ts), and
   * what it could not do is said once, in the popup's footer, like a chip's. */
  watched: ReturnType<typeof useWatched>;
}

/** The Trends tab, loaded when first opened: the record's topics with their papers, and "Watch". */
export function TrendsTab({ db, record, onShowTopic, watched }: TrendsTabProps) {
  const papersById = useLiveQuery(() => trendPapers(db, record ?? undefined), [record], new Map());
  return (
    <TrendsPanel
      record={record}
      papersById={papersById}
      watchedTopics={watched.view.topics}
      now={Date.now()}
      problem={watched.settingsProblem}
      onShowTopic={onShowTopic}
      onWatchTopic={(topic) => watched.watch(topic.label)}
    />
  );
}
