import { stemmer } from 'stemmer';

/**
 * The key one word is compared by, for watched topics and trend topics alike: lowercase, accents
 * removed, and inflections undone, so "Models", "modelling" and "model" are one word.
 *
 * Porter's stemmer (the `stemmer` package) also strips derivational suffixes: "generation",
 * "generative", "general" and "generalization" all become "gener", which would make a watched
 * "generalization" match every paper about image generation. So the stem is used only to undo
 * inflection: whatever Porter removed beyond an inflectional ending is put back. "generations" →
 * "gener" + "ation", while "scaling" → "scale" and "agents" → "agent". "-ic" counts as an
 * inflection on purpose: "agentic" and "robotics" are what someone watching "agent" or "robot"
 * wants to see (Porter only strips it from long stems, so "graphic" stays apart from "graph").
 */

const DIACRITICS = /\p{M}+/gu;
const NON_ASCII = /[^\0-\x7f]/;
const ENGLISH_WORD = /^[a-z]+$/;

/** Plural and verb endings, longest first, then the endings Porter turns "y"/"e"/"-ic" words into. */
const INFLECTION_ENDINGS = ['ings', 'ing', 'ies', 'ied', 'es', 'ed', 's'];
const STEM_ENDINGS = ['ic', 'e', 'y', 'i'];

/** Lowercase with accents removed: "Poincaré" and "poincare" are one word. */
export function foldWord(word: string): string {
  // Unicode normalisation is the slow step, and nearly every word is plain ASCII.
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(DIACRITICS, '').toLowerCase();
}

function stripEnding(text: string, endings: readonly string[]): string {
  for (const ending of endings) {
    if (text.endsWith(ending)) return text.slice(0, -ending.length);
  }
  return text;
}

function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let index = 0;
  while (index < limit && a.charCodeAt(index) === b.charCodeAt(index)) index++;
  return index;
}

/** The key of a word already folded by `foldWord`. */
export function foldedWordKey(folded: string): string {
  // Porter's rules are for English letters; "3d", "llama3" or other scripts are kept as written.
  if (!ENGLISH_WORD.test(folded)) return folded;
  const stem = stemmer(folded);
  const prefix = commonPrefixLength(folded, stem);
  let rest = stripEnding(stripEnding(folded.slice(prefix), INFLECTION_ENDINGS), STEM_ENDINGS);
  // A doubled consonant before an ending ("embedded", "modelling") belongs to the ending.
  if (rest.length === 1 && rest === folded[prefix - 1]) rest = '';
  return stem + rest;
}

/** Matching and trend extraction key every word of every abstract; the vocabulary is far smaller. */
const cache = new Map<string, string>();
/** The cache only saves time; past this size it is emptied rather than left to grow. */
const CACHE_LIMIT = 50_000;

/** `foldedWordKey(foldWord(word))`, memoised. */
export function wordKey(word: string): string {
  let key = cache.get(word);
  if (key === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    key = foldedWordKey(foldWord(word));
    cache.set(word, key);
  }
  return key;
}
