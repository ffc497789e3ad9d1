import { PAGE_LIMITS } from '../../limits';
import { parseArxivId } from '../../paper/arxiv-id';
import { normaliseDoi } from '../../paper/doi';
import type { PaperRef } from '../../paper/ref';
import { clean } from '../../text';
import { isHttpUrl } from '../../url';

/** A page's `<meta>` tags by lower-cased `name` (or `property`), in page order. */
export type MetaTags = Map<string, string[]>;

/** Head only: user content in a page's body cannot add tags there. Capped against hostile pages. */
export function readMetaTags(doc: Document): MetaTags {
  const tags: MetaTags = new Map();
  const metas = doc.head?.getElementsByTagName('meta') ?? [];
  for (let i = 0; i < metas.length && i < 2000; i++) {
    const meta = metas[i]!;
    const name = (meta.getAttribute('name') || meta.getAttribute('property'))?.toLowerCase();
    const content = meta.getAttribute('content');
    if (!name || content === null) continue;
    const values = tags.get(name);
    if (values) values.push(content);
    else tags.set(name, [content]);
  }
  return tags;
}

export function firstTag(tags: MetaTags, ...names: string[]): string | undefined {
  for (const name of names) {
    for (const value of tags.get(name) ?? []) {
      const text = clean(value, PAGE_LIMITS.urlLength);
      if (text) return text;
    }
  }
  return undefined;
}

export function textOf(doc: Document, selector: string): string | undefined {
  return clean(doc.querySelector(selector)?.textContent);
}

/** Highwire pages (arXiv, ACL, CVF) write "Last, First"; others "First Last". Both give "First Last". */
function personName(raw: string): string | undefined {
  const parts = raw.split(',');
  const name = parts.length === 2 ? `${parts[1]} ${parts[0]}` : raw;
  return clean(name, PAGE_LIMITS.authorLength);
}

export function pageAuthors(tags: MetaTags): string[] {
  const raw = tags.get('citation_author') ?? tags.get('dc.creator') ?? [];
  const authors: string[] = [];
  for (const value of raw.slice(0, PAGE_LIMITS.authors)) {
    const name = personName(value);
    if (name) authors.push(name);
  }
  return authors;
}

/** The distinct DOIs a page declares about itself in its tags (never from links). */
export function pageDois(tags: MetaTags): Set<string> {
  const dois = new Set<string>();
  for (const name of ['citation_doi', 'prism.doi', 'dc.identifier', 'dc.identifier.doi']) {
    for (const value of tags.get(name) ?? []) {
      const doi = normaliseDoi(value);
      if (doi) dois.add(doi);
    }
  }
  return dois;
}

export interface PageHints {
  /** Where the title is when the page has no `citation_title` / `DC.title`. */
  title?: (doc: Document, tags: MetaTags) => string | undefined;
  /** False when the tags describe another paper than the URL (a single-page app that moved on). */
  samePaper?: (tags: MetaTags) => boolean;
}

/** Adds what the page says (title, authors, PDF, arXiv id, DOI) to a ref whose identity came from the URL. */
export function describePage(
  ref: PaperRef,
  doc: Document | undefined,
  hints: PageHints = {},
  tags = doc && readMetaTags(doc),
): PaperRef {
  if (!doc || !tags) return ref;
  if (hints.samePaper && !hints.samePaper(tags)) return ref;
  const title = clean(firstTag(tags, 'citation_title', 'dc.title') ?? hints.title?.(doc, tags));
  if (title) ref.title = title;
  const authors = pageAuthors(tags);
  if (authors.length) ref.authors = authors;
  const pdfUrl = firstTag(tags, 'citation_pdf_url');
  if (!ref.pdfUrl && isHttpUrl(pdfUrl)) ref.pdfUrl = pdfUrl;
  const arxiv = parseArxivId(firstTag(tags, 'citation_arxiv_id') ?? '');
  if (!ref.arxivId && arxiv) ref.arxivId = arxiv.id;
  const dois = pageDois(tags);
  if (!ref.doi && dois.size === 1) ref.doi = [...dois][0];
  return ref;
}
