import type { PaperRef, Site } from '../paper/ref';
import { arxivRef, parseArxivId, type ArxivId } from '../paper/arxiv-id';
import { describePage, firstTag, textOf, type MetaTags } from './meta-tags';

export { findArxivId, parseArxivId, type ArxivId } from '../paper/arxiv-id';

/** `/abs/{id}`, `/pdf/{id}[.pdf]`, `/pdf/{archive}/{id}`, `/html/{id}vN/`, `/format/`, `/src/`. */
const PAPER_PATH = /^\/(?:abs|pdf|html|format|src)\/(.+?)(?:\.pdf)?\/*$/;
/** `/ftp/arxiv/papers/1110/1110.2832.pdf`, `/ftp/cond-mat/papers/0408/0408502.pdf`. */
const FTP_PATH = /^\/ftp\/([a-z]+(?:-[a-z]+)?)\/papers\/\d{4}\/([\dv.]+)\.pdf$/;

function idFromPath(path: string): ArxivId | null {
  const paper = PAPER_PATH.exec(path);
  if (paper) return parseArxivId(paper[1]!);
  const ftp = FTP_PATH.exec(path);
  if (!ftp) return null;
  return parseArxivId(ftp[1] === 'arxiv' ? ftp[2]! : `${ftp[1]}/${ftp[2]}`);
}

/** Tags naming another arXiv id than the URL are stale (or lie): then only the URL counts. */
export function sameArxivPaper(id: string): (tags: MetaTags) => boolean {
  return (tags) => {
    const named = firstTag(tags, 'citation_arxiv_id');
    return !named || parseArxivId(named)?.id === id;
  };
}

/** The arXiv-id paper at `path` of an arXiv-family site, described by `doc` when given. */
export function arxivPaper(
  id: ArxivId | null,
  site: Site,
  doc: Document | undefined,
  title: (doc: Document, tags: MetaTags) => string | undefined,
): PaperRef | null {
  if (!id) return null;
  return describePage(arxivRef(id, site), doc, { title, samePaper: sameArxivPaper(id.id) });
}

/** arxiv.org (www., export., browse.) and ar5iv: abstract, PDF, HTML, format and source pages. */
export function detectArxiv(url: URL, doc?: Document): PaperRef | null {
  return arxivPaper(idFromPath(url.pathname), 'arxiv', doc, (page) =>
    // The abstract page's h1 starts with a "Title:" descriptor; ar5iv and /html/ use LaTeXML's h1.
    (textOf(page, 'h1.title') ?? textOf(page, 'h1.ltx_title_document'))?.replace(/^Title:\s*/, ''),
  );
}
