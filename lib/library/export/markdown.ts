import { utcDay } from '../../dates';
import type { Bookmark } from '../../storage/records';
import { isHttpUrl } from '../../url';
import { parsePublishedDate } from './published-date';
import { squashWhitespace } from '../../text';

/**
 * A Markdown reading list: `- [Title](url) — Authors (year) · tags`, with the note quoted under it.
 * Titles, notes and tags come from web pages and users, so Markdown's specials are escaped
 * inline (CommonMark allows a backslash before any ASCII punctuation), and so is anything that
 * would start a heading, quote or list where the text begins a line. Only those: the list must stay
 * readable as plain text.
 */

export function escapeMarkdown(text: string): string {
  return squashWhitespace(text)
    .replace(/[\\`*_[\]<>&|~$]/g, '\\$&')
    .replace(/^[#+\-=>]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Link destinations in angle brackets may hold spaces and parentheses; only `<`, `>` need encoding. */
function linkTarget(url: string): string {
  return `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;
}

function authorList(authors: readonly string[]): string {
  const shown = authors.slice(0, 3).join(', ');
  return authors.length > 3 ? `${shown} et al.` : shown;
}

function item(bookmark: Bookmark): string {
  const title = escapeMarkdown(bookmark.title);
  const url = [bookmark.absUrl, bookmark.pdfUrl].find((candidate) => isHttpUrl(candidate));
  let line = url ? `- [${title}](${linkTarget(url)})` : `- ${title}`;
  const byline = escapeMarkdown(authorList(bookmark.authors));
  const year = parsePublishedDate(bookmark.publishedAt)?.year;
  const credits = [byline, year ? `(${year})` : ''].filter(Boolean).join(' ');
  if (credits) line += ` — ${credits}`;
  if (bookmark.tags.length) line += ` · ${bookmark.tags.map(escapeMarkdown).join(', ')}`;
  if (bookmark.read) line += ' · read';
  const note = bookmark.note
    .split(/\r?\n/)
    .map((noteLine) => noteLine.trim())
    .filter(Boolean)
    .map((noteLine) => `  > ${escapeMarkdown(noteLine)}`);
  return [line, ...note].join('\n');
}

export function toMarkdown(bookmarks: readonly Bookmark[], now: number = Date.now()): string {
  const day = utcDay(now);
  const header = `# PaperPulse bookmarks\n\n${bookmarks.length} papers, exported ${day}.\n`;
  return `${header}\n${bookmarks.map(item).join('\n')}\n`;
}
