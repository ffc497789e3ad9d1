import { PAGE_LIMITS } from '../limits';
import { parseArxivId } from '../paper/arxiv-id';
import { clean } from '../text';
import { arxivPaper } from './page/arxiv-family';
import { firstTag, textOf } from './page/meta-tags';
import type { ListingEntry, SiteDescriptor } from './types';

/** `/papers/{arxiv id}` only; `/papers`, `/papers/date/…`, `/papers/trending` etc. are lists. */
const PAPER_PATH = /^\/papers\/(\d{4}\.\d{4,5}(?:v\d+)?)\/*$/;
/** Daily, weekly and monthly lists, and trending. */
const LISTING_PATH = /^\/papers(\/(date|week|month)\/[^/]+|\/trending)?\/?$/;

interface EmbeddedPaper {
  id?: unknown;
  title?: unknown;
  authors?: unknown;
}

/** The page's own data: `div[data-target="PaperContent"][data-props]` holds `{ paper: {…} }` as JSON. */
function embeddedPaper(doc: Document, id: string): EmbeddedPaper | undefined {
  const json = doc.querySelector('div[data-target="PaperContent"][data-props]')?.getAttribute('data-props');
  if (!json) return undefined;
  try {
    const paper = (JSON.parse(json) as { paper?: EmbeddedPaper } | null)?.paper;
    return paper?.id === id ? paper : undefined;
  } catch {
    return undefined;
  }
}

function authorNames(authors: unknown): string[] {
  if (!Array.isArray(authors)) return [];
  const names: string[] = [];
  for (const author of authors.slice(0, PAGE_LIMITS.authors) as { name?: unknown; hidden?: unknown }[]) {
    const name =
      typeof author?.name === 'string' && !author.hidden
        ? clean(author.name, PAGE_LIMITS.authorLength)
        : undefined;
    if (name) names.push(name);
  }
  return names;
}

function listingEntries(doc: Document): ListingEntry[] {
  const entries: ListingEntry[] = [];
  // Class names change often; the card's heading link does not.
  for (const link of doc.querySelectorAll<HTMLAnchorElement>('article h3 a[href^="/papers/"]')) {
    const parsed = parseArxivId(link.getAttribute('href')!.slice('/papers/'.length));
    if (parsed) entries.push({ arxivId: parsed.id, title: clean(link.textContent), anchor: link });
  }
  return entries;
}

/** huggingface.co/papers/{id}: an arXiv paper; title and authors come from the page's embedded data. */
export const site: SiteDescriptor = {
  id: 'huggingface',
  name: 'Hugging Face papers',
  hosts: ['huggingface.co'],
  // Models, datasets and Spaces are not papers: the content script stays out of them.
  paths: ['/papers'],
  detect(url, doc) {
    const path = PAPER_PATH.exec(url.pathname);
    const id = path && parseArxivId(path[1]!);
    if (!id) return null;
    const paper = doc && embeddedPaper(doc, id.id);
    const ref = arxivPaper(
      id,
      'huggingface',
      doc,
      (page, tags) =>
        (typeof paper?.title === 'string' ? clean(paper.title) : undefined) ??
        textOf(page, 'h1') ??
        firstTag(tags, 'og:title')?.replace(/^Paper page - /, ''),
    );
    const authors = authorNames(paper?.authors);
    if (ref && !ref.authors && authors.length) ref.authors = authors;
    return ref;
  },
  titleSelectors: ['h1'],
  listing: { matches: (url) => LISTING_PATH.test(url.pathname), entries: listingEntries },
  navigatesInPage: true,
  preprints: true,
};
