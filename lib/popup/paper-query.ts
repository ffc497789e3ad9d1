import { parseArxivId } from '../paper/arxiv-id';
import { arxivIdInDoi, normaliseDoi } from '../paper/doi';
import { doiKey } from '../paper/key';
import type { PaperRef } from '../paper/ref';
import { detectPaper } from '../sites';

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
    const arxivDoi = arxivIdInDoi(doi);
    const id = arxivDoi ? parseArxivId(arxivDoi) : null;
    if (id) return detectPaper(`https://arxiv.org/abs/${id.id}`);
    return { key: doiKey(doi), site: 'meta', doi, absUrl: `https://doi.org/${doi}` };
  }
  if (/^https?:\/\//i.test(text)) return detectPaper(text);
  return null;
}
