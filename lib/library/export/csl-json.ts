import type { Bookmark } from '../../storage/records';
import { citationKeys } from './citation-key';
import { splitPersonName } from './person-name';
import { parsePublishedDate } from './published-date';

/**
 * CSL-JSON, the input of citeproc-js, pandoc and Zotero (schema:
 * https://github.com/citation-style-language/schema/blob/master/schemas/input/csl-data.json).
 * Every bookmark is an `article`: CSL 1.0.2 defines it as "a preprint, working paper, or other
 * unpublished work", which is what PaperPulse mostly holds, and a journal or proceedings type
 * would be a guess from `venue` alone.
 */

export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: 'article';
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': [number[]] };
  'container-title'?: string;
  publisher?: string;
  archive?: string;
  number?: string;
  DOI?: string;
  URL?: string;
  abstract?: string;
  keyword?: string;
  /** The user's own note: CSL's `note` is printed by some styles, `annote` is not. */
  annote?: string;
}

function cslName(display: string): CslName {
  const name = splitPersonName(display);
  if (!name.given && !name.particle && !name.suffix) return { literal: name.family };
  const result: CslName = { family: name.family };
  if (name.given) result.given = name.given;
  // Dutch and German particles stay with the family name when sorting ("van der Berg" under V).
  if (name.particle) result['non-dropping-particle'] = name.particle;
  if (name.suffix) result.suffix = name.suffix;
  return result;
}

function item(bookmark: Bookmark, id: string): CslItem {
  const result: CslItem = { id, type: 'article', title: bookmark.title };
  if (bookmark.authors.length) result.author = bookmark.authors.map(cslName);
  const date = parsePublishedDate(bookmark.publishedAt);
  if (date) {
    const parts = [date.year];
    if (date.month) parts.push(date.month);
    if (date.month && date.day) parts.push(date.day);
    result.issued = { 'date-parts': [parts] };
  }
  if (bookmark.venue) result['container-title'] = bookmark.venue;
  if (bookmark.arxivId) {
    // The shape Zotero gives arXiv preprints, which citation styles print as "arXiv:2410.17243".
    result.publisher = 'arXiv';
    result.archive = 'arXiv';
    result.number = `arXiv:${bookmark.arxivId}`;
  }
  if (bookmark.doi) result.DOI = bookmark.doi;
  const url = bookmark.absUrl ?? bookmark.pdfUrl;
  if (url) result.URL = url;
  if (bookmark.summary) result.abstract = bookmark.summary;
  if (bookmark.tags.length) result.keyword = bookmark.tags.join(', ');
  if (bookmark.note) result.annote = bookmark.note;
  return result;
}

export function toCslItems(bookmarks: readonly Bookmark[]): CslItem[] {
  const ids = citationKeys(bookmarks);
  return bookmarks.map((bookmark, index) => item(bookmark, ids[index] ?? String(index)));
}

export function toCslJson(bookmarks: readonly Bookmark[]): string {
  return `${JSON.stringify(toCslItems(bookmarks), null, 2)}\n`;
}
