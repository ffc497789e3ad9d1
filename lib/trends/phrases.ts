import { ACRONYM, CLAUSE_BREAK, HEAD_ONLY, STOP, type WordTable } from './word-table';

/**
 * Candidate topics from the titles of papers that have no AI keywords: runs of one to three words
 * inside a clause, with no stop word, a head-only word ("models") only at the end, and single
 * words only when written as an acronym ("RAG"), since lone common words ("training") name no
 * topic. A candidate must recur across titles. Titles, because a paper names its topic there,
 * while the phrases abstracts repeat are mostly boilerplate ("failure cases", "additional
 * training"); and because titles are a fiftieth of the text, which keeps this cheap. Abstracts
 * still count when papers are assigned to topics (topics.ts). A phrase that mostly occurs inside a
 * longer candidate ("state space" inside "state space models") gives way to it.
 */

export const MAX_EXTRACTED_WORDS = 3;
/** Share of a phrase's titles that a longer phrase containing it must also cover to replace it. */
const SUBSUMED_SHARE = 0.8;
const SHIFT = 2 ** 17;

export interface PhraseCandidate {
  /** Key ids of its words. */
  keys: number[];
  /** Titles it occurs in. */
  papers: number;
}

/** One number per phrase of up to three key ids (each below 2^17), distinct across lengths. */
export function phraseCode(keys: readonly number[]): number {
  let code = 0;
  for (const key of keys) code = code * SHIFT + key + 1;
  return code;
}

function decode(code: number): number[] {
  const keys: number[] = [];
  for (let rest = code; rest > 0; rest = Math.floor(rest / SHIFT)) keys.unshift((rest % SHIFT) - 1);
  return keys;
}

/** Codes of the phrases one text offers as candidates, each once. */
function candidatesOf(table: WordTable, tokens: readonly number[], into: Set<number>): void {
  const { flags, keyOf } = table;
  for (let start = 0; start < tokens.length; start++) {
    let code = 0;
    for (let length = 1; length <= MAX_EXTRACTED_WORDS; length++) {
      const token = tokens[start + length - 1];
      if (token === undefined || token === CLAUSE_BREAK) break;
      const flag = flags[token]!;
      if (flag & STOP) break;
      code = code * SHIFT + keyOf[token]! + 1;
      if (flag & HEAD_ONLY) {
        // A head word ends the phrase; alone it is no topic.
        if (length > 1) into.add(code);
        break;
      }
      if (length > 1 || flag & ACRONYM) into.add(code);
    }
  }
}

/** Phrases of `titles` (spelling ids, word-table.ts) found in at least `minPapers` of them. */
export function recurringPhrases(
  table: WordTable,
  titles: readonly (readonly number[])[],
  minPapers: number,
): PhraseCandidate[] {
  const papers = new Map<number, number>();
  const seen = new Set<number>();
  for (const title of titles) {
    seen.clear();
    candidatesOf(table, title, seen);
    for (const code of seen) papers.set(code, (papers.get(code) ?? 0) + 1);
  }
  const recurring = [...papers].filter(([, count]) => count >= minPapers);
  const subsumed = new Set<number>();
  for (const [code, count] of recurring) {
    const keys = decode(code);
    if (keys.length < 2) continue;
    for (const part of [keys.slice(0, -1), keys.slice(1)]) {
      const partCode = phraseCode(part);
      if (count >= SUBSUMED_SHARE * (papers.get(partCode) ?? Infinity)) subsumed.add(partCode);
    }
  }
  return recurring
    .filter(([code]) => !subsumed.has(code))
    .map(([code, count]) => ({ keys: decode(code), papers: count }));
}
