import browser from 'webextension-polyfill';
import { feedPaperRef } from '../paper/arxiv-id';
import type { PaperRef } from '../paper/ref';
import { LIMITS } from '../limits';
import { isHttpUrl } from '../url';
import { t } from '../i18n';
import type { BookmarkChanged } from '../messaging/events';
import { mergeBookmark, sameBookmark } from '../library/import/merge';
import type { PaperPulseDB } from './db';
import type { Bookmark, Paper } from './records';
import type { VersionFields } from '../versions/alert';
import { journalEdits, type RowEdit } from './sync-journal';
import { readReplicaId } from './sync-state';

/**
 * The one module that writes bookmarks. Only the worker calls it (the popup and pages ask the
 * worker through lib/messaging), so every write is serialised in one place and announced to the
 * tabs that show the paper.
 */
export interface BookmarkWriterDeps {
  db: PaperPulseDB;
  now: () => number;
  /** Tells open pages; must not fail the write it reports. */
  announce: (events: BookmarkChanged[]) => Promise<void>;
  /** This browser's sync replica id (lib/storage/sync-state.ts); read before each write's transaction. */
  replicaId?: () => Promise<string>;
  /** Called after every committed write to the library (sync follows it); must not throw. */
  written?: () => void;
}

export interface ImportOptions {
  /** Let the file's notes, tags and read state into rows that exist (see lib/library/import/merge.ts). */
  overwriteUserFields: boolean;
  /** The rows come from a PaperPulse backup: with `overwriteUserFields`, rows are replaced exactly. */
  restore: boolean;
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
}

/** A bookmark from what a page (or URL) says, completed from the cached feed paper when there is one. */
export function bookmarkFromRef(ref: PaperRef, now: number, paper?: Paper): Bookmark {
  return {
    key: ref.key,
    arxivId: ref.arxivId,
    doi: ref.doi,
    site: ref.site,
    title: (ref.title || paper?.title || ref.arxivId || ref.key).slice(0, LIMITS.titleLength),
    // Cut to the row's bounds: a feed paper can list more authors, or a longer abstract, than a
    // bookmark may hold, and a row the schema refuses could not be restored or backed up.
    authors: (ref.authors?.length ? ref.authors : (paper?.authors ?? []))
      .slice(0, LIMITS.bookmarkAuthors)
      .map((name) => name.slice(0, LIMITS.authorLength)),
    absUrl: isHttpUrl(ref.absUrl) ? ref.absUrl : undefined,
    pdfUrl: isHttpUrl(ref.pdfUrl) ? ref.pdfUrl : undefined,
    publishedAt:
      paper?.publishedAt && paper.publishedAt.length <= LIMITS.publishedAtLength
        ? paper.publishedAt
        : undefined,
    summary: paper?.summary?.slice(0, LIMITS.summaryLength) || undefined,
    tags: [],
    note: '',
    read: false,
    addedAt: now,
    updatedAt: now,
    // The version the page showed (`/abs/2410.17243v1`): a later one is news (lib/versions).
    ...(ref.arxivId && ref.version ? { savedVersion: ref.version } : {}),
  };
}

export function bookmarkFromPaper(paper: Paper, now: number): Bookmark {
  return bookmarkFromRef(feedPaperRef(paper), now, paper);
}

export interface SetOptions {
  /**
   * The request comes from a web page (a card or chip), not from PaperPulse's own pages: a
   * bookmark holding the user's notes or tags is then kept, and the answer says so.
   */
  fromPage?: boolean;
}

/** The user's own work on a bookmark, which a page alone may never throw away. */
export function hasUserWork(bookmark: Bookmark): boolean {
  return bookmark.note.trim() !== '' || bookmark.tags.length > 0;
}

/** A restored row keeps what the user did since (a re-bookmark, a new note) and gets back the rest. */
function restoredRow(trashed: Bookmark, current: Bookmark | undefined, now: number): Bookmark {
  if (!current) return { ...trashed, updatedAt: now };
  return {
    ...current,
    note: current.note.trim() ? current.note : trashed.note,
    tags: [...new Set([...current.tags, ...trashed.tags])],
    read: current.read || trashed.read,
    addedAt: Math.min(current.addedAt, trashed.addedAt),
    updatedAt: now,
  };
}

