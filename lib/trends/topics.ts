import { preferredLabel } from './labels';
import { recurringPhrases } from './phrases';
import { PhraseTrie } from './phrase-trie';
import { Vocabulary } from './vocabulary';
import { ACRONYM, CLAUSE_BREAK, TokenBuffer, WordTable } from './word-table';

/**
 * Which topics each paper is about.
 *
 * Candidate topics come from Hugging Face's AI keywords where papers have them, and from phrases
 * recurring in the titles of the papers that do not (phrases.ts), plus every long form of an
 * acronym definition in a title or abstract. An acronym is merged into the long form the data
 * defines it as ("SSMs" → "state space models"), and counted where it is written as an acronym.
 *
 * A paper is then counted in a topic when its title or the opening of its abstract contains the
 * topic, for every paper alike. Keywords choose the topics but do not count by themselves: Hugging
 * Face writes them for newer papers only, and counting them would make every topic seem to grow
 * the week they started.
 */

/** A title phrase must recur in this many titles of papers without keywords to be a candidate. */
export const MIN_TITLE_PAPERS = 2;
/**
 * How much of an abstract counts when assigning papers to topics: the opening, where a paper says
 * what it is about (the problem and the contribution), not the closing comparisons and future
 * work. Reading 90 days of abstracts is most of the time computeTrends takes, and most abstracts
 * run 1,200 to 1,600 characters (arXiv allows 1,920): this saves about a fifth of it.
 */
export const MAX_ABSTRACT_CHARS = 1_000;

/** Up to the last space within MAX_ABSTRACT_CHARS, so no word is cut in two. */
function readLength(summary: string): number {
  if (summary.length <= MAX_ABSTRACT_CHARS) return summary.length;
  const space = summary.lastIndexOf(' ', MAX_ABSTRACT_CHARS);
  return space > 0 ? space : MAX_ABSTRACT_CHARS;
}

/** Acronyms shown next to a topic's label. */
export const MAX_ALIASES = 3;

export interface TopicSourcePaper {
  title: string;
  summary: string;
  aiKeywords?: readonly string[];
}

export interface ExtractedTopic {
  /** Its normalised form (`normalizeTopic`). */
  key: string;
  label: string;
  /** Acronyms for it, commonest first ("SSM"). */
  aliases: string[];
}

export interface TopicExtraction {
  topics: ExtractedTopic[];
  /** For each paper, in the order given, the indices of its topics (ascending). */
  paperTopics: number[][];
}

/** Every candidate phrase, from what each paper offers: its keywords, or its title; and definitions. */
function buildVocabulary(table: WordTable, papers: readonly TopicSourcePaper[]): Vocabulary {
  const vocabulary = new Vocabulary(table);
  const titlesWithoutKeywords: number[][] = [];
  const title = new TokenBuffer();
  for (const paper of papers) {
    if (paper.aiKeywords?.length) for (const keyword of paper.aiKeywords) vocabulary.addKeyword(keyword);
    else {
      table.tokenize(paper.title, title.clear());
      titlesWithoutKeywords.push(title.toArray());
    }
    vocabulary.addDefinitionsIn(paper.title);
    vocabulary.addDefinitionsIn(paper.summary);
  }
  for (const phrase of recurringPhrases(table, titlesWithoutKeywords, MIN_TITLE_PAPERS))
    vocabulary.add(phrase.keys);
  return vocabulary;
}

export function extractTopics(papers: readonly TopicSourcePaper[]): TopicExtraction {
  const table = new WordTable();
  const vocabulary = buildVocabulary(table, papers);
  const meanings = vocabulary.acronymMeanings();

  // An entry that is only an acronym with a known meaning ("SSMs" as a keyword) is that meaning.
  const target = vocabulary.entries.map((_, index) => index);
  for (const [shortKey, meaning] of meanings) {
    const acronymEntry = vocabulary.indexOf(table.keys[shortKey]!);
    if (acronymEntry !== undefined && acronymEntry !== meaning) target[acronymEntry] = meaning;
  }
  const kept = vocabulary.entries.map((_, index) => index).filter((index) => target[index] === index);
  const topicOf = new Map(kept.map((entry, topic) => [entry, topic]));
  const trie = new PhraseTrie(table.keys.length);
  for (const entry of kept) trie.add(vocabulary.entries[entry]!.keys, topicOf.get(entry)!);
  const acronymTopic = new Map([...meanings].map(([shortKey, meaning]) => [shortKey, topicOf.get(meaning)!]));

  const { flags, keyOf } = table;
  const seenIn = new Int32Array(kept.length).fill(-1);
  // One buffer for every paper's words: 90 days of abstracts are read once and never kept.
  const buffer = new TokenBuffer();
  const paperTopics = papers.map((paper, index) => {
    table.tokenize(paper.title, buffer.clear());
    table.tokenize(paper.summary, buffer, readLength(paper.summary));
    const { ids: tokens, length } = buffer;
    const found: number[] = [];
    const add = (topic: number) => {
      if (seenIn[topic] === index) return;
      seenIn[topic] = index;
      found.push(topic);
    };
    for (let position = 0; position < length; position++) {
      const token = tokens[position]!;
      if (token === CLAUSE_BREAK) continue;
      // Written as an acronym, so "rag" or "cot" in lowercase prose is not one.
      if (flags[token]! & ACRONYM) {
        const topic = acronymTopic.get(keyOf[token]!);
        if (topic !== undefined) add(topic);
      }
      trie.matchAt(tokens, position, length, keyOf, add);
    }
    return found.sort((a, b) => a - b);
  });

  const spellingOf = table.commonestSpellings();
  const topics = kept.map((entryIndex): ExtractedTopic => {
    const entry = vocabulary.entries[entryIndex]!;
    const spellings = entry.spellings.size
      ? entry.spellings
      : new Map([[entry.keys.map((key) => spellingOf.get(key)!).join(' '), 1]]);
    const aliases = [...entry.acronyms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return {
      key: entry.key,
      label: preferredLabel(spellings),
      aliases: aliases.slice(0, MAX_ALIASES).map(([a]) => a),
    };
  });
  return { topics, paperTopics };
}
