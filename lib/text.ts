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

/** The words of a search box's query, lower-cased; none for an empty query. */
export function queryWords(query: string): string[] {
  return query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * The "every word must match" filter of the popup's search boxes: true when each word occurs in
 * `haystack` (already lower-cased), so "chen diffusion" finds Chen's diffusion papers.
 */
export function containsEveryWord(haystack: string, words: readonly string[]): boolean {
  return words.every((word) => haystack.includes(word));
}
