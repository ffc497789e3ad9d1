import { PAGE_LIMITS } from '../../limits';
import { arxivRef, parseArxivId } from '../../paper/arxiv-id';
import { arxivIdInDoi } from '../../paper/doi';
import { doiKey } from '../../paper/key';
import type { PaperRef } from '../../paper/ref';
import { isHttpUrl } from '../../url';
import { describePage, firstTag, pageDois, readMetaTags } from './meta-tags';

/**
 * Any other page, from its Highwire `citation_*`, PRISM and Dublin Core tags. It claims a page only when
 * the page names exactly one paper: a title and one distinct DOI (or, without a DOI, one arXiv id).
 * DOIs in links are never read: reference lists are full of them.
 */
export function detectCitation(url: URL, doc: Document): PaperRef | null {
  const tags = readMetaTags(doc);
  if (!firstTag(tags, 'citation_title', 'dc.title')) return null;
  const dois = pageDois(tags);
  if (dois.size > 1) return null;
  const [doi] = dois;
  const arxiv = parseArxivId(
    (doi && arxivIdInDoi(doi)) || (!doi && firstTag(tags, 'citation_arxiv_id')) || '',
  );
  let ref: PaperRef;
  if (arxiv) ref = arxivRef(arxiv, 'meta');
  else if (doi) {
    ref = { key: doiKey(doi), site: 'meta', doi };
    const page = `${url.origin}${url.pathname}${url.search}`;
    if (isHttpUrl(page) && page.length <= PAGE_LIMITS.urlLength) ref.absUrl = page;
  } else return null;
  return describePage(ref, doc, {}, tags);
}
