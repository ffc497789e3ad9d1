import { doiKey } from '../../paper/key';
import type { PaperRef } from '../../paper/ref';
import type { SiteDescriptor } from '../types';
import { describePage, pageDois } from './meta-tags';

/** `/content/10.1101/2021.08.03.454978v1[.full][.pdf|.full.pdf|…]`; old DOIs are `10.1101/123456`. */
const PAPER_PATH =
  /^\/content\/(10\.1101\/(?:\d{4}\.\d\d\.\d\d\.)?\d{6,9})(?:v(\d{1,3}))?(?:\.full|\.full\.pdf|\.pdf|\.full-text|\.abstract|\.article-info|\.article-metrics|\.supplementary-material)?\/*$/;

/** bioRxiv and medRxiv share one platform (openRxiv): preprints keyed by DOI. */
export function openRxivSite(id: 'biorxiv' | 'medrxiv', name: string): SiteDescriptor {
  return {
    id,
    name,
    hosts: [`www.${id}.org`, `${id}.org`],
    detect(url, doc) {
      const path = PAPER_PATH.exec(url.pathname);
      if (!path) return null;
      const doi = path[1]!;
      const version = path[2] ? Number(path[2]) : undefined;
      const origin = `https://www.${id}.org/content/${doi}`;
      const ref: PaperRef = { key: doiKey(doi), site: id, doi, absUrl: origin };
      if (version) {
        ref.version = version;
        ref.pdfUrl = `${origin}v${version}.full.pdf`;
      }
      return describePage(ref, doc, {
        samePaper: (tags) => {
          const dois = pageDois(tags);
          return !dois.size || dois.has(doi);
        },
      });
    },
    titleSelectors: ['h1#page-title', 'h1.highwire-cite-title', 'h1'],
    preprints: true,
  };
}
