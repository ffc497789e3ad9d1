import type { MessageTable } from '../i18n';
import type { Runtime } from 'webextension-polyfill';
import { z } from '../zod';
import { IMPORT_LIMITS, LIMITS } from '../limits';
import { parseArxivId } from '../paper/arxiv-id';
import { PaperKeySchema, PaperRefSchema } from '../paper/ref';
import type { RelatedHit } from '../related';
import { BookmarkSchema, type StateValues } from '../storage/records';
import type { VersionAlert } from '../versions/alert';

export type { BookmarkChanged, BroadcastEvent } from './events';

/**
 * The one message contract between content scripts, the popup and the worker. Requests are
 * validated with zod where they are received (the worker, lib/messaging/receive.ts); anything
 * that does not parse is refused. Content scripts run next to hostile pages, so only `untrusted`
 * messages are accepted from them. What the worker sends back to pages is in ./events.ts.
 */

/** A bare arXiv id in canonical form (what lib/sites produces). */
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
  /** The watched topics the paper is on (the card marks it). */
  watched?: string[];
  /** The user turned PaperPulse off on this site: the page gets nothing. */
  off?: true;
  /** A bookmarked arXiv paper has a newer version than the one saved ("v3 available"). */
  versionAlert?: VersionAlert;
  /** The card's words in the user's language, for a page (lib/messaging/card-words.ts). */
  words?: MessageTable;
}

/** The bookmark fields the user edits in the popup. */
export const BookmarkChangesSchema = z
  .object({
    tags: BookmarkSchema.shape.tags.unwrap().optional(),
    note: z.string().max(LIMITS.noteLength).optional(),
    read: z.boolean().optional(),
  })
  .strict();
export type BookmarkChanges = z.infer<typeof BookmarkChangesSchema>;

export const PROTOCOL = {
  /** What PaperPulse knows of the paper on a page. */
  'paper.status': {
    untrusted: true,
    request: z.object({ ref: PaperRefSchema }),
  },
  /** Listing pages: feed numbers and bookmark state for many arXiv ids at once. */
  'paper.statusMany': {
    untrusted: true,
    request: z.object({ arxivIds: z.array(ARXIV_ID).max(LIMITS.idsPerMessage) }),
  },
  /** Add or remove a bookmark with what the page (or the popup) knows about the paper. */
  'bookmark.set': {
    untrusted: true,
    request: z.object({ ref: PaperRefSchema, bookmarked: z.boolean() }),
  },
  /** Tags, note or read state edited in the popup. */
  'bookmark.update': {
    untrusted: false,
    request: z.object({ key: PaperKeySchema, changes: BookmarkChangesSchema }),
  },
  /** Put a removed bookmark back from the trash, notes and tags included (Undo, "Recently removed"). */
  'bookmark.restore': {
    untrusted: false,
    request: z.object({ key: PaperKeySchema }),
  },
  /** "Dismiss" (or the link opened) on a "v3 available" alert: that version never shows again. */
  'bookmark.dismissVersionAlert': {
    untrusted: true,
    request: z.object({ key: PaperKeySchema }),
  },
  /** Open the user's library on this paper (a page cannot remove a bookmark that holds notes). */
  'library.open': {
    untrusted: true,
    request: z.object({ key: PaperKeySchema }),
  },
  /** Write a previewed import (lib/library/import): new rows added, existing ones merged. */
  'library.import': {
    untrusted: false,
    request: z.object({
      rows: z.array(BookmarkSchema).max(IMPORT_LIMITS.entries),
      overwriteUserFields: z.boolean(),
      restore: z.boolean(),
    }),
  },
  /** Titles related to a paper, from the worker's Related index (the popup's Related tab). */
  'related.query': {
    untrusted: false,
    request: z.object({
      target: z.object({
        id: z.string().max(LIMITS.keyLength),
        title: z.string().max(LIMITS.titleLength),
        summary: z.string().max(LIMITS.summaryLength).optional(),
        keywords: z.array(z.string().max(200)).max(100).optional(),
      }),
      limit: z.number().int().min(1).max(100),
    }),
  },
  /** The popup opened: everything stored so far is seen (the badge clears); refresh if stale. */
  'popup.opened': {
    untrusted: false,
    request: z.object({}),
  },
  /** "Refresh now" (popup header, options page), within the refresh gate's bounds. */
  'feed.refreshNow': {
    untrusted: false,
    request: z.object({}),
  },
  /** The options page's "Clear the feed cache" and "Clear everything" (after its confirmation). */
  'data.clear': {
    untrusted: false,
    request: z.object({ what: z.enum(['feed', 'everything']) }),
  },
} as const;

export interface ProtocolResponses {
  'paper.status': PaperStatus;
  'paper.statusMany': {
    items: Record<string, { bookmarked: boolean; feed: FeedInfo | null }>;
    /** The user turned PaperPulse off on this site. */
    off?: true;
    /** The chips' words in the user's language (lib/messaging/card-words.ts). */
    words?: MessageTable;
  };
  /**
   * `bookmarked` is the state after the call; `kept` when a page asked to remove a bookmark that
   * holds the user's notes or tags, which only the popup may do.
   */
  'bookmark.set': { key: string; bookmarked: boolean; kept?: true };
  'bookmark.update': { key: string };
  'bookmark.restore': { key: string };
  'bookmark.dismissVersionAlert': { key: string };
  'library.open': { opened: boolean };
  'library.import': { added: number; updated: number; unchanged: number };
  'related.query': { hits: RelatedHit[] };
  /** When the user had last looked before this opening (rows newer than it get the "new" dot). */
  'popup.opened': { seenBefore: StateValues['lastSeenAt'] };
  /** Whether a refresh started, and from when the next one is allowed. */
  'feed.refreshNow': { started: boolean; nextAllowedAt: number };
  'data.clear': { cleared: 'feed' | 'everything' };
}

export type MessageType = keyof typeof PROTOCOL;
export type MessageRequest<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['request']>;

/** Who sent a request: extension pages (the popup, the options page) are trusted, content scripts are not. */
export interface MessageContext {
  sender: Runtime.MessageSender;
  fromExtensionPage: boolean;
}

export type Handlers = {
  [T in MessageType]: (request: MessageRequest<T>, context: MessageContext) => Promise<ProtocolResponses[T]>;
};

export type MessageResult<T extends MessageType> =
  { ok: true; value: ProtocolResponses[T] } | { ok: false; error: string };
