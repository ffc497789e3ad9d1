import { arxivRef, parseArxivId, type ArxivId } from '../../paper/arxiv-id';
import type { PaperRef, Site } from '../../paper/ref';
import { describePage, firstTag, type MetaTags } from './meta-tags';

/** Tags naming another arXiv id than the URL are stale (or lie): then only the URL counts. */
export function sameArxivPaper(id: string): (tags: MetaTags) => boolean {
  return (tags) => {
    const named = firstTag(tags, 'citation_arxiv_id');
    return !named || parseArxivId(named)?.id === id;
  };
}

/** The arXiv paper `id` shown on `site` (arXiv, alphaXiv, Hugging Face), described by `doc` when given. */
export function arxivPaper(
  id: ArxivId | null,
  site: Site,
  doc: Document | undefined,
  title: (doc: Document, tags: MetaTags) => string | undefined,
): PaperRef | null {
  if (!id) return null;
  return describePage(arxivRef(id, site), doc, { title, samePaper: sameArxivPaper(id.id) });
}
