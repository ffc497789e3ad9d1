import type { PaperRef } from '../paper/ref';
import { parseHttpUrl } from '../url';
import type { ListingEntry, SiteDescriptor } from './types';

export type { ListingEntry, SiteDescriptor } from './types';

/**
 * Every site descriptor: each `lib/sites/<site>.ts` exports one as `site`, so adding a site is
 * adding its file (and its URL cases in tests/cases/paper-urls.ts). Vite resolves the glob at
 * build time, in file-name order.
 */
const modules = import.meta.glob<{ site: SiteDescriptor }>(['./*.ts', '!./index.ts', '!./types.ts'], {
  eager: true,
});
export const SITE_DESCRIPTORS: readonly SiteDescriptor[] = Object.values(modules).map(
  (module) => module.site,
);

/** A Map, so that a host named `constructor` finds nothing. */
const BY_HOST = new Map(SITE_DESCRIPTORS.flatMap((site) => site.hosts.map((host) => [host, site] as const)));

/** The descriptor of a known host (a trailing dot, as in `arxiv.org.`, is the same host). */
export function siteOfHost(hostname: string): SiteDescriptor | undefined {
  return BY_HOST.get(hostname.replace(/\.$/, ''));
}

/** Where the content script runs: every known host (no `<all_urls>`), limited to a site's paths. */
export function contentScriptMatches(): string[] {
  return SITE_DESCRIPTORS.flatMap((site) =>
    site.hosts.flatMap((host) => (site.paths ?? ['/']).map((path) => `https://${host}${path}*`)),
  );
}

/** Longer URLs are not pages PaperPulse knows; the cap bounds the detectors' work on hostile input. */
const parseWebUrl = (url: string) =>
  typeof url === 'string' && url.length <= 4096 ? parseHttpUrl(url) : null;

/**
 * The paper a page of a known site shows, from its URL and (when given) its document; null for
 * anything else. The site's descriptor has the last word on its pages (a listing page there is
 * not a paper, whatever its tags say). Pages of other sites are read by `detectOnAnyPage`
 * (./page/any-page.ts), which the content script for known sites does not carry. Pure and cheap: the
 * URL decides first, so non-paper pages return before the DOM is touched. Never throws.
 */
export function detectPaper(url: string, doc?: Document): PaperRef | null {
  const parsed = parseWebUrl(url);
  if (!parsed) return null;
  try {
    return siteOfHost(parsed.hostname)?.detect(parsed, doc) ?? null;
  } catch {
    return null;
  }
}

/** The listing a URL shows (arXiv's /list, Hugging Face's daily lists), or undefined. */
export function listingSite(url: string): SiteDescriptor | undefined {
  const parsed = parseWebUrl(url);
  const site = parsed && siteOfHost(parsed.hostname);
  return parsed && site?.listing?.matches(parsed) ? site : undefined;
}

/** Every paper entry of a listing page, in page order; a paper linked twice is kept once. */
export function listingEntries(url: string, doc: Document): ListingEntry[] {
  const entries = listingSite(url)?.listing?.entries(doc) ?? [];
  const seen = new Set<string>();
  return entries.filter((entry) => !seen.has(entry.arxivId) && !!seen.add(entry.arxivId));
}

/** Where a paper's card goes: the first of its site's title selectors that matches. */
export function findTitleAnchor(doc: Document, siteId: string): Element | null {
  const selectors = SITE_DESCRIPTORS.find((site) => site.id === siteId)?.titleSelectors ?? ['h1'];
  for (const selector of selectors) {
    const element = doc.querySelector(selector);
    if (element) return element;
  }
  return null;
}

/** Does the site swap papers without a page load (so the content script watches its URL)? */
export function navigatesInPage(hostname: string): boolean {
  return !!siteOfHost(hostname)?.navigatesInPage;
}
