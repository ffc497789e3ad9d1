import type { Menus, Tabs } from 'webextension-polyfill';
import type { FeedPaper } from '../feed/schema';
import { LIMITS } from '../limits';
import { PaperRefSchema, type PaperRef } from '../paper/ref';
import { detectPaper } from '../sites';
import type { BookmarkWriter } from '../storage/bookmarks';
import type { PaperPulseDB } from '../storage/db';
import { TOGGLE_COMMAND } from './commands';
import { paperOfMenuClick } from './context-menu';
import type { SaveOutcome } from './save-confirmation';
import type { TabPapers } from './tab-papers';

export interface QuickSaveDeps {
  db: PaperPulseDB;
  bookmarks: BookmarkWriter;
  tabs: TabPapers;
  /** Title and authors of an arXiv paper the cache does not hold (Hugging Face's paper API). */
  lookUp: (arxivId: string) => Promise<FeedPaper | null>;
  confirm: (outcome: SaveOutcome) => Promise<void>;
}

/** A reference with the title and authors Hugging Face gave, if they still make a valid one. */
function withPaper(ref: PaperRef, paper: FeedPaper): PaperRef {
  const completed = PaperRefSchema.safeParse({
    ...ref,
    title: paper.title.slice(0, LIMITS.titleLength),
    authors: paper.authors.slice(0, LIMITS.authors).map((name) => name.slice(0, LIMITS.authorLength)),
  });
  return completed.success ? completed.data : ref;
}

/**
 * Bookmarking without the popup: the context menu's "Bookmark in PaperPulse" (adds, never removes)
 * and the keyboard shortcut (toggles). Both take a tab's or a link's URL, use the richest reference
 * PaperPulse has for that paper, and end with a confirmation the user sees.
 */
export function createQuickSave({ db, bookmarks, tabs, lookUp, confirm }: QuickSaveDeps) {
  // One at a time: the shortcut pressed twice must add, then remove, not add twice.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = (task: () => Promise<SaveOutcome>): Promise<void> => {
    const next = queue.then(task, task).then(
      (outcome) => outcome,
      (error: unknown): SaveOutcome => ({
        kind: 'failed',
        reason: error instanceof Error ? error.message : String(error),
      }),
    );
    // The next press waits for this one's write, not for its flash to end.
    queue = next;
    return next.then(confirm);
  };

  /**
   * What a page reported of the paper (its title and authors; this tab's report first), else
   * what the URL says, completed from Hugging Face when it is an arXiv paper the feed cache does
   * not hold (the writer completes it from the cache otherwise). A failed look-up bookmarks what
   * is known.
   */
  const richest = async (urlRef: PaperRef, tabId?: number): Promise<PaperRef> => {
    const ref = (await tabs.reportedRef(urlRef.key, tabId).catch(() => undefined)) ?? urlRef;
    if (ref.title || !ref.arxivId || (await db.papers.get(ref.arxivId))) return ref;
    const paper = await lookUp(ref.arxivId).catch(() => null);
    return paper ? withPaper(ref, paper) : ref;
  };

  const add = async (urlRef: PaperRef, tabId?: number): Promise<SaveOutcome> => {
    const existing = await db.bookmarks.get(urlRef.key);
    if (existing) return { kind: 'already', key: existing.key, title: existing.title };
    await bookmarks.set(await richest(urlRef, tabId), true);
    const added = await db.bookmarks.get(urlRef.key);
    return { kind: 'added', key: urlRef.key, title: added?.title ?? urlRef.key };
  };

  return {
    /** A click on "Bookmark in PaperPulse": adds the page's or the link's paper, or says it is there. */
    fromMenu: (info: Menus.OnClickData, tab: Tabs.Tab | undefined) =>
      serially(async () => {
        const ref = paperOfMenuClick(info, tab?.url);
        return ref ? add(ref, info.linkUrl ? undefined : tab?.id) : { kind: 'not-a-paper' };
      }),

    /** The shortcut: bookmarks the tab's paper (PDFs too, from the URL), or removes it (to the trash). */
    fromCommand: (command: string, tab: Tabs.Tab | undefined) =>
      command !== TOGGLE_COMMAND
        ? Promise.resolve()
        : serially(async () => {
            const ref = tab?.url ? detectPaper(tab.url) : null;
            if (!ref) return { kind: 'not-a-paper' };
            const existing = await db.bookmarks.get(ref.key);
            if (!existing) return add(ref, tab?.id);
            // The user's own act, like removing in the popup: notes and tags go to the trash with it.
            await bookmarks.set(ref, false);
            return { kind: 'removed', key: ref.key, title: existing.title };
          }),
  };
}

export type QuickSave = ReturnType<typeof createQuickSave>;
