import { stemmer } from 'stemmer';
import { commonestSpelling } from '../text';

/**
 * Porter's stemmer (the `stemmer` package) on plain English words only: digits, accents and
 * other scripts are kept as written, since the rules only make sense for a–z. Its stems are pinned
 * by tests/fixtures/stems.json: a change there would need SAVED_INDEX_VERSION bumped (lib/related/saved.ts).
 */
export function stem(word: string): string {
  return word.length < 3 || !/^[a-z]+$/.test(word) ? word : stemmer(word);
}

/**
 * Turns paper text into index terms: stemmed words, hyphenated compounds joined, and pairs of adjacent
 * words. Pairs are what tells "batch normalization" from "batch size" when both share "batch".
 */

/** Receives each term of a text: `key` is what is matched, `surface` the words as written. */
export type TermVisitor = (key: string, surface: string) => void;

/** Keys of word pairs contain a space, which no single-word key can (words are split on it). */
export const PAIR_SEPARATOR = ' ';

/** A longer "word" is a hash, a URL fragment or unspaced script, not something two papers share. */
const MAX_WORD_LENGTH = 40;
/** arXiv caps abstracts at 1,920 characters; this bounds the cost of hostile or malformed input. */
export const MAX_TEXT_LENGTH = 20_000;

// English function words; prefixes that hyphenation splits off ("pre-training", "multi-modal"), which
// stay in the joined word; then words every abstract uses to talk about itself. That last group is
// deliberately generic (no topic words like "model" or "learning", which inverse document frequency
// already discounts where they are common, and which still carry meaning in pairs like "language model").
const STOP_WORDS = new Set(
  `a about above across after again against all almost along already also although always am among an
  and another any are aren around as at be because been before being below between both but by can cannot
  could did do does doing don down during each either else especially etc even ever every few for from
  further had has have having he her here hers herself him himself his how however i if in into is isn it
  its itself just least less let like many may me might more moreover most much must my myself namely
  neither no nor not now of off often on once only onto or other others otherwise our ours ourselves out
  over own per rather same several she should since so some such than that the their theirs them
  themselves then there thereby therefore these they this those though through throughout thus to
  together too toward towards under until up upon us very via was we well were what whatever when where
  whereas whether which while who whom whose why will with within without would yet you your yours
  anti co multi non pre re semi un
  additionally address addresses addressing approach approaches available based better challenge
  challenges challenging compared demonstrate demonstrated demonstrates effective effectively
  effectiveness et experiment experimental experiments extensive extensively finally first furthermore
  github http https introduce introduced introduces introducing method methods novel outperform
  outperforming outperforms paper papers present presented presents propose proposed proposes proposing
  recent recently respectively result results show showed showing shown shows significant significantly
  specifically study studies using work works www`.split(/\s+/),
);

/** Boilerplate that would otherwise leave stray terms: links, and the ubiquitous "state of the art". */
const NOISE = /https?:\/\/\S+|www\.\S+|state[\s-]+of[\s-]+the[\s-]+art/giu;
/** Punctuation that ends a clause; word pairs do not reach across it. */
const CLAUSE_BREAK = /[.,;:!?()[\]{}"“”]+/u;
const WORD_PART = /[\p{L}\p{N}]+/gu;
const HYPHENATED = /^[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)+$/u;
const DIACRITICS = /\p{M}+/gu;
const DIGITS_ONLY = /^\p{N}+$/u;

const NON_ASCII = /[^\0-\x7f]/;

/** Lowercase, accents removed: "Poincaré" and "poincare" are one word. */
function fold(word: string): string {
  // Unicode normalisation is the slowest step here, and nearly every word is plain ASCII.
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(DIACRITICS, '').toLowerCase();
}

function isIndexable(folded: string): boolean {
  return (
    folded.length > 1 &&
    folded.length <= MAX_WORD_LENGTH &&
    !DIGITS_ONLY.test(folded) &&
    !STOP_WORDS.has(folded)
  );
}

/** The index key of one word as written (folded and stemmed), or null for stop-words and noise. */
export function wordKey(word: string): string | null {
  const folded = fold(word);
  return isIndexable(folded) ? stem(folded) : null;
}

/** `wordKey`, or a memoised copy of it: indexing calls it for every word of every abstract. */
export type WordKeyOf = (word: string) => string | null;

/**
 * Visits the terms of one text, in order, with repeats; a visitor rather than a returned list, because
 * indexing thousands of abstracts should not allocate an object per word. `keyOf` is passed in so an
 * index can memoise it. A hyphenated word yields its parts and its joined form, so "pre-training"
 * meets "pretraining"; its parts are not also paired, which would count the one compound three times.
 */
export function forEachTerm(text: string, keyOf: WordKeyOf, visit: TermVisitor): void {
  const cleaned = text.slice(0, MAX_TEXT_LENGTH).replace(NOISE, ' . ');
  for (const clause of cleaned.split(CLAUSE_BREAK)) {
    let previousKey: string | null = null;
    let previousSurface = '';
    for (const word of clause.split(/\s+/)) {
      const parts = word.match(WORD_PART);
      if (parts === null) continue;
      const isCompound = parts.length > 1 && HYPHENATED.test(word);
      if (isCompound) {
        const joined = keyOf(parts.join(''));
        if (joined !== null) visit(joined, word);
      }
      for (const [index, part] of parts.entries()) {
        const key = keyOf(part);
        if (key === null) {
          previousKey = null;
          continue;
        }
        visit(key, part);
        if (previousKey !== null && previousKey !== key && !(isCompound && index > 0)) {
          visit(previousKey + PAIR_SEPARATOR + key, `${previousSurface} ${part}`);
        }
        previousKey = key;
        previousSurface = part;
      }
    }
  }
}

/** How to show a term: its commonest spelling (lib/text.ts says how). */
export const displayForm = commonestSpelling;
