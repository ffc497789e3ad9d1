import type { PaperRef } from '../paper/ref';

/** One paper on a listing page, with the element its chip goes after. */
export interface ListingEntry {
  arxivId: string;
  title?: string;
  authors?: string[];
  anchor: Element;
}

/**
 * Everything PaperPulse knows about one site, in one file (lib/sites/<site>.ts exports it as
 * `site`). The content script's matches, the detector table, where the card goes, the listings
 * and the options page's "Annotate pages on" list are all derived from these (lib/sites/index.ts).
 */
export interface SiteDescriptor {
  /** The `site` of the papers it finds, and its key in settings. */
  id: string;
  /** How the options page names it. */
  name: string;
  /** Hosts the content script runs on and the detector answers for. */
  hosts: readonly string[];
  /** Path prefixes the content script is limited to; every path when absent. */
  paths?: readonly string[];
  /** Pure: the paper a URL (and, when given, its document) shows, or null. Never throws. */
  detect(url: URL, doc?: Document): PaperRef | null;
  /** Where the card goes: right after the first of these that matches, in this order. */
  titleSelectors: readonly string[];
  /** Pages listing many arXiv papers (arXiv's /list, Hugging Face's daily lists). */
  listing?: {
    matches(url: URL): boolean;
    /** Every entry, in page order (duplicates are dropped by the caller). */
    entries(doc: Document): ListingEntry[];
  };
  /** The site swaps papers without a page load (a single-page app): its URL is watched. */
  navigatesInPage?: boolean;
  /** A preprint server (exports call its papers preprints). */
  preprints?: boolean;
}
