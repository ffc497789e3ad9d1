import type { PaperRef } from '../paper/ref';
import { describePage } from './meta-tags';

/** `/{id}/` or `/{id}.pdf`; ids are `P19-1001` (old) or `2020.acl-main.405` (new). */
const PAPER_PATH = /^\/(?:([a-z]\d\d-\d{4})|(\d{4}\.[a-z\d-]+\.\d+))(?:\.pdf)?\/*$/i;

/** aclanthology.org papers; `/events/`, `/volumes/`, `/people/` are not papers. */
export function detectAcl(url: URL, doc?: Document): PaperRef | null {
  const path = PAPER_PATH.exec(url.pathname);
  if (!path) return null;
  // The Anthology writes old ids with a capital letter and new ids in lower case.
  const id = path[1] ? path[1].toUpperCase() : path[2]!.toLowerCase();
  const ref: PaperRef = {
    key: `acl:${id}`,
    site: 'acl',
    absUrl: `https://aclanthology.org/${id}/`,
    pdfUrl: `https://aclanthology.org/${id}.pdf`,
  };
  return describePage(ref, doc);
}
