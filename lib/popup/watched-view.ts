import { compileTopics, type TopicText } from '../topics/matcher';
import { normalizeTopic } from '../topics/normalize';
import {
  addWatchedTopic,
  MAX_TOPIC_LENGTH,
  MAX_WATCHED_TOPICS,
  type WatchedTopics,
} from '../topics/topic-list';
import { t } from '../i18n';

/**
 * Watched topics in the popup (issue 10, item 2): which topics a listed paper is on (its row's
 * mark and Trending's "Watched only" filter), and which of its keywords are watched already
 * (a keyword chip adds its topic). Each paper is matched once per list of topics.
 */
export interface WatchedView {
  readonly topics: readonly string[];
  /** The watched topics the paper is on, as the user typed them, in list order. */
  topicsOf(paper: TopicText & { id: string }): string[];
  /** Is this phrase (a keyword) one of the watched topics, in normalised form? */
  isWatched(phrase: string): boolean;
}

export function watchedView(topics: readonly string[]): WatchedView {
  const matcher = compileTopics(topics);
  const normalised = new Set(topics.map(normalizeTopic));
  const cache = new Map<string, string[]>();
  return {
    topics: matcher.topics,
    topicsOf(paper) {
      if (matcher.topics.length === 0) return [];
      let found = cache.get(paper.id);
      if (!found) cache.set(paper.id, (found = matcher.match(paper)));
      return found;
    },
    isWatched: (phrase) => normalised.has(normalizeTopic(phrase)),
  };
}

/** The papers on at least one watched topic, in the order given. */
export function onWatchedTopics<T extends TopicText & { id: string }>(
  papers: readonly T[],
  view: WatchedView,
): T[] {
  return papers.filter((paper) => view.topicsOf(paper).length > 0);
}

/** The list with `phrase` added, or, when it cannot be, what to tell the user. */
export function watchPhrase(
  topics: WatchedTopics,
  phrase: string,
): { topics: WatchedTopics; problem?: undefined } | { topics?: undefined; problem: string | null } {
  const { topics: next, rejected } = addWatchedTopic(topics, phrase);
  const reason = rejected[0]?.reason;
  if (reason === 'duplicate' || (!reason && next.length === topics.length)) return { problem: null };
  if (reason === 'too-many') return { problem: t('watchTooMany', MAX_WATCHED_TOPICS) };
  if (reason === 'too-long') return { problem: t('watchTooLong', MAX_TOPIC_LENGTH) };
  if (reason === 'no-words') return { problem: t('watchNoWords') };
  return { topics: next };
}
