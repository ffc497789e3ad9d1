import { MAX_TEXT_LENGTH } from '../topics/words';

/**
 * The words of a text exactly as `forEachWordChunk` (lib/topics/words.ts) splits them, hyphens
 * counted as spaces, found by a loop over character codes instead of regular expressions: trend
 * extraction reads every abstract of 90 days on each refresh, and this is where the time goes.
 * tests/unit/trends/scan-words.test.ts checks the two agree on any text.
 */

/**
 * Receives each word as a range of `text`; `breakBefore` as in `forEachWordChunk`; `hash` and
 * `hash2` are two independent 32-bit hashes of the word's UTF-16 code units (`hashRange`),
 * computed on the way, which together with its length tell words apart without comparing them.
 */
export type WordRangeVisitor = (
  start: number,
  end: number,
  breakBefore: boolean,
  hash: number,
  hash2: number,
) => void;

/** FNV-1a. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** A multiply-xorshift step with MurmurHash2's constant, unrelated to FNV's. */
const MIX_SEED = 0x9747b28c;
const MIX_PRIME = 0x5bd1e995;

export function hashRange(text: string, start: number, end: number): [number, number] {
  let hash = FNV_OFFSET;
  let hash2 = MIX_SEED;
  for (let index = start; index < end; index++) {
    const unit = text.charCodeAt(index);
    hash = Math.imul(hash ^ unit, FNV_PRIME);
    hash2 = Math.imul(hash2 ^ unit, MIX_PRIME);
    hash2 ^= hash2 >>> 13;
  }
  return [hash >>> 0, hash2 >>> 0];
}

const WORD = 1;
const CLAUSE = 2;
const APOSTROPHE = 3;
const ASCII = new Uint8Array(128);
for (let code = 48; code <= 57; code++) ASCII[code] = WORD;
for (let code = 65; code <= 90; code++) ASCII[code] = WORD;
for (let code = 97; code <= 122; code++) ASCII[code] = WORD;
for (const mark of '.,;:!?()[]{}"|') ASCII[mark.charCodeAt(0)] = CLAUSE;
ASCII["'".charCodeAt(0)] = APOSTROPHE;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const nonAsciiClass = new Map<number, number>([
  [0x201c, CLAUSE],
  [0x201d, CLAUSE],
  [0x2019, APOSTROPHE],
]);

function classOf(codePoint: number): number {
  if (codePoint < 128) return ASCII[codePoint]!;
  let kind = nonAsciiClass.get(codePoint);
  if (kind === undefined) {
    kind = LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint)) ? WORD : 0;
    nonAsciiClass.set(codePoint, kind);
  }
  return kind;
}

/** The code point at `index`, a surrogate pair cut by `end` counting as its lone first half. */
function codePointAt(text: string, index: number, end: number): number {
  const unit = text.charCodeAt(index);
  if (unit < 0xd800 || unit > 0xdbff || index + 1 >= end) return unit;
  return text.codePointAt(index)!;
}

/** Visits the words of `text`, or of its first `length` characters. */
export function scanWords(text: string, visit: WordRangeVisitor, length = text.length): void {
  const end = Math.min(length, text.length, MAX_TEXT_LENGTH);
  let breakBefore = true;
  let index = 0;
  while (index < end) {
    const unit = text.charCodeAt(index);
    const kind = unit < 128 ? ASCII[unit]! : classOf(codePointAt(text, index, end));
    if (kind === WORD) {
      const start = index;
      let hash = FNV_OFFSET;
      let hash2 = MIX_SEED;
      for (;;) {
        const unit = text.charCodeAt(index);
        hash = Math.imul(hash ^ unit, FNV_PRIME);
        hash2 = Math.imul(hash2 ^ unit, MIX_PRIME);
        hash2 ^= hash2 >>> 13;
        index++;
        if (index >= end) break;
        const next = text.charCodeAt(index);
        // The second half of a surrogate pair belongs to the same character.
        const inWord =
          next < 128
            ? ASCII[next] === WORD
            : (next >= 0xdc00 && next <= 0xdfff && unit >= 0xd800 && unit <= 0xdbff) ||
              classOf(codePointAt(text, index, end)) === WORD;
        if (!inWord) break;
      }
      visit(start, index, breakBefore, hash >>> 0, hash2 >>> 0);
      breakBefore = false;
      continue;
    }
    if (kind === CLAUSE) breakBefore = true;
    else if (kind === APOSTROPHE && isPossessiveS(text, index, end)) index++;
    index++;
  }
}

/** "'s" not followed by a letter or digit, which `forEachWordChunk` removes. */
function isPossessiveS(text: string, index: number, end: number): boolean {
  if (index + 1 >= end || text.charCodeAt(index + 1) !== 115) return false;
  if (index + 2 >= end) return true;
  return classOf(codePointAt(text, index + 2, end)) !== WORD;
}
