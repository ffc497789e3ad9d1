import { useMemo, useState } from 'preact/hooks';
import { watchedView, watchPhrase, type WatchedView } from '../popup/watched-view';
import { useSettings } from './use-settings';
import { t } from '../i18n';

/** The watched topics, live, as a view for lists, and "watch this keyword", saved at once. */
export function useWatched(): {
  view: WatchedView;
  watch: (phrase: string) => void;
  /** What the last "watch" could not do, until dismissed. */
  problem: string | null;
  dismiss: () => void;
  /** The settings could not be read or saved (useSettings' own message). */
  settingsProblem: string | null;
} {
  const settings = useSettings();
  const topics = settings.loaded?.settings.watchedTopics;
  const view = useMemo(() => watchedView(topics ?? []), [topics]);
  const [problem, setProblem] = useState<string | null>(null);
  const watch = (phrase: string) => {
    const next = watchPhrase(topics ?? [], phrase);
    if (!next.topics) return setProblem(next.problem);
    void settings
      .save({ watchedTopics: next.topics })
      .then((saved) => setProblem(saved ? null : t('watchNotSaved')));
  };
  return { view, watch, problem, dismiss: () => setProblem(null), settingsProblem: settings.problem };
}
