import { describePage } from './page/meta-tags';
import type { SiteDescriptor } from './types';

/**
 * `/paper/{year}/hash/{hash}-Abstract.html`, `/paper/{year}/file/{hash}-Paper.pdf`, and the newer
 * `/paper_files/paper/{year}/(hash|file)/{hash}-{Abstract|Paper|Supplemental|Reviews|…}[-{track}].{ext}`.
 */
const PAPER_PATH =
  /^\/paper(?:_files\/paper)?\/(\d{4})\/(?:hash|file)\/([\da-f]{32})-[A-Za-z]+(-[\w]+)?\.(?:html|pdf|json|zip)$/;

/** NeurIPS proceedings (papers.nips.cc, proceedings.neurips.cc and their aliases), keyed by hash. */
export const site: SiteDescriptor = {
  id: 'neurips',
  name: 'NeurIPS proceedings',
  hosts: ['papers.nips.cc', 'proceedings.nips.cc', 'papers.neurips.cc', 'proceedings.neurips.cc'],
  detect(url, doc) {
    const path = PAPER_PATH.exec(url.pathname);
    if (!path) return null;
    const [, year, hash, track = ''] = path as unknown as [string, string, string, string?];
    const base = `https://proceedings.neurips.cc/paper_files/paper/${year}`;
    return describePage(
      {
        key: `neurips:${hash}`,
        site: 'neurips',
        absUrl: `${base}/hash/${hash}-Abstract${track}.html`,
        pdfUrl: `${base}/file/${hash}-Paper${track}.pdf`,
      },
      doc,
    );
  },
  titleSelectors: ['h4', 'h2', 'h1'],
};
