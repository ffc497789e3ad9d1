import { describePage } from './page/meta-tags';
import type { SiteDescriptor } from './types';

/**
 * `content_CVPR_2020/(html|papers)/[w28/]{stem}.(html|pdf)` and `content/ICCV2021[/WORKSHOP]/(html|papers)/{stem}…`,
 * where the stem ends in `_paper`: the abstract page and the PDF share it.
 */
const PAPER_PATH =
  /^\/(content_\w+|content\/\w+(?:\/[\w-]+)?)\/(?:html|papers)\/(?:([\w-]+)\/)?([^/]+_paper)\.(?:html|pdf)$/;

/** CVF Open Access (CVPR, ICCV, WACV and workshops), keyed by the file stem. */
export const site: SiteDescriptor = {
  id: 'cvf',
  name: 'CVF Open Access',
  hosts: ['openaccess.thecvf.com'],
  detect(url, doc) {
    const path = PAPER_PATH.exec(url.pathname);
    if (!path) return null;
    const [, folder, workshop, stem] = path as unknown as [string, string, string | undefined, string];
    const base = `https://openaccess.thecvf.com/${folder}`;
    const sub = workshop ? `${workshop}/` : '';
    return describePage(
      {
        key: `cvf:${stem}`,
        site: 'cvf',
        absUrl: `${base}/html/${sub}${stem}.html`,
        pdfUrl: `${base}/papers/${sub}${stem}.pdf`,
      },
      doc,
    );
  },
  titleSelectors: ['#papertitle', 'dd#papertitle', 'h1'],
};
