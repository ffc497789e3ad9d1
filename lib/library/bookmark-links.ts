import type { Bookmark } from '../storage/records';
import { huggingFacePaperUrl, isHttpUrl } from '../url';
import { t } from '../i18n';

/**
 * Where a bookmark's title leads: its abstract page, else its Hugging Face page. Imported rows can
 * hold any string, so only http(s) URLs are ever linked. A backup's `arxivId` can be any text: one
 * with a lone surrogate made the URL encoder throw (URIError), which took the whole Bookmarks tab
 * down (tests/e2e/import-hostile.spec.ts), so such an id gets no link.
 */
function huggingFaceUrl({ arxivId }: Bookmark): string | undefined {
  return arxivId?.isWellFormed() ? huggingFacePaperUrl(arxivId) : undefined;
}

export function bookmarkUrl(bookmark: Bookmark): string | undefined {
  if (isHttpUrl(bookmark.absUrl)) return bookmark.absUrl;
  return huggingFaceUrl(bookmark);
}

export interface BookmarkLink {
  label: string;
  href: string;
}

/** The links of an expanded row: abstract, PDF when known, and the Hugging Face page of arXiv papers. */
export function bookmarkLinks(bookmark: Bookmark): BookmarkLink[] {
  const links: BookmarkLink[] = [];
  if (isHttpUrl(bookmark.absUrl)) links.push({ label: t('linkAbstract'), href: bookmark.absUrl });
  if (isHttpUrl(bookmark.pdfUrl)) links.push({ label: 'PDF', href: bookmark.pdfUrl });
  const huggingFace = huggingFaceUrl(bookmark);
  if (huggingFace) links.push({ label: 'Hugging Face', href: huggingFace });
  return links;
}
