import { z } from '../zod';
import { normalizeTopic } from './normalize';

/**
 * The watched-topics list as stored in settings, and the reading of the options page's text box
 * (one topic per line) into it.
 */

/** Enough for anyone's interests; each topic is checked against every paper on every refresh. */
export const MAX_WATCHED_TOPICS = 50;
/** A keyword or phrase, not a paragraph. */
export const MAX_TOPIC_LENGTH = 100;

export const WatchedTopicSchema = z
  .string()
  .min(1)
  .max(MAX_TOPIC_LENGTH)
  .refine((topic) => topic === topic.trim(), 'not trimmed')
  .refine((topic) => normalizeTopic(topic) !== '', 'has no words');

export const WatchedTopicsSchema = z
  .array(WatchedTopicSchema)
  .max(MAX_WATCHED_TOPICS)
  .refine(
    (topics) => new Set(topics.map(normalizeTopic)).size === topics.length,
    'two topics are the same once normalised',
  );
export type WatchedTopics = z.infer<typeof WatchedTopicsSchema>;

export type TopicRejection = 'too-long' | 'no-words' | 'duplicate' | 'too-many';

export interface ParsedTopicLines {
  topics: WatchedTopics;
  /** Lines left out and why, for the options page to say so. Blank lines are not reported. */
  rejected: { line: string; reason: TopicRejection }[];
}

/** Adds topics in order, keeping the first of any that normalise alike ("LLMs" after "LLM"). */
function collect(candidates: readonly string[], initial: readonly string[] = []): ParsedTopicLines {
  const topics = [...initial];
  const seen = new Set(topics.map(normalizeTopic));
  const rejected: ParsedTopicLines['rejected'] = [];
  for (const raw of candidates) {
    const line = raw.trim().replace(/\s+/g, ' ');
    if (line === '') continue;
    const normal = normalizeTopic(line);
    let reason: TopicRejection | undefined;
    if (line.length > MAX_TOPIC_LENGTH) reason = 'too-long';
    else if (normal === '') reason = 'no-words';
    else if (seen.has(normal)) reason = 'duplicate';
    else if (topics.length >= MAX_WATCHED_TOPICS) reason = 'too-many';
    if (reason) {
      rejected.push({ line, reason });
      continue;
    }
    seen.add(normal);
    topics.push(line);
  }
  return { topics, rejected };
}

/** Reads the "Watched topics" box: one keyword or phrase per line. */
export function parseTopicLines(text: string): ParsedTopicLines {
  return collect(text.split(/\r?\n/));
}

/** The box's text for a stored list. */
export function formatTopicLines(topics: readonly string[]): string {
  return topics.join('\n');
}

/** "Watch" on a trend topic or a keyword chip: the list with `topic` added, or why it was not. */
export function addWatchedTopic(topics: WatchedTopics, topic: string): ParsedTopicLines {
  return collect([topic], topics);
}
