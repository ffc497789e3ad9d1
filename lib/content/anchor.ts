import type { Site } from '../paper/ref';

/** Where the card goes on each site: right after the paper's title. */
const TITLE_SELECTORS: Partial<Record<Site, string>> = {
  arxiv: 'h1.title, .ltx_title_document, h1',
  alphaxiv: 'h1',
  huggingface: 'h1',
  openreview: '.forum-title h2, .note h2.citation_title, h2',
  acl: '#title, h2#title, h2',
  biorxiv: 'h1#page-title, h1.highwire-cite-title, h1',
  medrxiv: 'h1#page-title, h1.highwire-cite-title, h1',
  semanticscholar: 'h1[data-test-id="paper-detail-title"], h1',
  pmlr: 'h1',
  neurips: 'h4, h2, h1',
  cvf: '#papertitle, dd#papertitle, h1',
};

/** The first selector that matches wins (a selector list would return the first match in page order). */
export function findTitleAnchor(doc: Document, site: Site): Element | null {
  for (const selector of (TITLE_SELECTORS[site] ?? 'h1').split(', ')) {
    const element = doc.querySelector(selector);
    if (element) return element;
  }
  return null;
}
