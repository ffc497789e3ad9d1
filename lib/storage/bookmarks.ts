import browser from 'webextension-polyfill';
import type { PaperPulseDB } from './db';
import { arxivRef } from '../paper/arxiv-id';
import type { PaperRef } from '../paper/ref';
import type { Bookmark, Paper } from './records';
import { isHttpUrl } from '../url';

/** The message open pages get when a bookmark changes (content scripts cannot read IndexedDB). */
export const BOOKMARK_CHANGED = 'paperpulse:bookmark-changed';

export interface BookmarkEvent {
  type: typeof BOOKMARK_CHANGED;
  key: string;
  bookmarked: boolean;
}

/** A bookmark from what a page (or URL) says, completed from the cached feed paper when there is one. */
export function bookmarkFromRef(ref: PaperRef, now: number, paper?: Paper): Bookmark {
  return {
    key: ref.key,
    arxivId: ref.arxivId,
    doi: ref.doi,
    site: ref.site,
    title: (ref.title || paper?.title || ref.arxivId || ref.key).slice(0, 1000),
    authors: ref.authors?.length ? ref.authors : (paper?.authors ?? []),
    absUrl: isHttpUrl(ref.absUrl) ? ref.absUrl : undefined,
    pdfUrl: isHttpUrl(ref.pdfUrl) ? ref.pdfUrl : undefined,
    publishedAt: paper?.publishedAt,
    summary: paper?.summary || undefined,
    tags: [],
    note: '',
    read: false,
    addedAt: now,
    updatedAt: now,
  };
}

/** The reference of a Daily Papers paper (always an arXiv paper). */
export function paperRef(paper: Paper): PaperRef {
  return { ...arxivRef({ id: paper.id }, 'arxiv'), title: paper.title, authors: paper.authors };
}

/**
 * Tells every tab's content script (tabs without one just refuse). Messages rather than a
 * storage.onChanged listener: they keep chrome.storage's bindings out of every paper page.
 */
async function announce(key: string, bookmarked: boolean): Promise<void> {
  const event: BookmarkEvent = { type: BOOKMARK_CHANGED, key, bookmarked };
  const tabs = await browser.tabs.query({}).catch(() => []);
  // Never fails the write it reports: a tab without our content script just refuses.
  await Promise.all(
    tabs.map(async (tab) => {
      try {
        if (tab.id !== undefined) await browser.tabs.sendMessage(tab.id, event);
      } catch {
        // no content script in that tab
      }
    }),
  );
}

/**
 * Adds or removes a bookmark. Adding one that exists keeps the user's tags, note and read state.
 * Every change is announced so that cards on open pages stay in step.
 */
export async function setBookmarked(
  db: PaperPulseDB,
  ref: PaperRef,
  bookmarked: boolean,
  now: number,
): Promise<Bookmark | undefined> {
  let saved: Bookmark | undefined;
  await db.transaction('rw', db.bookmarks, db.papers, async () => {
    const existing = await db.bookmarks.get(ref.key);
    if (!bookmarked) {
      if (existing) await db.bookmarks.delete(ref.key);
      return;
    }
    if (existing) {
      saved = existing;
      return;
    }
    const paper = ref.arxivId ? await db.papers.get(ref.arxivId) : undefined;
    saved = bookmarkFromRef(ref, now, paper);
    await db.bookmarks.add(saved);
  });
  await announce(ref.key, bookmarked);
  return saved;
}

/** Puts a removed bookmark back exactly as it was (undo). */
export async function restoreBookmark(db: PaperPulseDB, bookmark: Bookmark, now: number): Promise<void> {
  await db.bookmarks.put(bookmark);
  await announce(bookmark.key, true);
}

export async function updateBookmark(
  db: PaperPulseDB,
  key: string,
  changes: Partial<Pick<Bookmark, 'tags' | 'note' | 'read'>>,
  now: number,
): Promise<void> {
  await db.bookmarks.update(key, { ...changes, updatedAt: now });
}

export function bookmarkFromPaper(paper: Paper, now: number): Bookmark {
  return bookmarkFromRef(paperRef(paper), now, paper);
}
