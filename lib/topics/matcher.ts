import { splitAlias } from './normalize';
import { wordKey } from './word-key';
import { forEachWordChunk } from './words';

/**
 * Watched topics (issue 10): which of the user's topics a paper is about. A topic matches when its
 * words appear in order, as whole words, in the title, the abstract or one AI keyword:
 * - case, accents and inflection do not matter ("Diffusion Models" for "diffusion model",
 *   "agents" and "agentic" for "agent"; see word-key.ts for why "generation" does not match
 *   "generalization");
 * - a hyphen is a space ("state-space" for "state space"), and a hyphenated word also matches its
 *   closed-up spelling ("fine-tuning" for "finetuning" and back);
 * - "Mixture-of-Experts (MoE)" matches either form;
 * - a topic never matches inside a word ("RAG" is not in "fragment") nor across a clause break.
 */

/** The fields of a paper that are searched; a paper row (lib/records.ts) has this shape. */
export interface TopicText {
  title: string;
  summary?: string;
  aiKeywords?: readonly string[];
}

export interface TopicMatcher {
  /** The topics, as typed, in list order (blank ones dropped). */
  readonly topics: readonly string[];
  /** The topics, as typed and in list order, that the paper matches. */
  match(paper: TopicText): string[];
}

interface CompiledTopic {
  topic: string;
  /** Word-key sequences, any of which means the topic. */
  alternatives: string[][];
}

interface TextWord {
  key: string;
  /** The key of the closed-up compound this word starts ("fine" in "fine-tuning" → "finetun"). */
  joinedKey?: string;
  /** How many words that compound spans. */
  joinedSpan: number;
  breakBefore: boolean;
}

/** The split spelling and the closed-up spelling of a phrase's hyphenated words. */
function spellings(phrase: string): string[][] {
  const split: string[] = [];
  const joined: string[] = [];
  forEachWordChunk(phrase, (parts) => {
    for (const part of parts) split.push(wordKey(part));
    joined.push(parts.length > 1 ? wordKey(parts.join('')) : wordKey(parts[0]!));
  });
  if (split.length === 0) return [];
  return split.length === joined.length ? [split] : [split, joined];
}

function compile(topic: string): CompiledTopic {
  const { main, alias } = splitAlias(topic);
  const alternatives = [...spellings(main), ...(alias ? spellings(alias) : [])];
  return { topic, alternatives };
}

function textWords(paper: TopicText): TextWord[] {
  const words: TextWord[] = [];
  const add = (text: string) =>
    forEachWordChunk(text, (parts, breakBefore) => {
      const joinedKey = parts.length > 1 ? wordKey(parts.join('')) : undefined;
      parts.forEach((part, index) => {
        words.push({
          key: wordKey(part),
          joinedKey: index === 0 ? joinedKey : undefined,
          joinedSpan: parts.length,
          breakBefore: breakBefore && index === 0,
        });
      });
    });
  // Each field starts a new clause, so a phrase cannot run from the title into the abstract.
  add(paper.title);
  if (paper.summary) add(paper.summary);
  for (const keyword of paper.aiKeywords ?? []) add(keyword);
  return words;
}

/** Do `keys[next…]` follow from `words[position]` on, without crossing a clause break? */
function follows(
  words: readonly TextWord[],
  position: number,
  keys: readonly string[],
  next: number,
): boolean {
  if (next === keys.length) return true;
  const word = words[position];
  if (!word || (next > 0 && word.breakBefore)) return false;
  const key = keys[next];
  if (word.key === key && follows(words, position + 1, keys, next + 1)) return true;
  return word.joinedKey === key && follows(words, position + word.joinedSpan, keys, next + 1);
}

function occursIn(words: readonly TextWord[], keys: readonly string[]): boolean {
  for (let position = 0; position < words.length; position++) {
    if (follows(words, position, keys, 0)) return true;
  }
  return false;
}

export function compileTopics(topics: readonly string[]): TopicMatcher {
  const compiled = topics.map(compile).filter((topic) => topic.alternatives.length > 0);
  return {
    topics: compiled.map((topic) => topic.topic),
    match(paper) {
      if (compiled.length === 0) return [];
      const words = textWords(paper);
      return compiled
        .filter((topic) => topic.alternatives.some((keys) => occursIn(words, keys)))
        .map((topic) => topic.topic);
    },
  };
}
