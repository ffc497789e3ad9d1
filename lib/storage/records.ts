import { z } from '../zod';
import { LIMITS } from '../limits';
import { HttpUrlSchema, PaperKeySchema, SiteSchema, type PaperRef } from '../paper/ref';
import { VersionFieldsSchema } from '../versions/alert';

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

/** A bookmark timestamp (see LIMITS.earliestTime): a number every export can turn into a date. */
const TimestampSchema = z
  .number()
  .int({ error: 'is not a whole number of milliseconds' })
  .min(LIMITS.earliestTime, { error: 'is before 1970' })
  .max(LIMITS.latestTime, { error: 'is after 2100' });

const text = (max: number) => z.string().max(max);

/**
 * Every field is bounded, so that any row this schema accepts can be stored, shown and exported
 * in every format (tests/unit/export-bounds.test.ts), and an import file cannot bring in a
 * megabyte of abstract. The bounds hold every row PaperPulse writes itself (LIMITS).
 */
export const BookmarkSchema = z.object({
  key: PaperKeySchema,
  arxivId: text(LIMITS.arxivIdLength).optional(),
  doi: text(LIMITS.doiLength).optional(),
  site: SiteSchema.optional().catch(undefined),
  title: z.string().min(1).max(LIMITS.titleLength),
  authors: z.array(text(LIMITS.authorLength)).max(LIMITS.bookmarkAuthors).default([]),
  // Only http(s) links are kept: a backup or BibTeX file could carry `javascript:` URLs into the
  // popup's links and every export.
  absUrl: optionalHttpUrl,
  pdfUrl: optionalHttpUrl,
  /** ISO date or year, when known. */
  publishedAt: text(LIMITS.publishedAtLength).optional(),
  venue: text(LIMITS.venueLength).optional(),
  summary: text(LIMITS.summaryLength).optional(),
  tags: z.array(z.string().min(1).max(LIMITS.tagLength)).max(LIMITS.tags).default([]),
  note: text(LIMITS.noteLength).default(''),
  read: z.boolean().default(false),
  addedAt: TimestampSchema,
  updatedAt: TimestampSchema,
  // savedVersion, latestVersion, alertedVersion: new versions of saved preprints (lib/versions).
  // Optional and not indexed, so rows written before them parse as they are.
  ...VersionFieldsSchema.shape,
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
  /** Consecutive failed refreshes (a run cut off by a stopped worker included), for the backoff. */
  failedAttempts: number;
  /** No refresh before this time: the latest `Retry-After` (at most a day ahead); 0 after a success. */
  retryNotBefore: number;
  /** When the refresh gate next lets an automatic refresh through (for "next try at …"). */
  nextRefreshAllowedAt: number;
  /** The last "Refresh now" (at most one a minute). */
  lastManualRefreshAt: number;
  /** When a follow-up run continues a backfill that the request budget cut short; 0 when none. */
  followUpAt: number;
  /**
   * Times of recent requests to Hugging Face on the server's clock as best known, written before
   * each request: the hard cap every refresh passes (lib/feed/ledger.ts).
   */
  requestLedger: readonly number[];
  /** Backfill days that keep failing: consecutive failures and when the day may be asked again. */
  dayRetries: Readonly<Record<string, { readonly failures: number; readonly nextTryAt: number }>>;
  /** The server's clock minus ours, from the latest `Date` header Hugging Face sent. */
  serverClockOffsetMs: number;
  /** The latest time a `Date` header showed: the server's today is at least this day. 0 = never. */
  serverTimeSeen: number;
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
  /** When the last version check (lib/worker/versions.ts) started, finished or not; 0 = never. */
  lastVersionCheckAt: number;
  /** Whether it ended without a failed request (false while one runs, or after one was cut off). */
  lastVersionCheckOk: boolean;
  /** arXiv's `Retry-After` from the last failed check, in ms; 0 when none. */
  lastVersionCheckRetryAfterMs: number;
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
