import type { PaperRef } from '../paper/ref';
import { describePage, firstTag } from './meta-tags';

const NOTE_ID = /^[\w-]{4,40}$/;

/** openreview.net `/forum?id=…` and `/pdf?id=…` (other parameters such as noteId are replies, not papers). */
export function detectOpenReview(url: URL, doc?: Document): PaperRef | null {
  if (url.pathname !== '/forum' && url.pathname !== '/pdf') return null;
  const id = url.searchParams.get('id');
  if (!id || !NOTE_ID.test(id)) return null;
  const ref: PaperRef = {
    key: `openreview:${id}`,
    site: 'openreview',
    absUrl: `https://openreview.net/forum?id=${id}`,
    pdfUrl: `https://openreview.net/pdf?id=${id}`,
  };
  // A single-page app: after in-app navigation the tags may still describe the previous note.
  return describePage(ref, doc, {
    samePaper: (tags) => {
      const pdf = firstTag(tags, 'citation_pdf_url');
      return !pdf || /[?&]id=([^&#]*)/.exec(pdf)?.[1] === id;
    },
  });
}
