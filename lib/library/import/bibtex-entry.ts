import { t } from '../../i18n';
import type { Creator, Entry } from '@retorquere/bibtex-parser';
import { arxivRef, findArxivId, parseArxivId } from '../../paper/arxiv-id';
import { arxivIdInDoi, normaliseDoi } from '../../paper/doi';
import { doiKey } from '../../paper/key';
import type { BookmarkInput } from '../../storage/records';
import { isHttpUrl } from '../../url';
import { squashWhitespace } from '../../text';

/**
 * One parsed BibTeX entry → a bookmark. Field choices:
 * - identity: the arXiv id (from `eprint`, an arXiv DOI or URL, or "arXiv:…" in `journal`, as
 *   Google Scholar writes it, or DBLP's CoRR `volume`), else the DOI, else `bib:<citation key>`;
 * - `annote` (and biblatex's `annotation`) become the note. BibTeX's `note` does not: it is part of
 *   the reference ("Accepted at ICLR 2024"), printed in bibliographies, not the user's own words;
 * - `keywords` become tags; `abstract` the summary; `journal`/`booktitle` the venue.
 */

type Fields = Entry['fields'];

/**
 * The parser renders some LaTeX as HTML (`\emph` → `<i>`, case protection → `<span class="nocase">`,
 * `\href{url}{text}` → `<a href="url">text</a>`, whatever the URL's scheme, a blank line in a note →
 * `<p>`). The popup shows every field as text, but an export (Markdown) may be rendered as HTML by
 * whoever opens it, so none of it is kept. (A `<` in the file's text reaches here as LaTeX reads it,
 * "¡"; only math keeps "<".)
 */
const MARKUP = /<\/?(?:i|b|em|strong|sup|sub|sc|tt|span|a)(?:\s[^>]*)?>/g;
const PARAGRAPH = /<\/?p>/g;

export function plainText(value: string | undefined): string {
  // NFC: the parser writes `{\"o}` as "o" plus a combining diaeresis, which would not match "ö".
  const text = (value ?? '').replace(MARKUP, '').replace(PARAGRAPH, ' ');
  return squashWhitespace(text).normalize('NFC');
}

/** How BibTeX names the fields a bookmark's are read from, for the reasons an entry is refused. */
export const BIBTEX_FIELD_NAMES = {
  authors: 'author',
  summary: 'abstract',
  tags: 'keywords',
  note: 'annote',
  absUrl: 'url',
} as const;

const ARXIV_URL = /arxiv\.org\/(?:abs|pdf)\/([^?#\s]+?)(?:\.pdf)?(?:[?#]|$)/i;

function arxivIdOf(fields: Fields): string | undefined {
  const archive = (fields.archiveprefix ?? fields.eprinttype ?? '').toLowerCase();
  const candidates = [
    fields.eprint && (archive === '' || archive === 'arxiv') ? fields.eprint : undefined,
    arxivIdInDoi(fields.doi ?? ''),
    ARXIV_URL.exec(fields.url ?? '')?.[1],
  ];
  for (const candidate of candidates) {
    const parsed = candidate ? parseArxivId(candidate) : null;
    if (parsed) return parsed.id;
  }
  const mentions = [
    fields.journal,
    fields.journaltitle,
    fields.howpublished,
    fields.note,
    fields.volume,
  ].join(' ');
  return /arxiv|corr/i.test(mentions) ? findArxivId(mentions)?.id : undefined;
}

function displayName(creator: Creator): string {
  const parts = creator.name
    ? [creator.name]
    : [creator.firstName, creator.prefix, creator.lastName, creator.suffix];
  return plainText(parts.filter(Boolean).join(' '));
}

/** biblatex `date = {2024-10-22}`, else `year` and `month` (the parser turns `oct` into "10"). */
function publishedAt(fields: Fields): string | undefined {
  const date = /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(fields.date ?? '')?.[0];
  if (date) return date;
  const year = /\d{4}/.exec(fields.year ?? '')?.[0];
  const month = Number(fields.month);
  if (!year) return undefined;
  return month >= 1 && month <= 12 ? `${year}-${String(month).padStart(2, '0')}` : year;
}

/** Keywords as tags; too many or too long ones are left for the schema to report, not cut. */
function tagsOf(fields: Fields): string[] {
  const tags = (fields.keywords ?? []).map((keyword) => plainText(keyword)).filter(Boolean);
  return [...new Set(tags)];
}

/** A bookmark for the schema to check, or the reason there can be none. */
export function bookmarkFromEntry(entry: Entry, now: number): BookmarkInput | string {
  const { fields } = entry;
  const title = plainText(fields.title);
  if (!title) return t('importNoTitle');
  const arxivId = arxivIdOf(fields);
  const doi = fields.doi ? normaliseDoi(fields.doi) : undefined;
  const citationKey = entry.key.trim().toLowerCase();
  let identity: Pick<BookmarkInput, 'key' | 'arxivId' | 'doi' | 'site' | 'absUrl' | 'pdfUrl'>;
  if (arxivId) {
    const { key, site, doi: arxivDoi, absUrl, pdfUrl } = arxivRef({ id: arxivId }, 'arxiv');
    identity = { key, arxivId, site, doi: doi ?? arxivDoi, absUrl, pdfUrl };
  } else if (doi) {
    identity = {
      key: doiKey(doi),
      doi,
      absUrl: isHttpUrl(fields.url) ? fields.url : `https://doi.org/${doi}`,
    };
  } else if (citationKey && !/\s/.test(citationKey)) {
    identity = { key: `bib:${citationKey}`, absUrl: isHttpUrl(fields.url) ? fields.url : undefined };
  } else {
    return t('importNoIdentifier');
  }
  const venue = plainText(fields.journal ?? fields.journaltitle ?? fields.booktitle);
  return {
    ...identity,
    title,
    authors: (fields.author ?? []).map(displayName).filter(Boolean),
    publishedAt: publishedAt(fields),
    venue: venue && !/arxiv|^corr$/i.test(venue) ? venue : undefined,
    summary: plainText(fields.abstract) || undefined,
    tags: tagsOf(fields),
    note: plainText(fields.annote ?? fields.annotation),
    read: false,
    addedAt: now,
    updatedAt: now,
  };
}
