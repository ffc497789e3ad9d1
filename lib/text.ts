/**
 * Small text rules used across the extension, written once. No dependencies: the content script
 * imports this file.
 */

/** Collapses hard wraps and runs of white space ("…Scaling for\n  Contrastive Loss") and trims. */
export function squashWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whitespace-squashed text cut to `max` characters; undefined when nothing is left. */
export function clean(value: string | null | undefined, max = 1000): string | undefined {
  return value ? squashWhitespace(value).slice(0, max) || undefined : undefined;
}

/**
 * How search text is folded, on both sides of a search: lower case, the same in every locale (the
 * locale-aware `toLocaleLowerCase` costs half the first keystroke at 10,000 bookmarks, and a
 * query and the text it searches must be folded alike).
 */
export const foldCase = (text: string): string => text.toLowerCase();

/** The words of a search box's query, lower-cased; none for an empty query. */
export function queryWords(query: string): string[] {
  return foldCase(query).split(/\s+/).filter(Boolean);
}

/**
 * The "every word must match" filter of the popup's search boxes: true when each word occurs in
 * `haystack` (already lower-cased), so "chen diffusion" finds Chen's diffusion papers.
 */
export function containsEveryWord(haystack: string, words: readonly string[]): boolean {
  return words.every((word) => haystack.includes(word));
}

const CAPITALISED_WORD = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?![\p{L}\p{N}])/gu;

/**
 * How to show a term or topic: its commonest spelling, where a capitalised word ("Diffusion Models"
 * in a title) counts as lowercase and an acronym keeps its case ("SSMs", "LLM"). Ties go to
 * lowercase, then to code-unit order, so the label is the same on every run.
 */
export function commonestSpelling(spellings: ReadonlyMap<string, number>): string {
  const counts = new Map<string, number>();
  for (const [spelling, count] of spellings) {
    const shown = spelling.replace(CAPITALISED_WORD, (word) => word.toLowerCase());
    counts.set(shown, (counts.get(shown) ?? 0) + count);
  }
  let best = '';
  let bestCount = 0;
  for (const [shown, count] of counts) {
    if (bestCount === 0 || isPreferred(shown, count, best, bestCount)) {
      best = shown;
      bestCount = count;
    }
  }
  return best;
}

function isPreferred(a: string, aCount: number, b: string, bCount: number): boolean {
  if (aCount !== bCount) return aCount > bCount;
  const aLower = a === a.toLowerCase();
  if (aLower !== (b === b.toLowerCase())) return aLower;
  return a < b;
}
