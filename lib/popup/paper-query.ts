import { detectPaper, parseArxivId } from '../sites';
import { normaliseDoi } from '../sites/meta-tags';
import type { PaperRef } from '../paper/ref';

const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;

/**
 * Reads a pasted arXiv id, DOI or paper URL as a paper reference (null for ordinary search text).
 * arXiv's own DOIs (10.48550/arXiv.…) resolve to the arXiv paper.
 */
export function parsePaperQuery(input: string): PaperRef | null {
  const text = input.trim();
  if (!text || text.length > 2000) return null;
  const arxiv = parseArxivId(text);
  if (arxiv)
    return detectPaper(`https://arxiv.org/abs/${arxiv.id}${arxiv.version ? `v${arxiv.version}` : ''}`);
  const doi = normaliseDoi(text);
  if (doi) {
    const arxivDoi = ARXIV_DOI.exec(doi)?.[1];
    const id = arxivDoi ? parseArxivId(arxivDoi) : null;
    if (id) return detectPaper(`https://arxiv.org/abs/${id.id}`);
    return { key: `doi:${doi}`, site: 'meta', doi, absUrl: `https://doi.org/${doi}` };
  }
  if (/^https?:\/\//i.test(text)) return detectPaper(text);
  return null;
}
