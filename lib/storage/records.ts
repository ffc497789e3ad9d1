import { z } from '../zod';
import { LIMITS } from '../limits';
import { HttpUrlSchema, PaperKeySchema, SiteSchema, type PaperRef } from '../paper/ref';

/**
 * The rows PaperPulse stores. These schemas are the types, and they are used to parse rows that
 * come from outside the current code: backups, imports, and rows written by an older version.
 */

/** One Daily Papers paper, keyed by its bare arXiv id (no version). */
export const PaperSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  summary: z.string().default(''),
  authors: z.array(z.string()).default([]),
  /** arXiv publication date (ISO). */
  publishedAt: z.string().optional(),
  upvotes: z.number().int().default(0),
  numComments: z.number().int().default(0),
  githubRepo: z.string().optional(),
  githubStars: z.number().int().optional(),
  projectPage: z.string().optional(),
  aiSummary: z.string().optional(),
  aiKeywords: z.array(z.string()).optional(),
  organization: z.string().optional(),
  /** The Daily Papers day (UTC, YYYY-MM-DD) it was listed on. */
  dailyDate: z.string(),
  /** When PaperPulse first stored this paper (ms since epoch): drives the badge. */
  firstSeenAt: z.number(),
  /** When a refresh last brought numbers for it. */
  updatedAt: z.number(),
});
export type Paper = z.infer<typeof PaperSchema>;

/** One Daily Papers day: its papers ranked by upvotes when fetched. Written whole, in one transaction. */
export const FeedDaySchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  paperIds: z.array(z.string()),
  fetchedAt: z.number(),
  /** Items the feed sent that failed validation, with reasons (kept for diagnostics). */
  dropped: z.array(z.object({ index: z.number(), reason: z.string() })).default([]),
});
export type FeedDay = z.infer<typeof FeedDaySchema>;

const optionalHttpUrl = HttpUrlSchema.optional().catch(undefined);

export const BookmarkSchema = z.object({
  key: PaperKeySchema,
  arxivId: z.string().optional(),
  doi: z.string().optional(),
  site: SiteSchema.optional().catch(undefined),
  title: z.string().min(1).max(LIMITS.titleLength),
  authors: z.array(z.string().max(LIMITS.authorLength)).max(LIMITS.authors).default([]),
  // Only http(s) links are kept: a backup or BibTeX file could carry `javascript:` URLs into the
  // popup's links and every export.
  absUrl: optionalHttpUrl,
  pdfUrl: optionalHttpUrl,
  /** ISO date or year, when known. */
  publishedAt: z.string().optional(),
  venue: z.string().optional(),
  summary: z.string().optional(),
  tags: z.array(z.string().min(1).max(LIMITS.tagLength)).max(LIMITS.tags).default([]),
  note: z.string().max(LIMITS.noteLength).default(''),
  read: z.boolean().default(false),
  addedAt: z.number(),
  updatedAt: z.number(),
});
export type Bookmark = z.infer<typeof BookmarkSchema>;
export type BookmarkInput = z.input<typeof BookmarkSchema>;

/** A removed bookmark, kept whole until it is restored or LIMITS.trashDays have passed. */
export const TrashRowSchema = z.object({
  key: PaperKeySchema,
  bookmark: BookmarkSchema,
  removedAt: z.number(),
});
export type TrashRow = z.infer<typeof TrashRowSchema>;

/** Extension state that must survive the worker being stopped. */
export interface StateValues {
  /** When the popup was last opened: papers first seen after this are "new". */
  lastSeenAt: number;
  lastRefreshStartedAt: number;
  lastRefreshFinishedAt: number;
  /** When a refresh last completed without error. */
  lastRefreshOkAt: number;
  lastError: { at: number; message: string } | null;
  /** Consecutive failed refreshes, for exponential backoff. */
  failedAttempts: number;
  /** After a 429: no request before this time (its Retry-After). */
  retryNotBefore: number;
  /** The paper page a content script last showed (the Related tab's fallback when the tab's URL is not readable). */
  lastViewedPaper: { ref: PaperRef; at: number } | null;
  /**
   * Watched-topic notifications: every paper first stored up to this `firstSeenAt` has been
   * considered (lib/worker/notify-watched.ts). 0 until the first feed is stored, which is never news.
   */
  watchedConsideredUpTo: number;
  /** Papers a watched-topic notification was shown for, while they are stored (pruned with the feed). */
  watchedNotifiedIds: string[];
  /** When the last weekly digest was shown, or when it was switched on; 0 while it is off. */
  digestLastAt: number;
}
export type StateKey = keyof StateValues;
export interface StateRow<K extends StateKey = StateKey> {
  key: K;
  value: StateValues[K];
}

/** A persisted search index: the index itself and, per document, the stamp it was indexed at. */
export interface SearchIndexRow {
  name: string;
  index: unknown;
  stamps: Record<string, number>;
  savedAt: number;
}
