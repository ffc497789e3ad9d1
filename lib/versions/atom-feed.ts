import { z } from '../zod';
import { isApiErrorId, parseAbsUrl } from './abs-url';
import { readAtomXml, type XmlFailure } from './atom-xml';

/**
 * arXiv's Atom answer → the latest version of each paper it names. Schemas first: the raw strings
 * the XML reader collected are validated here, so nothing the network sent reaches the rest of
 * the feature unchecked. Never throws.
 */

/** ~100 entries of a few KB each make a normal answer; 5 MB leaves room for huge author lists. */
export const MAX_FEED_CHARS = 5_000_000;
/** Far above a batch (100): a feed with more entries than that is not an answer to us. */
export const MAX_FEED_ENTRIES = 1_000;

const RawEntrySchema = z.object({
  id: z.string().max(500),
  updated: z.string().max(100).optional(),
  title: z.string().max(5_000).optional(),
  summary: z.string().max(100_000).optional(),
  links: z.array(z.object({ rel: z.string().optional(), href: z.string().max(2_000).optional() })),
});

export const AtomEntrySchema = z.object({
  /** As arXiv wrote it, without the version: `2410.17243`, `hep-ex/0307015`. */
  arxivId: z.string().min(1).max(64),
  version: z.number().int().min(1).max(9_999),
  /** When this version was submitted (RFC 3339, as sent). */
  updated: z.iso.datetime({ offset: true }),
  /** Whitespace collapsed (arXiv hard-wraps titles). Plain text: never render it as HTML. */
  title: z.string().max(1_000),
});
export type AtomEntry = z.infer<typeof AtomEntrySchema>;

/** An error entry: "Errors are returned as Atom feeds with a single entry representing the error". */
export interface ApiError {
  /** `http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345` */
  id: string;
  message: string;
}

export interface AtomFeed {
  totalResults?: number;
  entries: AtomEntry[];
  apiErrors: ApiError[];
  /** Entries dropped because they failed validation (no usable id, version or date). */
  invalidEntries: number;
}

export type AtomFeedError = XmlFailure;
export type AtomFeedResult = { ok: true; feed: AtomFeed } | { ok: false; error: AtomFeedError };

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The version from the `<id>`, else from the alternate link (the manual's own example needs this). */
function toEntry(raw: z.infer<typeof RawEntrySchema>): AtomEntry | undefined {
  const fromId = parseAbsUrl(raw.id);
  if (!fromId) return undefined;
  let version = fromId.version;
  if (version === undefined) {
    // Atom: a link without rel is an alternate link (RFC 4287 §4.2.7.2).
    for (const link of raw.links) {
      if ((link.rel ?? 'alternate') !== 'alternate' || !link.href) continue;
      const fromLink = parseAbsUrl(link.href);
      if (fromLink?.arxivId === fromId.arxivId && fromLink.version) version = fromLink.version;
    }
  }
  const parsed = AtomEntrySchema.safeParse({
    arxivId: fromId.arxivId,
    version,
    updated: raw.updated?.trim(),
    title: collapse(raw.title ?? ''),
  });
  return parsed.success ? parsed.data : undefined;
}

export function parseAtomFeed(xml: string, maxChars = MAX_FEED_CHARS): AtomFeedResult {
  if (xml.length > maxChars)
    return { ok: false, error: { kind: 'too-large', message: `The answer is over ${maxChars} characters` } };
  const read = readAtomXml(xml, MAX_FEED_ENTRIES);
  if (!read.ok) return read;
  const feed: AtomFeed = { entries: [], apiErrors: [], invalidEntries: 0 };
  const total = Number(read.feed.totalResults?.trim());
  if (read.feed.totalResults !== undefined && Number.isSafeInteger(total) && total >= 0)
    feed.totalResults = total;
  for (const raw of read.feed.entries) {
    const checked = RawEntrySchema.safeParse(raw);
    if (!checked.success) {
      feed.invalidEntries++;
      continue;
    }
    const id = checked.data.id.trim();
    if (isApiErrorId(id)) {
      const message = collapse(checked.data.summary ?? checked.data.title ?? 'Error').slice(0, 500);
      feed.apiErrors.push({ id, message });
      continue;
    }
    const entry = toEntry(checked.data);
    if (entry) feed.entries.push(entry);
    else feed.invalidEntries++;
  }
  return { ok: true, feed };
}
