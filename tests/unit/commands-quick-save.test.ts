import type { Menus, Runtime, Tabs } from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { storeDay } from '@/lib/feed/store';
import type { FeedPaper } from '@/lib/feed/schema';
import { sendToTabs } from '@/lib/messaging/broadcast';
import type { BookmarkChanged } from '@/lib/messaging/contract';
import { dispatchMessage } from '@/lib/messaging/receive';
import type { PaperRef } from '@/lib/paper/ref';
import { detectPaper } from '@/lib/sites';
import { createBookmarkWriter } from '@/lib/storage/bookmarks';
import { PaperPulseDB } from '@/lib/storage/db';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { TOGGLE_COMMAND } from '@/lib/worker/commands';
import { installMenu, MENU_IDS, type MenuApi } from '@/lib/worker/context-menu';
import { createHandlers } from '@/lib/worker/handlers';
import { createQuickSave } from '@/lib/worker/quick-save';
import type { SaveOutcome } from '@/lib/worker/save-confirmation';
import { createTabPapers } from '@/lib/worker/tab-papers';

/**
 * The context menu's clicks and the shortcut, through the worker's real modules: the handlers a
 * content script reports to, tab-papers in fakeBrowser's session storage, the bookmark writer on
 * fake-indexeddb and its announcements to tabs. Only the browser's menu API is a recorder below:
 * WXT's fake browser has no contextMenus.
 */

const NOW = Date.parse('2026-11-23T10:00:00Z');
const SELF = { id: 'paperpulse-id', origin: 'chrome-extension://paperpulse-id/' };
const ABS = 'https://arxiv.org/abs/2410.17243v2';
const PDF = 'https://arxiv.org/pdf/2410.17243v2';
const KEY = 'arxiv:2410.17243';

const tab = (id: number, url?: string): Tabs.Tab => ({
  id,
  url,
  index: 0,
  highlighted: false,
  active: true,
  pinned: false,
  incognito: false,
});
const pageClick = (pageUrl: string): Menus.OnClickData => ({
  menuItemId: MENU_IDS.page,
  pageUrl,
  editable: false,
  modifiers: [],
});
const linkClick = (linkUrl: string, pageUrl = 'https://example.com/blog'): Menus.OnClickData => ({
  menuItemId: MENU_IDS.link,
  linkUrl,
  pageUrl,
  editable: false,
  modifiers: [],
});

/** What the arXiv page's content script reports (lib/sites read it from the page). */
const PAGE_REF: PaperRef = {
  ...detectPaper(ABS)!,
  title: 'Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive Loss',
  authors: ['Zesen Cheng', 'Hang Zhang'],
};

function feedPaper(id: string, extra: Partial<FeedPaper> = {}): FeedPaper {
  return {
    id,
    title: `Feed title of ${id}`,
    summary: 'From the feed.',
    authors: ['Feed Author'],
    upvotes: 3,
    numComments: 0,
    ...extra,
  };
}

let db: PaperPulseDB;
beforeEach(() => {
  db = new PaperPulseDB('t-' + crypto.randomUUID());
});
afterEach(async () => {
  await db.delete();
});

function worker({ lookUp = vi.fn(async (_id: string): Promise<FeedPaper | null> => null) } = {}) {
  const now = () => NOW;
  const tabs = createTabPapers(fakeBrowser.storage.session);
  const announced = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
  // lib/worker/index.ts's announce: to the tabs that show the paper.
  const announce = async (events: BookmarkChanged[]) => {
    const showing = await tabs.tabsShowing(events.map((event) => event.key));
    for (const event of events) await sendToTabs(showing.get(event.key) ?? [], event);
  };
  const bookmarks = createBookmarkWriter({ db, now, announce });
  const handlers = createHandlers({
    db,
    now,
    bookmarks,
    tabs,
    popupOpened: async () => 0,
    openLibrary: async () => undefined,
    settings: async () => DEFAULT_SETTINGS,
    refreshNow: async () => ({ started: true, nextAllowedAt: NOW }),
    clear: async () => undefined,
  });
  const outcomes: SaveOutcome[] = [];
  const quickSave = createQuickSave({
    db,
    bookmarks,
    tabs,
    lookUp,
    confirm: async (outcome) => void outcomes.push(outcome),
  });
  /** A content script on `url` in tab `tabId` reports its paper, as paper.content does. */
  const report = async (tabId: number, url: string, ref: PaperRef) => {
    const sender: Runtime.MessageSender = { id: SELF.id, url, tab: tab(tabId, url) };
    const result = await dispatchMessage({ type: 'paper.status', payload: { ref } }, sender, handlers, SELF);
    expect(result.ok).toBe(true);
  };
  return { quickSave, outcomes, report, announced, lookUp, bookmarks };
}

