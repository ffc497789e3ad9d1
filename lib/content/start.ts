import type { PaperRef } from '../paper/ref';
import { detectPaper, listingEntries, listingSite, navigatesInPage } from '../sites';
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

/**
 * Annotates whatever the current URL is: a paper page gets its card, a listing page its chips,
 * anything else nothing (decided from the URL before the DOM is read).
 */
/** How a page's paper is found: known sites by their descriptors, or any page's citation tags. */
export type PageDetector = (url: string, doc: Document) => PaperRef | null;

function annotate(href: string, doc: Document, detect: PageDetector): (() => void) | undefined {
  if (listingSite(href)) {
    let unmount: (() => void) | undefined;
    let cancelled = false;
    void mountListingChips(doc, listingEntries(href, doc))
      .then((fn) => (cancelled ? fn() : (unmount = fn)))
      .catch(() => undefined);
    return () => {
      cancelled = true;
      unmount?.();
    };
  }
  const ref = detect(href, doc);
  return ref ? mountPaperCard(doc, ref, detect) : undefined;
}

/** Starts annotating; returns the function that takes everything off the page again. */
export function startAnnotation(
  ctx: AnnotationContext,
  doc: Document = document,
  detect: PageDetector = detectPaper,
): () => void {
  let unmount = annotate(location.href, doc, detect);
  const stop = () => {
    unmount?.();
    unmount = undefined;
  };
  if (!navigatesInPage(location.hostname)) return stop;
  let shown = location.href;
  ctx.onLocationChange((newUrl) => {
    if (!ctx.isValid || newUrl === shown) return;
    shown = newUrl;
    unmount?.();
    unmount = undefined;
    // The app renders the new paper after the URL changes; give it a moment so the title is there.
    setTimeout(() => {
      if (ctx.isValid && shown === newUrl && location.href === newUrl)
        unmount = annotate(newUrl, doc, detect);
    }, 300);
  });
  return stop;
}
