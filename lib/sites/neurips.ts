import type { PaperRef } from '../paper/ref';
import { describePage } from './meta-tags';

/**
 * `/paper/{year}/hash/{hash}-Abstract.html`, `/paper/{year}/file/{hash}-Paper.pdf`, and the newer
 * `/paper_files/paper/{year}/(hash|file)/{hash}-{Abstract|Paper|Supplemental|Reviews|…}[-{track}].{ext}`.
 */
const PAPER_PATH =
  /^\/paper(?:_files\/paper)?\/(\d{4})\/(?:hash|file)\/([\da-f]{32})-[A-Za-z]+(-[\w]+)?\.(?:html|pdf|json|zip)$/;

/** NeurIPS proceedings (papers.nips.cc, proceedings.neurips.cc and their aliases), keyed by hash. */
export function detectNeurips(url: URL, doc?: Document): PaperRef | null {
  const path = PAPER_PATH.exec(url.pathname);
  if (!path) return null;
  const [, year, hash, track = ''] = path as unknown as [string, string, string, string?];
  const base = `https://proceedings.neurips.cc/paper_files/paper/${year}`;
  const ref: PaperRef = {
    key: `neurips:${hash}`,
    site: 'neurips',
    absUrl: `${base}/hash/${hash}-Abstract${track}.html`,
    pdfUrl: `${base}/file/${hash}-Paper${track}.pdf`,
  };
  return describePage(ref, doc);
}
