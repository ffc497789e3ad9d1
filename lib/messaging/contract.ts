import { z } from '../zod';
import browser, { type Runtime } from 'webextension-polyfill';
import { parseArxivId } from '../paper/arxiv-id';
import { PaperRefSchema } from '../paper/ref';
import type { RelatedHit } from '../related';

/**
 * The one message contract between content scripts, the popup and the worker. Requests are
 * validated with zod where they are received (the worker); anything that does not parse is refused.
 * Content scripts run next to hostile pages, so only `untrusted` messages are accepted from them.
 */
/** A bare arXiv id in canonical form (what lib/detect produces). */
const ARXIV_ID = z.string().refine((id) => parseArxivId(id)?.id === id, 'not a bare arXiv id');

/** What the worker tells a page about a paper in the cached feed (links are http(s) only). */
export interface FeedInfo {
  arxivId: string;
  date: string;
  rank: number;
  upvotes: number;
  numComments: number;
  githubRepo?: string;
  projectPage?: string;
}

export interface PaperStatus {
  key: string;
  bookmarked: boolean;
  feed: FeedInfo | null;
}

export const PROTOCOL = {
  /** What PaperPulse knows of the paper on a page. */
  'paper.status': {
    untrusted: true,
    request: z.object({ ref: PaperRefSchema }),
  },
  /** Listing pages: feed numbers and bookmark state for many arXiv ids at once. */
  'paper.statusMany': {
    untrusted: true,
    request: z.object({ arxivIds: z.array(ARXIV_ID).max(1000) }),
  },
  /** Add or remove a bookmark with what the page knows about the paper. */
  'bookmark.set': {
    untrusted: true,
    request: z.object({ ref: PaperRefSchema, bookmarked: z.boolean() }),
  },
  /** Titles related to a paper, from the worker's Related index (the popup's Related tab). */
  'related.query': {
    untrusted: false,
    request: z.object({
      target: z.object({
        id: z.string().max(300),
        title: z.string().max(1000),
        summary: z.string().max(20_000).optional(),
        keywords: z.array(z.string().max(200)).max(100).optional(),
      }),
      limit: z.number().int().min(1).max(100),
    }),
  },
  /** Refresh the feed now if it is stale or the last refresh failed (the popup opening). */
  'feed.refreshIfStale': {
    untrusted: false,
    request: z.object({}),
  },
} as const;

export interface ProtocolResponses {
  'paper.status': PaperStatus;
  'paper.statusMany': { items: Record<string, { bookmarked: boolean; feed: FeedInfo | null }> };
  'bookmark.set': { key: string; bookmarked: boolean };
  'related.query': { hits: RelatedHit[] };
  'feed.refreshIfStale': { refreshed: boolean };
}

export type MessageType = keyof typeof PROTOCOL;
export type MessageRequest<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['request']>;
export type Handlers = {
  [T in MessageType]: (
    request: MessageRequest<T>,
    sender: Runtime.MessageSender,
  ) => Promise<ProtocolResponses[T]>;
};

export type MessageResult<T extends MessageType> =
  { ok: true; value: ProtocolResponses[T] } | { ok: false; error: string };

/**
 * Is the sender one of this extension's own pages (the popup, in its window or a tab), not a content script? A content
 * script's `sender.url` is the web page's; only our pages have our origin. (`sender.tab` is no test:
 * the popup opened in a tab has one.)
 */
export function isExtensionPage(
  sender: Runtime.MessageSender,
  extensionId: string,
  extensionOrigin: string,
): boolean {
  return (
    sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)
  );
}

/**
 * Validates a raw message against the contract and runs its handler; fails closed with an error
 * the sender can show. Never throws: a hostile page cannot crash the worker through it.
 */
export async function dispatchMessage(
  raw: unknown,
  sender: Runtime.MessageSender,
  handlers: Handlers,
  self: { id: string; origin: string },
): Promise<MessageResult<MessageType>> {
  if (sender.id !== self.id) return { ok: false, error: 'unknown sender' };
  const envelope = z.object({ type: z.string(), payload: z.unknown() }).safeParse(raw);
  if (!envelope.success || !Object.hasOwn(PROTOCOL, envelope.data.type)) {
    return { ok: false, error: 'unknown message' };
  }
  const type = envelope.data.type as MessageType;
  const spec = PROTOCOL[type];
  if (!spec.untrusted && !isExtensionPage(sender, self.id, self.origin)) {
    return { ok: false, error: `${type} is only accepted from extension pages` };
  }
  const request = spec.request.safeParse(envelope.data.payload);
  if (!request.success) return { ok: false, error: `invalid ${type}: ${z.prettifyError(request.error)}` };
  try {
    const handler = handlers[type] as (r: unknown, s: Runtime.MessageSender) => Promise<unknown>;
    return { ok: true, value: (await handler(request.data, sender)) as never };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Registers the worker's side of the contract. Call synchronously from the background's main(). */
export function registerHandlers(handlers: Handlers): void {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) =>
    dispatchMessage(raw, sender, handlers, self),
  );
}
