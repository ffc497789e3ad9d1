/** Limits of the bookmark schema (lib/records.ts), so that an edited row stays a valid row. */
const MAX_TAG_LENGTH = 100;
const MAX_TAGS = 100;

/**
 * "ml, Vision ,, ML" → ["ml", "Vision"]: trimmed, empty ones dropped, and of tags that differ only
 * in case the first spelling kept (two chips "ML" and "ml" would filter apart for no reason).
 */
export function parseTags(input: string): string[] {
  const byFolded = new Map<string, string>();
  for (const part of input.split(',')) {
    const tag = part.trim().replace(/\s+/g, ' ').slice(0, MAX_TAG_LENGTH).trim();
    const folded = tag.toLocaleLowerCase();
    if (tag && !byFolded.has(folded)) byFolded.set(folded, tag);
  }
  return [...byFolded.values()].slice(0, MAX_TAGS);
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}

export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, index) => tag === b[index]);
}
