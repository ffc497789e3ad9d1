import type { PaperRef } from '../paper/ref';
import type { SiteTable } from '../sites/table';
import { mountListingChips } from './listing-chips';
import { mountPaperCard } from './paper-card';

export interface AnnotationContext {
  /**
   * Registers a listener for in-app navigation (WXT's `wxt:locationchange`), called with the new URL.
   * It can fire before `location` changes (the Navigation API's `navigate` event), hence the argument.
   */
  onLocationChange(listener: (newUrl: string) => void): void;
  isValid: boolean;
}

/** How a page's paper is found: known sites by their descriptors, or any page's citation tags. */
export type PageDetector = (url: string, doc: Document) => PaperRef | null;

/** The sites a content script runs on, and how it finds a page's paper (the sites' detector unless told). */
export interface Pages {
  sites: SiteTable;
  detect: PageDetector;
}

/**
 * Annotates whatever the current URL is: a paper page gets its card, a listing page its chips,
 * anything else nothing (decided from the URL before the DOM is read).
 */
function annotate(href: string, doc: Document, pages: Pages): (() => void) | undefined {
  if (pages.sites.listingSite(href)) return mountListingChips(doc, pages.sites.listingEntries(href, doc));
  const ref = pages.detect(href, doc);
  return ref ? mountPaperCard(doc, ref, pages) : undefined;
}

/**
 * Is the title the card goes after parsed already? Asked each time the parser has added to the
 * page, so it only looks for the title: the paper is read once, when the card goes in.
 */
function titleParsed(doc: Document, { sites }: Pages): boolean {
  const site = sites.siteOfHost(location.hostname);
  return !!site && !!sites.findTitleAnchor(doc, site.id)?.nextSibling;
}

/**
 * Starts annotating; returns the function that takes everything off the page again. The script
 * runs at document_start, so that a page whose markup has its paper (arXiv and the other
 * server-rendered sites) gets its card or chips the moment it is parsed (DOMContentLoaded), before
 * its first layout: inserted any later, they would make the browser lay the whole page out again,
 * which costs more than all of this script. Apps that draw their paper with scripts are read once
 * they have loaded (what document_idle waited for).
 */
export function startAnnotation(
  ctx: AnnotationContext,
  sites: SiteTable,
  detect: PageDetector = sites.detectPaper,
  doc: Document = document,
): () => void {
  const pages: Pages = { sites, detect };
  let unmount: (() => void) | undefined;
  let started = false;
  const first = () => {
    if (started || !ctx.isValid) return;
    started = true;
    unmount = annotate(location.href, doc, pages);
  };
  const stop = () => {
    started = true;
    unmount?.();
    unmount = undefined;
  };
  const app = sites.navigatesInPage(location.hostname);
  if (app) {
    if (doc.readyState == 'complete') first();
    else addEventListener('load', first, { once: true });
  } else {
    // As the parser adds to the page: as soon as the paper's title is all there, the card goes in,
    // ahead of the page's first layout. (Not before each frame: asking for frames while the page
    // is parsed makes the browser lay out every part parsed so far.) Listings wait for the list.
    if (doc.readyState != 'loading') first();
    else {
      const parsed = new MutationObserver(() => {
        if (titleParsed(doc, pages)) first();
        if (started) parsed.disconnect();
      });
      if (!sites.listingSite(location.href)) parsed.observe(doc, { childList: true, subtree: true });
      addEventListener('DOMContentLoaded', () => (parsed.disconnect(), first()), { once: true });
    }
  }
  if (!app) return stop;
  let shown = location.href;
  ctx.onLocationChange((newUrl) => {
    if (!ctx.isValid || newUrl === shown) return;
    shown = newUrl;
    started = true;
    unmount?.();
    unmount = undefined;
    // The app renders the new paper after the URL changes; give it a moment so the title is there.
    setTimeout(() => {
      if (ctx.isValid && shown === newUrl && location.href === newUrl) unmount = annotate(newUrl, doc, pages);
    }, 300);
  });
  return stop;
}

/** What `annotateWith` needs of the context WXT hands a content script's `main`. */
export interface ScriptContext {
  readonly isValid: boolean;
  addEventListener(
    target: Window,
    type: 'wxt:locationchange',
    listener: (event: { newUrl: URL }) => void,
  ): void;
  onInvalidated(callback: () => void): unknown;
}

/**
 * A content script's `main`: annotates the page, following in-app navigation, and takes it all off
 * when the extension is updated or reloaded (this copy is orphaned; the new copy mounts its own).
 */
export function annotateWith(ctx: ScriptContext, sites: SiteTable, detect?: PageDetector): void {
  const stop = startAnnotation(
    {
      onLocationChange: (listener) =>
        ctx.addEventListener(window, 'wxt:locationchange', (event) => listener(event.newUrl.href)),
      get isValid() {
        return ctx.isValid;
      },
    },
    sites,
    detect,
  );
  ctx.onInvalidated(stop);
}
