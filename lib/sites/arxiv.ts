import { parseArxivId, type ArxivId } from '../paper/arxiv-id';
import { clean } from '../text';
import { arxivPaper } from './page/arxiv-family';
import { textOf } from './page/meta-tags';
import type { ListingEntry, SiteDescriptor } from './types';

/** `/abs/{id}`, `/pdf/{id}[.pdf]`, `/pdf/{archive}/{id}`, `/html/{id}vN/`, `/format/`, `/src/`. */
const PAPER_PATH = /^\/(?:abs|pdf|html|format|src)\/(.+?)(?:\.pdf)?\/*$/;
/** `/ftp/arxiv/papers/1110/1110.2832.pdf`, `/ftp/cond-mat/papers/0408/0408502.pdf`. */
const FTP_PATH = /^\/ftp\/([a-z]+(?:-[a-z]+)?)\/papers\/\d{4}\/([\dv.]+)\.pdf$/;
/** `/list/{archive}/{new|recent|pastweek…}` and `/catchup`, on the hosts that serve listings. */
const LISTING_HOST = /^(www\.|export\.)?arxiv\.org$/;
const LISTING_PATH = /^\/(list|catchup)(\/|$)/;

function idFromPath(path: string): ArxivId | null {
  const paper = PAPER_PATH.exec(path);
  if (paper) return parseArxivId(paper[1]!);
  const ftp = FTP_PATH.exec(path);
  if (!ftp) return null;
  return parseArxivId(ftp[1] === 'arxiv' ? ftp[2]! : `${ftp[1]}/${ftp[2]}`);
}

/**
 * A listing's entries. Their titles and authors are read when asked for (a chip's name, a
 * bookmark), not for every entry at load: a listing can show 2,000.
 */
function listingEntries(doc: Document): ListingEntry[] {
  const entries: ListingEntry[] = [];
  for (const link of doc.querySelectorAll<HTMLAnchorElement>('dl dt a[href*="/abs/"]')) {
    const parsed = parseArxivId(link.getAttribute('href')!.replace(/^.*\/abs\//, ''));
    if (!parsed) continue;
    const meta = () => link.closest('dt')?.nextElementSibling;
    entries.push({
      arxivId: parsed.id,
      anchor: link,
      get title() {
        return clean(meta()?.querySelector('.list-title')?.textContent)?.replace(/^Title:\s*/, '');
      },
      get authors() {
        return [...(meta()?.querySelectorAll('.list-authors a') ?? [])].flatMap(
          (a) => clean(a.textContent) ?? [],
        );
      },
    });
  }
  return entries;
}

/** arxiv.org (www., export., browse.) and ar5iv: abstract, PDF, HTML, format and source pages. */
export const site: SiteDescriptor = {
  id: 'arxiv',
  name: 'arXiv',
  hosts: [
    'arxiv.org',
    'www.arxiv.org',
    'export.arxiv.org',
    'browse.arxiv.org',
    'ar5iv.labs.arxiv.org',
    'ar5iv.org',
  ],
  // Paper and listing pages only: arXiv's other pages (search, help, the home page) never load the
  // content script, so they pay nothing for it.
  paths: ['/abs/', '/pdf/', '/html/', '/format/', '/src/', '/ftp/', '/list/', '/catchup'],
  detect: (url, doc) =>
    arxivPaper(idFromPath(url.pathname), 'arxiv', doc, (page) =>
      // The abstract page's h1 starts with a "Title:" descriptor; ar5iv and /html/ use LaTeXML's h1.
      (textOf(page, 'h1.title') ?? textOf(page, 'h1.ltx_title_document'))?.replace(/^Title:\s*/, ''),
    ),
  titleSelectors: ['h1.title', '.ltx_title_document', 'h1'],
  listing: {
    matches: (url) => LISTING_HOST.test(url.hostname) && LISTING_PATH.test(url.pathname),
    entries: listingEntries,
  },
  preprints: true,
};
