import { foldWord, wordKey } from '../topics/word-key';
import { hashRange, scanWords } from './scan-words';
import { HEAD_ONLY_WORDS, STOP_WORDS } from './stop-words';

/**
 * Interns the words of a whole feed once, so that extracting and counting topics over 90 days of
 * abstracts works on small integers: each spelling gets an id, each spelling a key id (its
 * `wordKey`, shared with watched topics), and a few flags. Texts become arrays of spelling ids with
 * `CLAUSE_BREAK` where a phrase may not continue.
 *
 * Spellings are found by an open-addressing table over two 32-bit hashes of the text's own
 * characters and the length, so a word seen before (nearly every word of an abstract) costs no new
 * string and no comparison: slicing and hashing two million words into a Map was most of the time
 * of a 90-day computation. Two distinct words agreeing on 64 bits of hash and on their length is
 * about a one-in-a-billion event for a 90-day vocabulary, and would merely merge two spellings.
 */

export const CLAUSE_BREAK = -1;

/** Never part of a topic phrase. */
export const STOP = 1;
/** Only as the last word of a phrase of two or more. */
export const HEAD_ONLY = 2;
/** Written with two or more capitals ("SSMs", "MoE"): may be a topic on its own. */
export const ACRONYM = 4;

/** Key ids are packed three to a number (17 bits each) for counting title phrases (phrases.ts). */
export const MAX_KEYS = (1 << 17) - 1;

const DIGITS_ONLY = /^\p{N}+$/u;
const CAPITALS = /\p{Lu}/gu;
/** Adverbs ("significantly", "jointly") modify; they do not name. */
const ADVERB = /(?:[^aeiou]ly|ally)$/;

function flagsOf(surface: string, folded: string): number {
  let flags = 0;
  if (folded.length < 2 || DIGITS_ONLY.test(folded) || STOP_WORDS.has(folded)) flags |= STOP;
  else if (folded.length > 4 && ADVERB.test(folded)) flags |= STOP;
  if (HEAD_ONLY_WORDS.has(folded)) flags |= HEAD_ONLY;
  if (surface.length <= 10 && (surface.match(CAPITALS)?.length ?? 0) >= 2) flags |= ACRONYM;
  return flags;
}

/** Spelling ids of a text, in a typed array reused from text to text. */
export class TokenBuffer {
  ids = new Int32Array(512);
  length = 0;

  push(id: number): void {
    if (this.length === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
  }

  clear(): this {
    this.length = 0;
    return this;
  }

  toArray(): number[] {
    return Array.from(this.ids.subarray(0, this.length));
  }
}

export class WordTable {
  private readonly keyIds = new Map<string, number>();
  /** Per spelling. */
  readonly spellings: string[] = [];
  readonly keyOf: number[] = [];
  readonly flags: number[] = [];
  readonly occurrences: number[] = [];
  private readonly hashes: number[] = [];
  private readonly hashes2: number[] = [];
  /** Per key id. */
  readonly keys: string[] = [];
  /** Spelling id + 1 per slot, 0 when free; kept at most half full. */
  private slots = new Int32Array(1 << 14);

  /** The spelling id of one word. */
  intern(surface: string): number {
    return this.internRange(surface, 0, surface.length);
  }

  /** The spelling id of `text.slice(start, end)`, or CLAUSE_BREAK once the table is full. */
  internRange(text: string, start: number, end: number, hash?: number, hash2?: number): number {
    if (hash === undefined || hash2 === undefined) [hash, hash2] = hashRange(text, start, end);
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return this.add(text.slice(start, end), hash, hash2, slot);
      const id = entry - 1;
      if (this.hashes[id] === hash && this.hashes2[id] === hash2 && this.spellings[id]!.length === length) {
        this.occurrences[id]!++;
        return id;
      }
    }
  }

  private add(surface: string, hash: number, hash2: number, slot: number): number {
    const key = wordKey(surface);
    let keyId = this.keyIds.get(key);
    if (keyId === undefined) {
      if (this.keys.length >= MAX_KEYS) return CLAUSE_BREAK;
      keyId = this.keys.length;
      this.keys.push(key);
      this.keyIds.set(key, keyId);
    }
    const id = this.spellings.length;
    this.spellings.push(surface);
    this.hashes.push(hash);
    this.hashes2.push(hash2);
    this.keyOf.push(keyId);
    this.flags.push(flagsOf(surface, foldWord(surface)));
    this.occurrences.push(1);
    this.slots[slot] = id + 1;
    if (this.spellings.length * 2 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    this.hashes.forEach((hash, id) => {
      let slot = hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    });
    this.slots = slots;
  }

  /** Appends the spelling ids of `text` (or of its first `length` characters) to `out`, a clause break first. */
  tokenize(text: string, out: TokenBuffer, length = text.length): void {
    scanWords(
      text,
      (start, end, breakBefore, hash, hash2) => {
        if (breakBefore) out.push(CLAUSE_BREAK);
        out.push(this.internRange(text, start, end, hash, hash2));
      },
      length,
    );
  }

  /** The commonest spelling of each key id, as it appears in the text. */
  commonestSpellings(): Map<number, string> {
    const best = new Map<number, number>();
    this.keyOf.forEach((keyId, id) => {
      const current = best.get(keyId);
      if (current === undefined || this.occurrences[id]! > this.occurrences[current]!) best.set(keyId, id);
    });
    return new Map([...best].map(([keyId, id]) => [keyId, this.spellings[id]!]));
  }
}
