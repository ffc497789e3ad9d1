import { describePage } from './page/meta-tags';
import type { SiteDescriptor } from './types';

/** `/{id}/` or `/{id}.pdf`; ids are `P19-1001` (old) or `2020.acl-main.405` (new). */
const PAPER_PATH = /^\/(?:([a-z]\d\d-\d{4})|(\d{4}\.[a-z\d-]+\.\d+))(?:\.pdf)?\/*$/i;

/** aclanthology.org papers; `/events/`, `/volumes/`, `/people/` are not papers. */
export const site: SiteDescriptor = {
  id: 'acl',
  name: 'ACL Anthology',
  hosts: ['aclanthology.org', 'www.aclanthology.org'],
  detect(url, doc) {
    const path = PAPER_PATH.exec(url.pathname);
    if (!path) return null;
    // The Anthology writes old ids with a capital letter and new ids in lower case.
    const id = path[1] ? path[1].toUpperCase() : path[2]!.toLowerCase();
    return describePage(
      {
        key: `acl:${id}`,
        site: 'acl',
        absUrl: `https://aclanthology.org/${id}/`,
        pdfUrl: `https://aclanthology.org/${id}.pdf`,
      },
      doc,
    );
  },
  titleSelectors: ['#title', 'h2#title', 'h2'],
};
