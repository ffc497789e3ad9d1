import { describePage } from './page/meta-tags';
import type { SiteDescriptor } from './types';

/** `/v{n}/{key}.html`, `/v{n}/{key}`, `/v{n}/{key}/{key}.pdf`, `/v{n}/{key}/{key}-supp.pdf`. */
const PAPER_PATH = /^\/v(\d{1,4})\/([\w-]+?)(?:\.html|\/\2(?:-supp)?\.pdf)?\/*$/;

/** Proceedings of Machine Learning Research, keyed by volume and paper key. */
export const site: SiteDescriptor = {
  id: 'pmlr',
  name: 'PMLR',
  hosts: ['proceedings.mlr.press'],
  detect(url, doc) {
    const path = PAPER_PATH.exec(url.pathname);
    if (!path || path[2] === 'assets') return null;
    const [, volume, key] = path as unknown as [string, string, string];
    const base = `https://proceedings.mlr.press/v${volume}/${key}`;
    return describePage(
      { key: `pmlr:v${volume}/${key}`, site: 'pmlr', absUrl: `${base}.html`, pdfUrl: `${base}/${key}.pdf` },
      doc,
    );
  },
  titleSelectors: ['h1'],
};
