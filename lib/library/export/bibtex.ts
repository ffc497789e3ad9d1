import type { Bookmark } from '../../storage/records';
import { citationKeys } from './citation-key';
import { fullFamily, splitPersonName } from './person-name';
import { MONTH_ABBREVIATIONS, parsePublishedDate } from './published-date';
import { squashWhitespace } from '../../text';

/**
 * BibTeX for BibTeX and biber alike. Text stays UTF-8 (biber reads it, and so does BibTeX 0.99 with
 * `inputenc`), but every character LaTeX treats specially is escaped, so that any title compiles:
 * an arXiv title's `$x^2$` comes out as the literal text, never as math that might not balance.
 * `<`, `>` and `|` are escaped too: in LaTeX's default OT1 encoding they print as "¡", "¿" and "—".
 */

const LATEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

export function escapeLatex(text: string): string {
  return squashWhitespace(text).replace(/[\\{}%&$#_~^<>|]/g, (char) => LATEX_ESCAPES[char] ?? char);
}

/**
 * Styles that sentence-case titles lower-case every unbraced letter, so words whose capitals carry
 * meaning (acronyms and names) are braced. Ordinary title-case words are
 * left to the style. A braced group that starts with a command is a "special character" to BibTeX,
 * whose case it changes anyway, hence the double braces there.
 */
export function protectTitle(title: string): string {
  return squashWhitespace(title)
    .split(' ')
    .map((raw) => {
      const word = escapeLatex(raw);
      // A capital after a letter or digit of the same word: "GPT-4", "ImageNet", "3D"; not "Quoted".
      if (!/[\p{L}\p{N}]\S*?\p{Lu}/u.test(raw)) return word;
      return word.startsWith('\\') ? `{{${word}}}` : `{${word}}`;
    })
    .join(' ');
}

/** "van der Berg, Jr., Jan": BibTeX's "von Last, Jr, First", the form it never misreads. */
function bibtexName(display: string): string {
  const name = splitPersonName(display);
  const parts = [fullFamily(name)];
  if (name.suffix) parts.push(name.suffix, name.given ?? '');
  else if (name.given) parts.push(name.given);
  const text = escapeLatex(parts.join(', ')).trim();
  // A name containing the word "and" (an organisation) would be read as two people.
  return /\band\b/i.test(text) ? `{${text}}` : text;
}

/** URLs and DOIs are verbatim fields: no escaping, but braces and backslashes would unbalance them. */
function verbatim(value: string): string {
  return value.replace(
    /[{}\\\s]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function entry(bookmark: Bookmark, key: string): string {
  const fields: [string, string][] = [];
  const date = parsePublishedDate(bookmark.publishedAt);
  fields.push(['title', `{${protectTitle(bookmark.title)}}`]);
  if (bookmark.authors.length) fields.push(['author', `{${bookmark.authors.map(bibtexName).join(' and ')}}`]);
  if (date) fields.push(['year', `{${date.year}}`]);
  // Month macros (`oct`) let each style print the month in its own language.
  if (date?.month) fields.push(['month', MONTH_ABBREVIATIONS[date.month - 1] ?? '']);
  if (bookmark.arxivId) {
    // The fields arXiv's own "Export BibTeX citation" writes; biblatex and natbib styles print them.
    fields.push(['eprint', `{${verbatim(bookmark.arxivId)}}`], ['archivePrefix', '{arXiv}']);
  }
  if (bookmark.venue) fields.push(['howpublished', `{${escapeLatex(bookmark.venue)}}`]);
  if (bookmark.doi) fields.push(['doi', `{${verbatim(bookmark.doi)}}`]);
  const url = bookmark.absUrl ?? bookmark.pdfUrl;
  if (url) fields.push(['url', `{${verbatim(url)}}`]);
  if (bookmark.summary) fields.push(['abstract', `{${escapeLatex(bookmark.summary)}}`]);
  // biblatex typesets keywords (a `#` stops the run), so they are escaped like any text; commas and
  // semicolons separate keywords, so inside a tag they become spaces.
  const tags = bookmark.tags.map((tag) => escapeLatex(tag.replace(/[,;]/g, ' '))).filter(Boolean);
  if (tags.length) fields.push(['keywords', `{${tags.join(', ')}}`]);
  // The user's note goes to `annote`, which styles do not print: `note` would appear in a paper's references.
  if (bookmark.note.trim()) fields.push(['annote', `{${escapeLatex(bookmark.note)}}`]);
  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n');
  return `@misc{${key},\n${body}\n}\n`;
}

export function toBibtex(bookmarks: readonly Bookmark[]): string {
  const keys = citationKeys(bookmarks);
  return bookmarks.map((bookmark, index) => entry(bookmark, keys[index] ?? `entry${index}`)).join('\n');
}
