import type { PaperRef } from '../paper/ref';
import { describePage, firstTag } from './meta-tags';

/** `/paper/{slug}/{hex}`, `/paper/{hex}`, `/reader/{hex}`. */
const PAPER_PATH = /^\/(?:paper\/(?:[^/]+\/)?|reader\/)([\da-f]{40})\/*$/i;

/** Semantic Scholar papers, keyed by the 40-hex corpus paper id. */
export function detectSemanticScholar(url: URL, doc?: Document): PaperRef | null {
  const path = PAPER_PATH.exec(url.pathname);
  if (!path) return null;
  const id = path[1]!.toLowerCase();
  const ref: PaperRef = {
    key: `s2:${id}`,
    site: 'semanticscholar',
    absUrl: `https://www.semanticscholar.org/paper/${id}`,
  };
  // A single-page app: the tags may still describe the paper viewed before.
  return describePage(ref, doc, {
    samePaper: (tags) => {
      const pageUrl = firstTag(tags, 'og:url');
      return !pageUrl || pageUrl.toLowerCase().includes(id);
    },
  });
}
