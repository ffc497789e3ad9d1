import { describePage, firstTag } from './page/meta-tags';
import type { SiteDescriptor } from './types';

/** `/paper/{slug}/{hex}`, `/paper/{hex}`, `/reader/{hex}`. */
const PAPER_PATH = /^\/(?:paper\/(?:[^/]+\/)?|reader\/)([\da-f]{40})\/*$/i;

/** Semantic Scholar papers, keyed by the 40-hex corpus paper id. */
export const site: SiteDescriptor = {
  id: 'semanticscholar',
  name: 'Semantic Scholar',
  hosts: ['www.semanticscholar.org', 'semanticscholar.org'],
  detect(url, doc) {
    const path = PAPER_PATH.exec(url.pathname);
    if (!path) return null;
    const id = path[1]!.toLowerCase();
    // A single-page app: the tags may still describe the paper viewed before.
    return describePage(
      { key: `s2:${id}`, site: 'semanticscholar', absUrl: `https://www.semanticscholar.org/paper/${id}` },
      doc,
      {
        samePaper: (tags) => {
          const pageUrl = firstTag(tags, 'og:url');
          return !pageUrl || pageUrl.toLowerCase().includes(id);
        },
      },
    );
  },
  titleSelectors: ['h1[data-test-id="paper-detail-title"]', 'h1'],
  navigatesInPage: true,
};
