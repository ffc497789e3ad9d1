import { LIMITS } from '../limits';
import { squashWhitespace } from '../text';

/**
 * "ml, Vision ,, ML" → ["ml", "Vision"]: trimmed, empty ones dropped, and of tags that differ only
 * in case the first spelling kept (two chips "ML" and "ml" would filter apart for no reason).
 */
export function parseTags(input: string): string[] {
  const byFolded = new Map<string, string>();
  for (const part of input.split(',')) {
    const tag = squashWhitespace(part).slice(0, LIMITS.tagLength).trim();
    const folded = tag.toLocaleLowerCase();
    if (tag && !byFolded.has(folded)) byFolded.set(folded, tag);
  }
  return [...byFolded.values()].slice(0, LIMITS.tags);
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}

export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, index) => tag === b[index]);
}
