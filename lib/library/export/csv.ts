import type { Bookmark } from '../../storage/records';
import { parsePublishedDate } from './published-date';

/**
 * RFC 4180 CSV for spreadsheets: CRLF line ends, a header row, fields quoted when they hold a comma,
 * a quote or a line break. Two things the RFC leaves out and spreadsheets need:
 * - a byte-order mark, without which Excel reads UTF-8 as Windows-1252 ("SchÃ¶lkopf");
 * - a guard against formula injection: a cell starting with = + - @ (or tab/CR, which some
 *   spreadsheets skip before looking) runs as a formula when opened, and titles and notes come from
 *   web pages, so such cells get a leading apostrophe (https://owasp.org/www-community/attacks/CSV_Injection).
 */

export const CSV_COLUMNS = [
  'key',
  'title',
  'authors',
  'year',
  'arxiv',
  'doi',
  'url',
  'pdf',
  'tags',
  'note',
  'read',
  'added',
] as const;

const BOM = '\uFEFF';
/** Several authors or tags share one cell, separated by this (commas are common inside names). */
export const CSV_LIST_SEPARATOR = '; ';

export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function row(bookmark: Bookmark): string[] {
  return [
    bookmark.key,
    bookmark.title,
    bookmark.authors.join(CSV_LIST_SEPARATOR),
    String(parsePublishedDate(bookmark.publishedAt)?.year ?? ''),
    bookmark.arxivId ?? '',
    bookmark.doi ?? '',
    bookmark.absUrl ?? '',
    bookmark.pdfUrl ?? '',
    bookmark.tags.join(CSV_LIST_SEPARATOR),
    bookmark.note,
    bookmark.read ? 'true' : 'false',
    new Date(bookmark.addedAt).toISOString(),
  ];
}

export function toCsv(bookmarks: readonly Bookmark[]): string {
  const lines = [[...CSV_COLUMNS], ...bookmarks.map(row)].map((cells) => cells.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