describe('installing the menu', () => {
  /** Records what is created and, like Chromium, refuses an id that exists (through lastError). */
  function menuRecorder() {
    const created: Menus.CreateCreatePropertiesType[] = [];
    let lastError: { message: string } | undefined;
    const api: MenuApi = {
      removeAll: async () => void created.splice(0),
      create: (properties, callback) => {
        const duplicate = created.some((entry) => entry.id === properties.id);
        if (!duplicate) created.push(properties);
        queueMicrotask(() => {
          lastError = duplicate
            ? { message: `Cannot create item with duplicate id ${properties.id}` }
            : undefined;
          callback?.();
          lastError = undefined;
        });
        return properties.id!;
      },
    };
    return { created, api, lastError: () => lastError };
  }

  it('creates the page and the link entries, and again without error (install, then browser start)', async () => {
    const menus = menuRecorder();
    await installMenu(menus.api, menus.lastError);
    await installMenu(menus.api, menus.lastError);
    expect(menus.created.map((entry) => [entry.id, entry.title, entry.contexts])).toEqual([
      [MENU_IDS.page, 'Bookmark in PaperPulse', ['page']],
      [MENU_IDS.link, 'Bookmark in PaperPulse', ['link']],
    ]);
    // Where the content script runs: arXiv's paper pages and PDFs, not its search or help pages.
    expect(menus.created[0]!.documentUrlPatterns).toEqual(
      expect.arrayContaining(['https://arxiv.org/abs/*', 'https://arxiv.org/pdf/*']),
    );
    expect(menus.created[0]!.documentUrlPatterns).not.toContain('https://arxiv.org/*');
    expect(menus.created[1]!.targetUrlPatterns).toEqual(
      expect.arrayContaining(['*://arxiv.org/abs/*', '*://openreview.net/forum?id=*', '*://doi.org/10.*']),
    );
  });

  it("rejects with the browser's error when an entry is refused (the recorder does refuse duplicates)", async () => {
    const menus = menuRecorder();
    await installMenu(menus.api, menus.lastError);
    const again = { ...menus.api, removeAll: async () => undefined };
    await expect(installMenu(again, menus.lastError)).rejects.toThrow(/duplicate id bookmark-page/);
  });
});

