/**
 * Paper keys: `arxiv:2410.17243`, `doi:10.1101/…`, `openreview:<note id>`… (see lib/paper/ref.ts).
 * Built and taken apart only here.
 */

const ARXIV_PREFIX = 'arxiv:';

export function arxivKey(arxivId: string): string {
  return `${ARXIV_PREFIX}${arxivId}`;
}

/** The arXiv id of an `arxiv:` key; undefined for other keys. */
export function arxivIdOfKey(key: string): string | undefined {
  return key.startsWith(ARXIV_PREFIX) ? key.slice(ARXIV_PREFIX.length) : undefined;
}

export function doiKey(doi: string): string {
  return `doi:${doi}`;
}
