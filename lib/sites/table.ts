import type { PaperRef } from '../paper/ref';
import { parseHttpUrl } from '../url';
import type { ListingEntry, SiteDescriptor } from './types';

/**
 * What the rest of PaperPulse asks of a set of site descriptors. lib/sites/index.ts builds it from
 * every site; each content script builds it from the sites it runs on only (entrypoints/
 * arxiv.content carries arXiv's descriptor and no other), so that a paper page parses and compiles
 * no other site's code.
 */
export interface SiteTable {
  readonly sites: readonly SiteDescriptor[];
  siteOfHost(hostname: string): SiteDescriptor | undefined;
  contentScriptMatches(): string[];
  detectPaper(url: string, doc?: Document): PaperRef | null;
  listingSite(url: string): SiteDescriptor | undefined;
  listingEntries(url: string, doc: Document): ListingEntry[];
  findTitleAnchor(doc: Document, siteId: string): Element | null;
  navigatesInPage(hostname: string): boolean;
}

/** Longer URLs are not pages PaperPulse knows; the cap bounds the detectors' work on hostile input. */
const parseWebUrl = (url: string) =>
  typeof url === 'string' && url.length <= 4096 ? parseHttpUrl(url) : null;

export function siteTable(sites: readonly SiteDescriptor[]): SiteTable {
  /** A Map, so that a host named `constructor` finds nothing. */
  const byHost = new Map(sites.flatMap((site) => site.hosts.map((host) => [host, site] as const)));

  /** The descriptor of a known host (a trailing dot, as in `arxiv.org.`, is the same host). */
  const siteOfHost = (hostname: string) => byHost.get(hostname.replace(/\.$/, ''));

  /** The listing a URL shows (arXiv's /list, Hugging Face's daily lists), or undefined. */
  const listingSite = (url: string) => {
    const parsed = parseWebUrl(url);
    const site = parsed && siteOfHost(parsed.hostname);
    return parsed && site?.listing?.matches(parsed) ? site : undefined;
  };

  return {
    sites,
    siteOfHost,
    /** Where the content script runs: every known host (no `<all_urls>`), limited to a site's paths. */
    contentScriptMatches: () =>
      sites.flatMap((site) =>
        site.hosts.flatMap((host) => (site.paths ?? ['/']).map((path) => `https://${host}${path}*`)),
      ),
    /**
     * The paper a page of a known site shows, from its URL and (when given) its document; null for
     * anything else. The site's descriptor has the last word on its pages (a listing page there is
     * not a paper, whatever its tags say). Pages of other sites are read by `detectOnAnyPage`
     * (./page/any-page.ts). Pure and cheap: the URL decides first, so non-paper pages return
     * before the DOM is touched. Never throws.
     */
    detectPaper(url, doc) {
      const parsed = parseWebUrl(url);
      if (!parsed) return null;
      try {
        return siteOfHost(parsed.hostname)?.detect(parsed, doc) ?? null;
      } catch {
        return null;
      }
    },
    listingSite,
    /** Every paper entry of a listing page, in page order; a paper linked twice is kept once. */
    listingEntries(url, doc) {
      const entries = listingSite(url)?.listing?.entries(doc) ?? [];
      const seen = new Set<string>();
      return entries.filter((entry) => !seen.has(entry.arxivId) && !!seen.add(entry.arxivId));
    },
    /** Where a paper's card goes: the first of its site's title selectors that matches. */
    findTitleAnchor(doc, siteId) {
      const selectors = sites.find((site) => site.id === siteId)?.titleSelectors ?? ['h1'];
      for (const selector of selectors) {
        const element = doc.querySelector(selector);
        if (element) return element;
      }
      return null;
    },
    /** Does the site swap papers without a page load (so the content script watches its URL)? */
    navigatesInPage: (hostname) => !!siteOfHost(hostname)?.navigatesInPage,
  };
}
