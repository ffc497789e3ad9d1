/** DOIs: the one place their shape is written down. */

const DOI = /^10\.\d{4,9}\/\S+$/;
const DOI_PREFIX = /^(?:doi:\s*|info:doi\/|https?:\/\/(?:dx\.)?doi\.org\/)/i;
/** arXiv registers `10.48550/arXiv.{id}` for every paper (SOURCES.md). */
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;
export const MAX_DOI_LENGTH = 300;

/** `10.1234/ABC`, `doi:10.1234/abc`, `https://doi.org/10.1234/abc` → `10.1234/abc`; else undefined. */
export function normaliseDoi(value: string): string | undefined {
  const doi = value.trim().replace(DOI_PREFIX, '').toLowerCase();
  return DOI.test(doi) && doi.length <= MAX_DOI_LENGTH ? doi : undefined;
}

/** The arXiv DOI of an arXiv id (lower-cased, as normaliseDoi writes DOIs). */
export function arxivDoi(arxivId: string): string {
  return `10.48550/arxiv.${arxivId}`;
}

/** The id part of an arXiv DOI (`10.48550/arXiv.2410.17243` → `2410.17243`, unvalidated), else undefined. */
export function arxivIdInDoi(doi: string): string | undefined {
  return ARXIV_DOI.exec(doi)?.[1];
}
