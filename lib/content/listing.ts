import { parseArxivId } from '../sites';
import { clean } from '../sites/meta-tags';

/** One paper on a listing page, with the element its chip goes after. */
export interface ListingEntry {
  arxivId: string;
  title?: string;
  authors?: string[];
  anchor: Element;
}

/** arXiv `/list/…` and `/catchup`; Hugging Face paper lists (daily, weekly, monthly, trending). */
export function isListingUrl(url: URL): boolean {
  if (/^(www\.|export\.)?arxiv\.org$/.test(url.hostname)) return /^\/(list|catchup)(\/|$)/.test(url.pathname);
  if (url.hostname === 'huggingface.co') {
    return /^\/papers(\/(date|week|month)\/[^/]+|\/trending)?\/?$/.test(url.pathname);
  }
  return false;
}

function arxivEntries(doc: Document): ListingEntry[] {
  const entries: ListingEntry[] = [];
  for (const link of doc.querySelectorAll<HTMLAnchorElement>('dl dt a[href*="/abs/"]')) {
    const parsed = parseArxivId(link.getAttribute('href')!.replace(/^.*\/abs\//, ''));
    if (!parsed) continue;
    const meta = link.closest('dt')?.nextElementSibling;
    const title = clean(meta?.querySelector('.list-title')?.textContent)?.replace(/^Title:\s*/, '');
    const authors = [...(meta?.querySelectorAll('.list-authors a') ?? [])].map(
      (a) => clean(a.textContent) ?? '',
    );
    entries.push({ arxivId: parsed.id, title, authors: authors.filter(Boolean), anchor: link });
  }
  return entries;
}

function huggingFaceEntries(doc: Document): ListingEntry[] {
  const entries: ListingEntry[] = [];
  for (const link of doc.querySelectorAll<HTMLAnchorElement>('article h3 a[href^="/papers/"]')) {
    const parsed = parseArxivId(link.getAttribute('href')!.slice('/papers/'.length));
    if (parsed) entries.push({ arxivId: parsed.id, title: clean(link.textContent), anchor: link });
  }
  return entries;
}

/** Every paper entry on a listing page, in one pass; duplicates (a paper linked twice) kept once. */
export function listingEntries(url: URL, doc: Document): ListingEntry[] {
  const all = url.hostname === 'huggingface.co' ? huggingFaceEntries(doc) : arxivEntries(doc);
  const seen = new Set<string>();
  return all.filter((entry) => !seen.has(entry.arxivId) && !!seen.add(entry.arxivId));
}
