/**
 * Splits paper text into words the way topics are matched: on anything that is not a letter or a
 * digit, so "state-space" and "state space" give the same words and "RAG" is never found inside
 * "fragment". Phrases do not reach across clause punctuation ("…diffusion. Models…" is not
 * "diffusion models").
 */

/** arXiv caps abstracts at 1,920 characters; this bounds the cost of hostile or malformed input. */
export const MAX_TEXT_LENGTH = 20_000;

/** A word, or a hyphenated compound as one chunk, or one clause-breaking mark. */
const CHUNK = /[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)*|[.,;:!?()[\]{}"“”|]/gu;
const CLAUSE_MARK = /^[.,;:!?()[\]{}"“”|]$/u;
const HYPHEN = /[-‐‑]/u;
/** "model's" is "model": the possessive would otherwise leave a stray "s" inside phrases. */
const POSSESSIVE = /['’]s(?![\p{L}\p{N}])/gu;

/**
 * Receives each word chunk of a text in order: `parts` are the pieces of one hyphenated word as
 * written ("State-Space" → ["State", "Space"]; a plain word is one part); `breakBefore` is true at
 * the start of the text and after clause punctuation.
 */
export type WordChunkVisitor = (parts: string[], breakBefore: boolean) => void;

export function forEachWordChunk(text: string, visit: WordChunkVisitor): void {
  const cleaned = text.slice(0, MAX_TEXT_LENGTH).replace(POSSESSIVE, '');
  let breakBefore = true;
  for (const [chunk] of cleaned.matchAll(CHUNK)) {
    if (CLAUSE_MARK.test(chunk)) {
      breakBefore = true;
      continue;
    }
    visit(HYPHEN.test(chunk) ? chunk.split(HYPHEN) : [chunk], breakBefore);
    breakBefore = false;
  }
}
