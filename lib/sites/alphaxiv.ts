import { parseArxivId } from '../paper/arxiv-id';
import { arxivPaper } from './page/arxiv-family';
import { firstTag, textOf } from './page/meta-tags';
import type { SiteDescriptor } from './types';

const PAPER_PATH = /^\/(?:abs|overview|replicate|audio|pdf)\/(.+?)(?:\.pdf)?\/*$/;

/** alphaxiv.org: `/abs/{id}`, `/overview/{id}` and the other per-paper tabs, all keyed by arXiv id. */
export const site: SiteDescriptor = {
  id: 'alphaxiv',
  name: 'alphaXiv',
  hosts: ['alphaxiv.org', 'www.alphaxiv.org'],
  detect(url, doc) {
    const path = PAPER_PATH.exec(url.pathname);
    return arxivPaper(
      path && parseArxivId(path[1]!),
      'alphaxiv',
      doc,
      (page, tags) => firstTag(tags, 'og:title') ?? textOf(page, 'h1'),
    );
  },
  titleSelectors: ['h1'],
  navigatesInPage: true,
  preprints: true,
};
