import { t } from '../../i18n';
import type { Entry } from '@retorquere/bibtex-parser';
import { LIMITS } from '../../limits';
import type { ScannedEntry } from './bibtex-scan';
import { formatCount } from './describe-issues';

/**
 * The text the parser is given: the file without the values an import never reads (`file`,
 * `pages`, `publisher`…), and with long values that hold no LaTeX at all replaced by a placeholder
 * the parser passes through as it is. The parser's LaTeX grammar costs about 2 µs a character, so
 * a 5,000-entry export with abstracts took over 30 s; most abstracts and titles hold no LaTeX.
 * A value far beyond what a bookmark may hold is left out too, and its entry refused with the
 * reason: a megabyte of LaTeX title takes the grammar seconds, 10,000 authors its name splitter
 * five seconds (it is quadratic in names).
 * The placeholders are put back after parsing, and checked: if one is missing or lands anywhere but
 * a whole value, the caller parses the file as written instead (tests/unit/import-bibtex-scan.test.ts
 * also checks that such text comes out of the parser as it went in).
 */

/** The fields bookmarkFromEntry reads; crossref copies only `title` and `author` into them. */
const READ_FIELDS: ReadonlySet<string> = new Set([
  'title',
  'author',
  'abstract',
  'annote',
  'annotation',
  'keywords',
  'journal',
  'journaltitle',
  'booktitle',
  'howpublished',
  'note',
  'volume',
  'date',
  'year',
  'month',
  'doi',
  'url',
  'eprint',
  'archiveprefix',
  'eprinttype',
  'crossref',
]);

/** Read as text, LaTeX converted: text without LaTeX comes out as it went in (whitespace aside). */
const TEXT_FIELDS: ReadonlySet<string> = new Set([
  'title',
  'abstract',
  'annote',
  'annotation',
  'note',
  'journal',
  'journaltitle',
  'booktitle',
  'howpublished',
]);

/**
 * Anything the parser would change: commands, groups, math, comments, special characters, the
 * ligatures it converts (`--`, `''`, `<<`, `~`, "``") and control characters (it turns \x0E and
 * \x0F into markup).
 */
const LATEX = /[\\{}$%&~^_#<>`\u0000-\u0008\u000b\u000c\u000e-\u001f]|--|''/;

export function holdsNoLatex(text: string): boolean {
  return !LATEX.test(text);
}

/** What a bookmark keeps of each field, in characters; a value ten times longer is not read. */
const BOUNDS: Readonly<Record<string, number>> = {
  title: LIMITS.titleLength,
  abstract: LIMITS.summaryLength,
  annote: LIMITS.noteLength,
  annotation: LIMITS.noteLength,
  note: LIMITS.noteLength,
  keywords: LIMITS.tags * LIMITS.tagLength,
  author: LIMITS.bookmarkAuthors * LIMITS.authorLength,
  doi: LIMITS.doiLength,
  url: LIMITS.urlLength,
};
const OTHER_BOUND = LIMITS.venueLength;
const READ_AT_MOST = 10;

/** Names in an author list as the parser splits it: at each `and` outside braces. */
export function countNames(text: string): number {
  let names = 1;
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (depth === 0 && /\s/.test(char!) && /^\s+and\s/i.test(text.slice(at, at + 6).padEnd(6, 'x'))) {
      names++;
      at += 4;
    }
  }
  return names;
}

function overLimit(name: string, field: ScannedEntry['fields'][number], text: string): string | undefined {
  const bound = BOUNDS[name] ?? OTHER_BOUND;
  if (field.length > READ_AT_MOST * bound) return t('importFieldTooLong', name, formatCount(bound));
  if (name === 'author' && field.literal) {
    const names = countNames(text.slice(field.literal.start, field.literal.end));
    if (names > LIMITS.bookmarkAuthors) return t('importTooManyAuthors', formatCount(LIMITS.bookmarkAuthors));
  }
  return undefined;
}