describe('the context menu', () => {
  it('on a paper page: bookmarks it with what its content script reported', async () => {
    const { quickSave, outcomes, report, announced } = worker();
    await report(7, ABS, PAGE_REF);
    await quickSave.fromMenu(pageClick(ABS), tab(7, ABS));
    const row = await db.bookmarks.get(KEY);
    expect(row).toMatchObject({ title: PAGE_REF.title, authors: PAGE_REF.authors, site: 'arxiv' });
    expect(outcomes).toEqual([{ kind: 'added', key: KEY, title: PAGE_REF.title }]);
    // The card in that tab hears of it.
    expect(announced).toHaveBeenCalledWith(7, { type: 'bookmark.changed', key: KEY, bookmarked: true });
  });

  it('on a PDF tab (no content script): the URL, completed from the cached feed paper', async () => {
    await storeDay(db, { date: '2026-11-22', papers: [feedPaper('2410.17243')], dropped: [] }, NOW);
    const { quickSave, outcomes, lookUp } = worker();
    await quickSave.fromMenu(pageClick(PDF), tab(3, PDF));
    expect(await db.bookmarks.get(KEY)).toMatchObject({
      title: 'Feed title of 2410.17243',
      authors: ['Feed Author'],
      summary: 'From the feed.',
      pdfUrl: 'https://arxiv.org/pdf/2410.17243',
    });
    expect(lookUp).not.toHaveBeenCalled();
    expect(outcomes[0]).toMatchObject({ kind: 'added', key: KEY });
  });

  it("on a PDF of a paper the cache lacks: Hugging Face's title and authors", async () => {
    const lookUp = vi.fn(async (id: string) =>
      feedPaper(id, { title: 'From Hugging Face', authors: ['H. Face'] }),
    );
    const { quickSave } = worker({ lookUp });
    await quickSave.fromMenu(pageClick('https://arxiv.org/pdf/2501.00001'), tab(3));
    expect(lookUp).toHaveBeenCalledWith('2501.00001');
    expect(await db.bookmarks.get('arxiv:2501.00001')).toMatchObject({
      title: 'From Hugging Face',
      authors: ['H. Face'],
    });
  });

  it('when Hugging Face fails: bookmarks what is known', async () => {
    const lookUp = vi.fn(async (): Promise<FeedPaper | null> => {
      throw new Error('offline');
    });
    const { quickSave, outcomes } = worker({ lookUp });
    await quickSave.fromMenu(pageClick('https://arxiv.org/pdf/2501.00001'), tab(3));
    expect(await db.bookmarks.get('arxiv:2501.00001')).toMatchObject({ title: '2501.00001', authors: [] });
    expect(outcomes[0]).toMatchObject({ kind: 'added' });
  });

  it.each([
    ['an arXiv abstract link', 'https://export.arxiv.org/abs/2410.17243v1', KEY],
    ['an arXiv PDF link', 'http://arxiv.org/pdf/2410.17243.pdf', KEY],
    ['an OpenReview link', 'https://openreview.net/forum?id=LcF-EEt8cCC', 'openreview:LcF-EEt8cCC'],
    ['a Hugging Face link', 'https://huggingface.co/papers/2410.17243', KEY],
    ['an arXiv DOI link', 'https://doi.org/10.48550/arXiv.2410.17243', KEY],
    ['a DOI link', 'https://dx.doi.org/10.1101/2021.08.03.454978', 'doi:10.1101/2021.08.03.454978'],
  ])("on %s: bookmarks the link's paper, not the page's", async (_, linkUrl, key) => {
    const { quickSave, outcomes } = worker();
    await quickSave.fromMenu(linkClick(linkUrl, ABS), tab(7, ABS));
    expect((await db.bookmarks.toArray()).map((row) => row.key)).toEqual([key]);
    expect(outcomes[0]).toMatchObject({ kind: 'added', key });
  });

  it("on a link to a paper another tab shows: that page's report is the richest", async () => {
    const { quickSave, report } = worker();
    await report(9, ABS, PAGE_REF);
    await quickSave.fromMenu(
      linkClick('https://arxiv.org/abs/2410.17243'),
      tab(2, 'https://example.com/blog'),
    );
    expect(await db.bookmarks.get(KEY)).toMatchObject({ title: PAGE_REF.title, authors: PAGE_REF.authors });
  });

  it('on a paper already bookmarked: leaves it as it is, notes and all, and says so', async () => {
    const { quickSave, outcomes, bookmarks } = worker();
    await bookmarks.set(PAGE_REF, true);
    await db.bookmarks.update(KEY, { note: 'mine', tags: ['read-later'] });
    const before = await db.bookmarks.get(KEY);
    await quickSave.fromMenu(pageClick(ABS), tab(7, ABS));
    await quickSave.fromMenu(linkClick(PDF), tab(2));
    expect(await db.bookmarks.get(KEY)).toEqual(before);
    expect(outcomes).toEqual([
      { kind: 'already', key: KEY, title: PAGE_REF.title },
      { kind: 'already', key: KEY, title: PAGE_REF.title },
    ]);
  });

  it('on a link that names no paper: says so and writes nothing', async () => {
    const { quickSave, outcomes } = worker();
    await quickSave.fromMenu(linkClick('https://arxiv.org/abs/not-an-id'), tab(2));
    await quickSave.fromMenu({ ...pageClick(ABS), menuItemId: 'someone-else' }, tab(2, ABS));
    expect(await db.bookmarks.count()).toBe(0);
    expect(outcomes).toEqual([{ kind: 'not-a-paper' }, { kind: 'not-a-paper' }]);
  });
});

