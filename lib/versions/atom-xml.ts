import { SaxesParser, type SaxesTagNS } from 'saxes';

/**
 * XML → the few strings of an Atom feed we read, with saxes: a strict, namespace-aware SAX parser
 * in plain JavaScript (the Manifest V3 worker has no DOMParser). Elements are matched by namespace
 * URI, not prefix: the classic API declares namespaces on every element, arxiv-search's
 * serializer once on the root, and both must read the same.
 *
 * Entities: saxes decodes the five predefined ones and character references, and never reads a
 * DTD ("This parser doesn't do anything with that", its README), so internal, recursive and
 * external entities are never expanded: a reference to one is an "undefined entity" error. On top
 * of that a document with any DOCTYPE is refused outright: arXiv's API never sends one; an HTML
 * error page or an attack does.
 */

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const OPENSEARCH_NS = 'http://a9.com/-/spec/opensearch/1.1/';

/** Text kept per element: far above any real title or summary; stops a runaway element. */
const MAX_TEXT = 100_000;
const MAX_LINKS = 20;

export interface RawLink {
  rel?: string;
  href?: string;
}
export interface RawEntry {
  id?: string;
  updated?: string;
  title?: string;
  summary?: string;
  links: RawLink[];
}
export interface RawFeed {
  totalResults?: string;
  entries: RawEntry[];
}
export type XmlFailure = { kind: 'malformed' | 'doctype' | 'not-atom' | 'too-large'; message: string };
export type RawFeedResult = { ok: true; feed: RawFeed } | { ok: false; error: XmlFailure };

const ENTRY_TEXT_FIELDS = ['id', 'updated', 'title', 'summary'] as const;
type EntryTextField = (typeof ENTRY_TEXT_FIELDS)[number];

class Refused extends Error {
  constructor(readonly failure: XmlFailure) {
    super(failure.message);
  }
}

/** Never throws: every problem with the input comes back as `{ ok: false }`. */
export function readAtomXml(xml: string, maxEntries: number): RawFeedResult {
  const parser = new SaxesParser({ xmlns: true });
  const feed: RawFeed = { entries: [] };
  let depth = 0;
  let entry: RawEntry | undefined;
  // The element whose text we are collecting (a child of <entry>, or <totalResults>), and the depth it opened at.
  let capture: { field: EntryTextField | 'totalResults'; depth: number; text: string } | undefined;

  parser.on('doctype', () => {
    throw new Refused({ kind: 'doctype', message: 'The answer declares a DOCTYPE; arXiv never sends one' });
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    depth++;
    if (depth === 1) {
      if (tag.uri !== ATOM_NS || tag.local !== 'feed')
        throw new Refused({ kind: 'not-atom', message: `The answer is <${tag.name}>, not an Atom feed` });
    } else if (depth === 2 && tag.uri === ATOM_NS && tag.local === 'entry') {
      if (feed.entries.length >= maxEntries)
        throw new Refused({ kind: 'too-large', message: `More than ${maxEntries} entries` });
      entry = { links: [] };
      feed.entries.push(entry);
    } else if (depth === 2 && tag.uri === OPENSEARCH_NS && tag.local === 'totalResults') {
      capture = { field: 'totalResults', depth, text: '' };
    } else if (depth === 3 && entry && tag.uri === ATOM_NS) {
      if (tag.local === 'link' && entry.links.length < MAX_LINKS) {
        entry.links.push({ rel: tag.attributes.rel?.value, href: tag.attributes.href?.value });
      } else if ((ENTRY_TEXT_FIELDS as readonly string[]).includes(tag.local)) {
        capture = { field: tag.local as EntryTextField, depth, text: '' };
      }
    }
  });
  // Text of descendants counts too (like textContent): a title is plain text wherever it sat.
  const collect = (text: string) => {
    if (capture && capture.text.length < MAX_TEXT)
      capture.text += text.slice(0, MAX_TEXT - capture.text.length);
  };
  parser.on('text', collect);
  parser.on('cdata', collect);
  parser.on('closetag', () => {
    if (capture && capture.depth === depth) {
      if (capture.field === 'totalResults') feed.totalResults = capture.text;
      // The first occurrence wins: Atom allows one of each; a second must not override it.
      else if (entry && entry[capture.field] === undefined) entry[capture.field] = capture.text;
      capture = undefined;
    }
    if (depth === 2) entry = undefined;
    depth--;
  });

  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.failure };
    // saxes throws on the first well-formedness error when no error handler is set.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { kind: 'malformed', message: `Not well-formed XML: ${detail}` } };
  }
  return { ok: true, feed };
}