/** Shorter values cost the parser little: not worth a placeholder. */
const WORTH_A_PLACEHOLDER = 64;

export interface ReducedText {
  text: string;
  marker: string;
  /** Placeholder → the text it stands for. */
  originals: ReadonlyMap<string, string>;
  /** By position among the scanned entries: the fields that hold a placeholder, and which. */
  placed: ReadonlyMap<number, readonly (readonly [field: string, placeholder: string])[]>;
  /** By position among the scanned entries: why the entry is refused, for a value left out. */
  refused: ReadonlyMap<number, string>;
}

function newlines(text: string, start: number, end: number): string {
  let count = 0;
  for (let at = text.indexOf('\n', start); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) count++;
  return '\n'.repeat(count);
}

/** A marker no file contains by chance: placeholders are `<marker><n>`, letters and digits only. */
export function newMarker(): string {
  const [high, low] = crypto.getRandomValues(new Uint32Array(2));
  return `pp${high!.toString(36)}q${low!.toString(36)}x`;
}

/**
 * Values of entries the first pass read whole only: a broken entry's text is read again by the
 * parser's error recovery, which must see what the file says. Each replaced value keeps its line
 * breaks after it, so that the parser's error messages keep their line numbers.
 */
export function reduceBibtex(text: string, entries: readonly ScannedEntry[], marker: string): ReducedText {
  const pieces: string[] = [];
  const originals = new Map<string, string>();
  const placed = new Map<number, [string, string][]>();
  const refused = new Map<number, string>();
  let copied = 0;
  entries.forEach((entry, index) => {
    if (entry.broken) return;
    for (const field of entry.fields) {
      const name = field.name.replace(/\+duplicate-\d+$/, '');
      // The parser merges repeated `keywords`; other repeats are kept aside under another name.
      const repeated = name !== field.name && name !== 'keywords';
      let replacement: string | undefined;
      const tooLong = READ_FIELDS.has(name) && !repeated ? overLimit(name, field, text) : undefined;
      if (tooLong && !refused.has(index)) refused.set(index, tooLong);
      if (!READ_FIELDS.has(name) || repeated || tooLong) {
        replacement = '{}';
      } else if (TEXT_FIELDS.has(name) && field.literal) {
        const value = text.slice(field.literal.start, field.literal.end);
        if (value.length >= WORTH_A_PLACEHOLDER && holdsNoLatex(value) && value.trim()) {
          const placeholder = `${marker}${originals.size.toString(36)}`;
          originals.set(placeholder, value);
          placed.set(index, [...(placed.get(index) ?? []), [field.name, placeholder]]);
          replacement = `{${placeholder}}`;
        }
      }
      if (replacement === undefined) continue;
      pieces.push(text.slice(copied, field.start), replacement, newlines(text, field.start, field.end));
      copied = field.end;
    }
  });
  pieces.push(text.slice(copied));
  return { text: pieces.join(''), marker, originals, placed, refused };
}

/**
 * Puts the texts back into the parsed entries, given with their position among the scanned ones.
 * False, and the entries are not to be used, when the file was not read as the scan read it: a
 * placeholder missing from the field it was put in, or found anywhere but as a whole value.
 */
export function restoreOriginals(
  parsed: readonly { index: number; entry: Entry }[],
  { marker, originals, placed }: ReducedText,
): boolean {
  for (const { index, entry } of parsed) {
    const fields = entry.fields as Record<string, unknown>;
    for (const [field, placeholder] of placed.get(index) ?? []) {
      if (fields[field] !== placeholder) return false;
    }
    for (const [name, value] of Object.entries(fields)) {
      if (typeof value === 'string') {
        const original = originals.get(value);
        if (original !== undefined) fields[name] = original;
        else if (value.includes(marker)) return false;
      } else if (JSON.stringify(value).includes(marker)) return false;
    }
  }
  return true;
}
