import { describePage, firstTag } from './page/meta-tags';
import type { SiteDescriptor } from './types';

const NOTE_ID = /^[\w-]{4,40}$/;

/** openreview.net `/forum?id=…` and `/pdf?id=…` (other parameters such as noteId are replies, not papers). */
export const site: SiteDescriptor = {
  id: 'openreview',
  name: 'OpenReview',
  hosts: ['openreview.net', 'www.openreview.net'],
  detect(url, doc) {
    if (url.pathname !== '/forum' && url.pathname !== '/pdf') return null;
    const id = url.searchParams.get('id');
    if (!id || !NOTE_ID.test(id)) return null;
    // A single-page app: after in-app navigation the tags may still describe the previous note.
    return describePage(
      {
        key: `openreview:${id}`,
        site: 'openreview',
        absUrl: `https://openreview.net/forum?id=${id}`,
        pdfUrl: `https://openreview.net/pdf?id=${id}`,
      },
      doc,
      {
        samePaper: (tags) => {
          const pdf = firstTag(tags, 'citation_pdf_url');
          return !pdf || /[?&]id=([^&#]*)/.exec(pdf)?.[1] === id;
        },
      },
    );
  },
  titleSelectors: ['.forum-title h2', '.note h2.citation_title', 'h2'],
  navigatesInPage: true,
};
