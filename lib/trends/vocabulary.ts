import { splitAlias } from '../topics/normalize';
import { findAcronymDefinitions } from './acronyms';
import { countSpelling } from './labels';
import { CLAUSE_BREAK, HEAD_ONLY, STOP, TokenBuffer, type WordTable } from './word-table';

/**
 * The phrases that can be trend topics, each once by its normalised form (the watched topics'
 * form: "State-Space Model" and "state space models" are one entry), with the spellings seen for
 * it and the acronyms that stand for it.
 */

/** Longer keywords are sentences, not topics (and Hugging Face's rarely run past four words). */
export const MAX_TOPIC_WORDS = 4;

export interface VocabularyEntry {
  /** Key ids of its words. */
  keys: number[];
  /** The normalised form, `normalizeTopic` of any of its spellings. */
  key: string;
  /** Spellings from AI keywords, and long forms of acronym definitions. */
  spellings: Map<string, number>;
  /** Acronyms defined as this phrase, with how often. */
  acronyms: Map<string, number>;
}

export class Vocabulary {
  readonly entries: VocabularyEntry[] = [];
  private readonly byKey = new Map<string, number>();
  /** Acronym key id → (entry index → definitions seen). */
  private readonly definitions = new Map<number, Map<number, number>>();
  private readonly phraseCache = new Map<string, number | undefined>();
  private readonly buffer = new TokenBuffer();

  constructor(private readonly table: WordTable) {}

  /** The entry for a phrase of key ids, created if new. */
  add(keys: readonly number[]): number {
    const key = keys.map((id) => this.table.keys[id]!).join(' ');
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.entries.length;
      this.entries.push({ keys: [...keys], key, spellings: new Map(), acronyms: new Map() });
      this.byKey.set(key, index);
    }
    return index;
  }

  indexOf(key: string): number | undefined {
    return this.byKey.get(key);
  }

  /** The entry for a written phrase, or undefined when it cannot name a topic. */
  addPhrase(phrase: string): number | undefined {
    if (this.phraseCache.has(phrase)) return this.phraseCache.get(phrase);
    this.table.tokenize(phrase, this.buffer.clear());
    const words = this.buffer.toArray().slice(1);
    const { flags, keyOf } = this.table;
    const nameable =
      words.length >= 1 &&
      words.length <= MAX_TOPIC_WORDS &&
      !words.includes(CLAUSE_BREAK) &&
      words.some((id) => !(flags[id]! & (STOP | HEAD_ONLY)));
    const index = nameable ? this.add(words.map((id) => keyOf[id]!)) : undefined;
    this.phraseCache.set(phrase, index);
    return index;
  }

  /** An AI keyword: "Mixture-of-Experts (MoE)" adds the phrase and defines the acronym. */
  addKeyword(keyword: string): void {
    const { main, alias } = splitAlias(keyword);
    const index = this.addPhrase(main);
    if (index === undefined) return;
    countSpelling(this.entries[index]!.spellings, main);
    if (alias) this.define(alias, index);
  }

  /** Every "long form (ACRONYM)" in a text. */
  addDefinitionsIn(text: string): void {
    for (const { short, long } of findAcronymDefinitions(text)) {
      const index = this.addPhrase(long);
      if (index === undefined) continue;
      countSpelling(this.entries[index]!.spellings, long);
      this.define(short, index);
    }
  }

  private define(short: string, index: number): void {
    this.table.tokenize(short, this.buffer.clear());
    if (this.buffer.length !== 2) return;
    const shortKey = this.table.keyOf[this.buffer.ids[1]!]!;
    // "SSM" defined as "SSM" says nothing.
    if (this.entries[index]!.keys.length === 1 && this.entries[index]!.keys[0] === shortKey) return;
    countSpelling(this.entries[index]!.acronyms, short);
    let votes = this.definitions.get(shortKey);
    if (!votes) this.definitions.set(shortKey, (votes = new Map()));
    votes.set(index, (votes.get(index) ?? 0) + 1);
  }

  /**
   * Each acronym's meaning: the long form it is defined as most often (ties: the earlier entry),
   * only where some text or keyword defines it.
   */
  acronymMeanings(): Map<number, number> {
    const meanings = new Map<number, number>();
    for (const [shortKey, votes] of this.definitions) {
      let best = -1;
      let bestVotes = 0;
      for (const [index, count] of votes) {
        if (count > bestVotes || (count === bestVotes && index < best)) [best, bestVotes] = [index, count];
      }
      meanings.set(shortKey, best);
    }
    return meanings;
  }
}