describe('the shortcut', () => {
  it('toggles the paper in the tab: adds with the page report, then removes it to the trash', async () => {
    const { quickSave, outcomes, report, announced } = worker();
    await report(7, ABS, PAGE_REF);
    await quickSave.fromCommand(TOGGLE_COMMAND, tab(7, ABS));
    expect(await db.bookmarks.get(KEY)).toMatchObject({ title: PAGE_REF.title });
    await db.bookmarks.update(KEY, { note: 'a note' });
    await quickSave.fromCommand(TOGGLE_COMMAND, tab(7, ABS));
    expect(await db.bookmarks.get(KEY)).toBeUndefined();
    // The user's own act, so a bookmark with a note goes too, and can be restored with it.
    expect((await db.trash.get(KEY))?.bookmark.note).toBe('a note');
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['added', 'removed']);
    expect(announced.mock.calls).toEqual([
      [7, { type: 'bookmark.changed', key: KEY, bookmarked: true }],
      [7, { type: 'bookmark.changed', key: KEY, bookmarked: false }],
    ]);
  });

  it('pressed twice quickly: adds, then removes (one at a time, even while Hugging Face is slow)', async () => {
    let answer: (paper: FeedPaper | null) => void = () => undefined;
    const lookUp = vi.fn(() => new Promise<FeedPaper | null>((resolve) => (answer = resolve)));
    const { quickSave, outcomes } = worker({ lookUp });
    const first = quickSave.fromCommand(TOGGLE_COMMAND, tab(3, 'https://arxiv.org/pdf/2501.00001'));
    const second = quickSave.fromCommand(TOGGLE_COMMAND, tab(3, 'https://arxiv.org/pdf/2501.00001'));
    await vi.waitFor(() => expect(lookUp).toHaveBeenCalled());
    answer(feedPaper('2501.00001'));
    await Promise.all([first, second]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['added', 'removed']);
    expect(await db.bookmarks.count()).toBe(0);
  });

  it('on a PDF tab: from the URL alone', async () => {
    await storeDay(db, { date: '2026-11-22', papers: [feedPaper('2410.17243')], dropped: [] }, NOW);
    const { quickSave } = worker();
    await quickSave.fromCommand(TOGGLE_COMMAND, tab(3, 'https://arxiv.org/pdf/2410.17243v2.pdf'));
    expect(await db.bookmarks.get(KEY)).toMatchObject({ title: 'Feed title of 2410.17243' });
  });

  it.each([
    ['a page of no paper', 'https://example.com/'],
    ['a listing', 'https://arxiv.org/list/cs.LG/new'],
    ['a browser page', 'chrome://newtab/'],
    ['a tab whose URL the browser did not give', undefined],
  ])('on %s: says so and writes nothing', async (_, url) => {
    const { quickSave, outcomes } = worker();
    await quickSave.fromCommand(TOGGLE_COMMAND, tab(3, url));
    expect(await db.bookmarks.count()).toBe(0);
    expect(outcomes).toEqual([{ kind: 'not-a-paper' }]);
  });

  it('ignores commands that are not its own', async () => {
    const { quickSave, outcomes } = worker();
    await quickSave.fromCommand('_execute_action', tab(7, ABS));
    expect(outcomes).toEqual([]);
    expect(await db.bookmarks.count()).toBe(0);
  });

  it('a failed write says so', async () => {
    const { quickSave, outcomes } = worker();
    vi.spyOn(db.bookmarks, 'add').mockRejectedValue(new Error('disk full'));
    await quickSave.fromCommand(TOGGLE_COMMAND, tab(7, ABS));
    expect(outcomes).toEqual([{ kind: 'failed', reason: expect.stringContaining('disk full') }]);
    expect(await db.bookmarks.count()).toBe(0);
  });
});

describe('what tabs reported (tab-papers)', () => {
  it("forgets a tab's report when the tab moves to another URL, and prefers the tab asked about", async () => {
    const tabs = createTabPapers(fakeBrowser.storage.session);
    await tabs.record(1, ABS, [KEY], { ...PAGE_REF, title: 'From tab 1' });
    await tabs.record(2, PDF, [KEY], { ...PAGE_REF, title: 'From tab 2' });
    expect((await tabs.reportedRef(KEY, 2))?.title).toBe('From tab 2');
    expect((await tabs.reportedRef(KEY, 1))?.title).toBe('From tab 1');
    // A later report at the same URL without a ref (a listing chunk) keeps it.
    await tabs.record(2, PDF, ['arxiv:2501.00001']);
    expect((await tabs.reportedRef(KEY, 2))?.title).toBe('From tab 2');
    await tabs.record(2, 'https://arxiv.org/list/cs.LG/new', ['arxiv:2501.00001']);
    await tabs.forget(1);
    expect(await tabs.reportedRef(KEY, 2)).toBeUndefined();
  });

  it('ignores a stored report that is not a valid reference (written by another version)', async () => {
    await fakeBrowser.storage.session.set({
      'tab-papers:4': {
        url: ABS,
        keys: [KEY],
        ref: { key: KEY, site: 'arxiv', absUrl: 'javascript:alert(1)' },
      },
    });
    expect(await createTabPapers(fakeBrowser.storage.session).reportedRef(KEY)).toBeUndefined();
  });
});
