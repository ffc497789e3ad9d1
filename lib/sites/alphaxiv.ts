import type { PaperRef } from '../paper/ref';
import { arxivPaper, parseArxivId } from './arxiv';
import { firstTag, textOf } from './meta-tags';

const PAPER_PATH = /^\/(?:abs|overview|replicate|audio|pdf)\/(.+?)(?:\.pdf)?\/*$/;

/** alphaxiv.org: `/abs/{id}`, `/overview/{id}` and the other per-paper tabs, all keyed by arXiv id. */
export function detectAlphaxiv(url: URL, doc?: Document): PaperRef | null {
  const path = PAPER_PATH.exec(url.pathname);
  return arxivPaper(
    path && parseArxivId(path[1]!),
    'alphaxiv',
    doc,
    (page, tags) => firstTag(tags, 'og:title') ?? textOf(page, 'h1'),
  );
}
