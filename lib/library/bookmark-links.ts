import type { Bookmark } from '../storage/records';
import { huggingFacePaperUrl, isHttpUrl } from '../url';

/**
 * Where a bookmark's title leads: its abstract page, else its Hugging Face page. Imported rows can
 * hold any string, so only http(s) URLs are ever linked.
 */
export function bookmarkUrl(bookmark: Bookmark): string | undefined {
  if (isHttpUrl(bookmark.absUrl)) return bookmark.absUrl;
  return bookmark.arxivId ? huggingFacePaperUrl(bookmark.arxivId) : undefined;
}

export interface BookmarkLink {
  label: string;
  href: string;
}

/** The links of an expanded row: abstract, PDF when known, and the Hugging Face page of arXiv papers. */
export function bookmarkLinks(bookmark: Bookmark): BookmarkLink[] {
  const links: BookmarkLink[] = [];
  if (isHttpUrl(bookmark.absUrl)) links.push({ label: 'Abstract', href: bookmark.absUrl });
  if (isHttpUrl(bookmark.pdfUrl)) links.push({ label: 'PDF', href: bookmark.pdfUrl });
  if (bookmark.arxivId) links.push({ label: 'Hugging Face', href: huggingFacePaperUrl(bookmark.arxivId) });
  return links;
}