export function createBookmarkWriter({
  db,
  now,
  announce,
  replicaId = () => readReplicaId(browser.storage.local),
  written = () => {},
}: BookmarkWriterDeps) {
  const changed = (key: string, bookmarked: boolean): BookmarkChanged => ({
    type: 'bookmark.changed',
    key,
    bookmarked,
  });
  return {
    /**
     * Adds or removes a bookmark. Adding one that exists keeps the user's tags, note and read
     * state; adding one removed lately brings its notes and tags back from the trash. Removing
     * moves it to the trash (LIMITS.trashDays), never deletes it. Returns the state after the call.
     */
    async set(
      ref: PaperRef,
      bookmarked: boolean,
      { fromPage = false }: SetOptions = {},
    ): Promise<{ bookmarked: boolean; kept?: true }> {
      const replica = await replicaId();
      let wrote = false;
      const tables = [db.bookmarks, db.papers, db.trash, db.syncRecords];
      const result = await db.transaction('rw', tables, async () => {
        const existing = await db.bookmarks.get(ref.key);
        const journal = async (after?: Bookmark) => {
          await journalEdits(db, [{ key: ref.key, before: existing, after }], now(), replica);
          wrote = true;
        };
        if (!bookmarked) {
          if (!existing) return { bookmarked: false };
          if (fromPage && hasUserWork(existing)) return { bookmarked: true, kept: true as const };
          await db.trash.put({ key: ref.key, bookmark: existing, removedAt: now() });
          await db.bookmarks.delete(ref.key);
          await journal();
          return { bookmarked: false };
        }
        if (existing) return { bookmarked: true };
        const trashed = await db.trash.get(ref.key);
        if (trashed) {
          const restored = restoredRow(trashed.bookmark, undefined, now());
          await db.bookmarks.add(restored);
          await db.trash.delete(ref.key);
          await journal(restored);
          return { bookmarked: true };
        }
        const paper = ref.arxivId ? await db.papers.get(ref.arxivId) : undefined;
        const added = bookmarkFromRef(ref, now(), paper);
        await db.bookmarks.add(added);
        await journal(added);
        return { bookmarked: true };
      });
      if (wrote) written();
      await announce([changed(ref.key, result.bookmarked)]);
      return result;
    },

    /** Tags, note or read state; fails when the bookmark is gone (removed meanwhile elsewhere). */
    async update(key: string, changes: Partial<Pick<Bookmark, 'tags' | 'note' | 'read'>>): Promise<void> {
      const replica = await replicaId();
      await db.transaction('rw', db.bookmarks, db.syncRecords, async () => {
        const before = await db.bookmarks.get(key);
        if (!before) throw new Error(t('errorBookmarkGone'));
        const at = now();
        const after: Bookmark = { ...before, ...changes, updatedAt: at };
        await db.bookmarks.put(after);
        await journalEdits(db, [{ key, before, after }], at, replica);
      });
      written();
    },

    /** Puts a removed bookmark back from the trash, notes and tags included (Undo). */
    async restore(key: string): Promise<void> {
      const replica = await replicaId();
      await db.transaction('rw', db.bookmarks, db.trash, db.syncRecords, async () => {
        const trashed = await db.trash.get(key);
        if (!trashed) throw new Error(t('errorNotInTrash'));
        const at = now();
        const before = await db.bookmarks.get(key);
        const after = restoredRow(trashed.bookmark, before, at);
        await db.bookmarks.put(after);
        await db.trash.delete(key);
        await journalEdits(db, [{ key, before, after }], at, replica);
      });
      written();
      await announce([changed(key, true)]);
    },

    /** Forgets removed bookmarks older than LIMITS.trashDays; returns how many. */
    async pruneTrash(): Promise<number> {
      const cutoff = now() - LIMITS.trashDays * 86_400_000;
      return db.trash.where('removedAt').below(cutoff).delete();
    },

    /**
     * Writes an import in one read-write transaction: if any write fails, none is kept. The
     * library is read again inside the transaction rather than trusted from the preview, because a
     * bookmark may have been added (from a paper page, another window) while the user looked at
     * the preview; such a paper is merged like any existing one instead of being overwritten.
     * Nothing is deleted.
     */
    async importRows(incoming: readonly Bookmark[], options: ImportOptions): Promise<ImportResult> {
      const merge = { ...options, now: now() };
      const result: ImportResult = { added: 0, updated: 0, unchanged: 0 };
      const addedKeys: string[] = [];
      const replica = await replicaId();
      await db.transaction('rw', db.bookmarks, db.syncRecords, async () => {
        const currentRows = await db.bookmarks.bulkGet(incoming.map((row) => row.key));
        const writes: Bookmark[] = [];
        const edits: RowEdit[] = [];
        incoming.forEach((row, index) => {
          const current = currentRows[index];
          if (!current) {
            writes.push(row);
            edits.push({ key: row.key, before: undefined, after: row });
            addedKeys.push(row.key);
            result.added++;
            return;
          }
          const merged = mergeBookmark(current, row, merge);
          if (sameBookmark(merged, current)) result.unchanged++;
          else {
            writes.push(merged);
            edits.push({ key: row.key, before: current, after: merged });
            result.updated++;
          }
        });
        // Not caught here: a failed write rejects the transaction callback, and Dexie then aborts it.
        await db.bookmarks.bulkPut(writes);
        await journalEdits(db, edits, merge.now, replica);
      });
      if (result.added + result.updated) written();
      await announce(addedKeys.map((key) => changed(key, true)));
      return result;
    },

    /**
     * Version-check fields only (lib/versions): `decide` gets the rows as they are inside one
     * read-write transaction, so a dismissal made meanwhile is never overwritten. Not a user edit:
     * `updatedAt` stays. Returns the keys written.
     */
    async updateVersionFields(
      keys: readonly string[],
      decide: (rows: Bookmark[]) => { key: string; fields: VersionFields }[],
    ): Promise<string[]> {
      return db.transaction('rw', db.bookmarks, async () => {
        const rows = (await db.bookmarks.bulkGet([...keys])).filter((row) => row !== undefined);
        const updates = decide(rows);
        for (const { key, fields } of updates) await db.bookmarks.update(key, fields);
        return updates.map((update) => update.key);
      });
    },
  };
}

export type BookmarkWriter = ReturnType<typeof createBookmarkWriter>;
