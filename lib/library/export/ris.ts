import type { Bookmark } from '../../storage/records';
import { citationKeys } from './citation-key';
import { fullFamily, splitPersonName } from './person-name';
import { pad2, parsePublishedDate } from './published-date';
import { squashWhitespace as oneLine } from '../../text';

/**
 * RIS, as Zotero, Mendeley, EndNote and Papers read it. Lines end in CRLF, as the RIS specification
 * (Research Information Systems' "RIS Format Specifications") asks; readers also accept LF, but
 * EndNote on Windows is happiest with the spec. A tag line holds one line of text, so line breaks
 * inside values (abstracts, notes) become spaces: continuation lines are read differently by
 * different tools.
 */

const EOL = '\r\n';

/** Preprint servers: their papers are "UNPB" (unpublished work), the type Zotero maps preprints to. */
const PREPRINT_SITES = new Set(['arxiv', 'alphaxiv', 'huggingface', 'biorxiv', 'medrxiv']);

/** RIS author order: "Last, First, Suffix". */
function risName(display: string): string {
  const name = splitPersonName(display);
  const parts = [fullFamily(name)];
  if (name.given || name.suffix) parts.push(name.given ?? '');
  if (name.suffix) parts.push(name.suffix);
  return parts.join(', ');
}

function record(bookmark: Bookmark, id: string): string {
  const lines: [string, string][] = [];
  const add = (tag: string, value: string | undefined) => {
    const text = value === undefined ? '' : oneLine(value);
    if (text) lines.push([tag, text]);
  };
  const preprint = bookmark.arxivId !== undefined || PREPRINT_SITES.has(bookmark.site ?? '');
  add('TY', preprint ? 'UNPB' : 'GEN');
  add('ID', id);
  add('TI', bookmark.title);
  for (const author of bookmark.authors) add('AU', risName(author));
  const date = parsePublishedDate(bookmark.publishedAt);
  if (date) {
    add('PY', String(date.year));
    // DA is "YYYY/MM/DD/other", with empty parts kept: "2024/10//".
    if (date.month) add('DA', `${date.year}/${pad2(date.month)}/${date.day ? pad2(date.day) : ''}/`);
  }
  add('T2', bookmark.venue);
  add('AB', bookmark.summary);
  add('DO', bookmark.doi);
  add('UR', bookmark.absUrl);
  add('L1', bookmark.pdfUrl);
  if (bookmark.arxivId) add('AN', `arXiv:${bookmark.arxivId}`);
  for (const tag of bookmark.tags) add('KW', tag);
  add('N1', bookmark.note);
  const body = lines.map(([tag, value]) => `${tag}  - ${value}`).join(EOL);
  // "ER  - " keeps its trailing space: the tag is always six characters.
  return `${body}${EOL}ER  - ${EOL}`;
}

export function toRis(bookmarks: readonly Bookmark[]): string {
  const ids = citationKeys(bookmarks);
  return bookmarks.map((bookmark, index) => record(bookmark, ids[index] ?? String(index))).join(EOL);
}
