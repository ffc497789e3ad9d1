import type { Runtime } from 'webextension-polyfill';
import { CARD_WORDS } from '@/lib/messaging/card-words';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { bookmarkFromRef, createBookmarkWriter } from '@/lib/storage/bookmarks';
import { getState } from '@/lib/storage/state';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/storage/settings';
import { PaperPulseDB } from '@/lib/storage/db';
import { storeDay } from '@/lib/feed/store';
import { createHandlers } from '@/lib/worker/handlers';
import { createTabPapers } from '@/lib/worker/tab-papers';
import { sendToTabs } from '@/lib/messaging/broadcast';
import type { BookmarkChanged, MessageResult, MessageType } from '@/lib/messaging/contract';
import { dispatchMessage, isExtensionPage } from '@/lib/messaging/receive';
import type { RelatedHit } from '@/lib/related';
import { dropRelatedIndexFromMemory } from '@/lib/related/sync';
import type { FeedPaper } from '@/lib/feed/schema';

/** The card's words as the worker sends them to a page, in English. */
const CARD_WORDS_EN = expect.objectContaining({
  cardBookmark: 'Bookmark',
  cardComments_other: '$1 comments',
});

const NOW = Date.parse('2026-11-23T10:00:00Z');
const SELF = { id: 'paperpulse-id', origin: 'chrome-extension://paperpulse-id/' };

const CONTENT_SCRIPT: Runtime.MessageSender = {
  id: SELF.id,
  url: 'https://arxiv.org/abs/2410.17243v2',
  tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
};
const POPUP: Runtime.MessageSender = { id: SELF.id, url: `${SELF.origin}popup.html` };
const POPUP_IN_TAB: Runtime.MessageSender = { ...POPUP, tab: CONTENT_SCRIPT.tab };

const REF = {
  key: 'arxiv:2410.17243',
  site: 'arxiv',
  arxivId: '2410.17243',
  title: 'Breaking the Memory Barrier',
  authors: ['Zesen Cheng', 'Hang Zhang'],
  absUrl: 'https://arxiv.org/abs/2410.17243',
  pdfUrl: 'https://arxiv.org/pdf/2410.17243',
};

function feedPaper(id: string, upvotes: number, extra: Partial<FeedPaper> = {}): FeedPaper {
  return {
    id,
    title: `Paper ${id}`,
    summary: 'About it.',
    authors: ['A. Author'],
    upvotes,
    numComments: 2,
    ...extra,
  };
}

let db: PaperPulseDB;
let popupOpened: ReturnType<typeof vi.fn<() => Promise<number>>>;
let openLibrary: ReturnType<typeof vi.fn<(key: string) => Promise<void>>>;
let settings: Settings;
beforeEach(() => {
  settings = DEFAULT_SETTINGS;
  openLibrary = vi.fn(async () => undefined);
  db = new PaperPulseDB('t-' + crypto.randomUUID());
  popupOpened = vi.fn(async () => NOW - 60_000);
});
afterEach(async () => {
  await db.delete();
});

function send(
  raw: unknown,
  sender: Runtime.MessageSender = CONTENT_SCRIPT,
): Promise<MessageResult<MessageType>> {
  const now = () => NOW;
  const tabs = createTabPapers(fakeBrowser.storage.session);
  // The worker's own wiring (lib/worker/index.ts): announced to the tabs that show the paper.
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
    popupOpened,
    openLibrary,
    settings: async () => settings,
    refreshNow: async () => ({ started: true, nextAllowedAt: NOW + 60_000 }),
    clear: async () => undefined,
  });
  return dispatchMessage(raw, sender, handlers, SELF);
}

function expectRefused(result: MessageResult<MessageType>, error: RegExp) {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error).toMatch(error);
}

describe('dispatchMessage: who may send what', () => {
  it('refuses an unknown type', async () => {
    expectRefused(await send({ type: 'bookmark.deleteAll', payload: {} }), /unknown message/);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'refuses %j as a type',
    async (type) => {
      expectRefused(await send({ type, payload: {} }), /unknown message/);
      expectRefused(
        await send(JSON.parse(`{"type": ${JSON.stringify(type)}, "payload": {}}`)),
        /unknown message/,
      );
    },
  );

  it.each([
    ['null', null],
    ['a string', 'paper.status'],
    ['no type', { payload: {} }],
    ['a numeric type', { type: 1, payload: {} }],
  ])('refuses a message that is %s', async (_name, raw) => {
    expectRefused(await send(raw), /unknown message/);
  });

  it('refuses a sender from another extension', async () => {
    const result = await send(
      { type: 'paper.status', payload: { ref: REF } },
      { ...CONTENT_SCRIPT, id: 'evil-id' },
    );
    expectRefused(result, /unknown sender/);
  });

  it('lets a content script ask for paper.status', async () => {
    const result = await send({ type: 'paper.status', payload: { ref: REF } }, CONTENT_SCRIPT);
    expect(result).toEqual({
      ok: true,
      value: { key: REF.key, bookmarked: false, feed: null, words: CARD_WORDS_EN },
    });
  });

  it('sends a page the card’s words with its answer (it must not ask the browser for them)', async () => {
    const result = await send({ type: 'paper.status', payload: { ref: REF } }, CONTENT_SCRIPT);
    const words = (result as { value: { words: Record<string, string> } }).value.words;
    expect(Object.keys(words).sort()).toEqual([...CARD_WORDS].sort());
    expect(words.cardRank).toBe('#$1 on Daily Papers, $2');
    const many = await send(
      { type: 'paper.statusMany', payload: { arxivIds: ['2410.17243'] } },
      CONTENT_SCRIPT,
    );
    expect((many as { value: { words: unknown } }).value.words).toEqual(words);
  });

  it('does not let a content script call popup.opened', async () => {
    const result = await send({ type: 'popup.opened', payload: {} }, CONTENT_SCRIPT);
    expectRefused(result, /only accepted from extension pages/);
    expect(popupOpened).not.toHaveBeenCalled();
  });

  it('does not let a content script on a page whose URL merely contains our origin call it', async () => {
    const sender = { ...CONTENT_SCRIPT, url: `https://evil.example/?next=${SELF.origin}popup.html` };
    expectRefused(
      await send({ type: 'popup.opened', payload: {} }, sender),
      /only accepted from extension pages/,
    );
    expect(popupOpened).not.toHaveBeenCalled();
  });

  it.each([
    ['the popup', POPUP],
    ['the popup opened in a tab', POPUP_IN_TAB],
  ])('lets %s call popup.opened', async (_name, sender) => {
    const result = await send({ type: 'popup.opened', payload: {} }, sender);
    expect(result).toEqual({ ok: true, value: { seenBefore: NOW - 60_000 } });
    expect(popupOpened).toHaveBeenCalledTimes(1);
  });

  it('turns a handler failure into an error result', async () => {
    popupOpened.mockRejectedValueOnce(new Error('database closed'));
    expect(await send({ type: 'popup.opened', payload: {} }, POPUP)).toEqual({
      ok: false,
      error: 'database closed',
    });
  });
});

describe('isExtensionPage', () => {
  it.each([
    [POPUP, true],
    [POPUP_IN_TAB, true],
    [{ id: SELF.id, url: `${SELF.origin}options.html` }, true],
    [CONTENT_SCRIPT, false],
    [{ id: SELF.id }, false],
    [{ id: 'other', url: `${SELF.origin}popup.html` }, false],
  ] as [Runtime.MessageSender, boolean][])('%j → %s', (sender, expected) => {
    expect(isExtensionPage(sender, SELF.id, SELF.origin)).toBe(expected);
  });
});

describe('dispatchMessage: invalid payloads', () => {
  it.each([
    ['a javascript: absUrl', { ref: { ...REF, absUrl: 'javascript:alert(1)' } }],
    ['a data: pdfUrl', { ref: { ...REF, pdfUrl: 'data:text/html,<script>alert(1)</script>' } }],
    ['a 10 MB title', { ref: { ...REF, title: 'x'.repeat(10 * 1024 * 1024) } }],
    ['a key that is not a paper key', { ref: { ...REF, key: 'Robert"); DROP TABLE bookmarks;--' } }],
    ['a key with a space', { ref: { ...REF, key: 'arxiv:2410.17243 extra' } }],
    ['an unknown site', { ref: { ...REF, site: 'evil' } }],
    ['too many authors', { ref: { ...REF, authors: Array.from({ length: 501 }, () => 'A') } }],
    ['no ref', {}],
    ['a string payload', 'arxiv:2410.17243'],
  ])('refuses paper.status with %s', async (_name, payload) => {
    const result = await send({ type: 'paper.status', payload });
    expectRefused(result, /^invalid paper\.status: /);
    if (!result.ok) expect(result.error.length).toBeLessThan(2000);
  });

  it.each([
    ['a bookmarked flag that is not a boolean', { ref: REF, bookmarked: 'yes' }],
    ['a javascript: absUrl', { ref: { ...REF, absUrl: 'javascript:alert(1)' }, bookmarked: true }],
  ])('refuses bookmark.set with %s and writes nothing', async (_name, payload) => {
    expectRefused(await send({ type: 'bookmark.set', payload }), /^invalid bookmark\.set: /);
    expect(await db.bookmarks.count()).toBe(0);
  });

  it('refuses paper.statusMany with ids that are not arXiv ids', async () => {
    expectRefused(await send({ type: 'paper.statusMany', payload: { arxivIds: ['../../etc'] } }), /^invalid/);
    const tooMany = Array.from({ length: 1001 }, () => '2410.17243');
    expectRefused(await send({ type: 'paper.statusMany', payload: { arxivIds: tooMany } }), /^invalid/);
  });
});

describe('bookmark.set', () => {
  it('adds then removes a bookmark and announces each change to the tabs that show the paper, only', async () => {
    const announced = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const elsewhere = {
      ...CONTENT_SCRIPT,
      url: 'https://arxiv.org/abs/2401.00001',
      tab: { ...CONTENT_SCRIPT.tab!, id: 8 },
    };
    // Each tab's content script reports its paper first, as the card does when it mounts.
    await send({ type: 'paper.status', payload: { ref: REF } });
    await send(
      { type: 'paper.status', payload: { ref: { ...REF, key: 'arxiv:2401.00001', arxivId: '2401.00001' } } },
      elsewhere,
    );
    const added = await send({ type: 'bookmark.set', payload: { ref: REF, bookmarked: true } });
    expect(added).toEqual({ ok: true, value: { key: REF.key, bookmarked: true } });
    expect(await db.bookmarks.get(REF.key)).toMatchObject({
      key: REF.key,
      arxivId: '2410.17243',
      title: REF.title,
      authors: REF.authors,
      absUrl: REF.absUrl,
      tags: [],
      note: '',
      read: false,
      addedAt: NOW,
    });
    expect(announced.mock.calls).toEqual([[7, { type: 'bookmark.changed', key: REF.key, bookmarked: true }]]);
    const status = await send({ type: 'paper.status', payload: { ref: REF } });
    expect(status).toMatchObject({ ok: true, value: { bookmarked: true } });

    const removed = await send({ type: 'bookmark.set', payload: { ref: REF, bookmarked: false } });
    expect(removed).toEqual({ ok: true, value: { key: REF.key, bookmarked: false } });
    expect(await db.bookmarks.get(REF.key)).toBeUndefined();
    expect(announced.mock.calls).toEqual([
      [7, { type: 'bookmark.changed', key: REF.key, bookmarked: true }],
      [7, { type: 'bookmark.changed', key: REF.key, bookmarked: false }],
    ]);
  });

  it('keeps the tags, note and read state when the same paper is bookmarked again', async () => {
    await send({ type: 'bookmark.set', payload: { ref: REF, bookmarked: true } });
    await db.bookmarks.update(REF.key, { tags: ['llm'], note: 'good', read: true });
    await send({ type: 'bookmark.set', payload: { ref: { ...REF, title: 'Other' }, bookmarked: true } });
    expect(await db.bookmarks.get(REF.key)).toMatchObject({
      title: REF.title,
      tags: ['llm'],
      note: 'good',
      read: true,
    });
  });
});

describe('paper.status with a stored feed', () => {
  beforeEach(async () => {
    await storeDay(
      db,
      {
        date: '2026-11-20',
        papers: [
          feedPaper('2611.00001', 12),
          feedPaper('2410.17243', 40, {
            githubRepo: 'javascript:alert(1)',
            projectPage: 'https://project.example/memory',
            numComments: 5,
          }),
          feedPaper('2611.00002', 55, {
            githubRepo: 'https://github.com/DAMO-NLP-SG/Inf-CLIP',
            projectPage: 'ftp://x',
          }),
        ],
        dropped: [],
      },
      NOW,
    );
  });

  it('returns the rank and numbers of a paper in a stored day, and only http(s) links', async () => {
    const result = await send({ type: 'paper.status', payload: { ref: REF } });
    expect(result).toEqual({
      ok: true,
      value: {
        key: REF.key,
        bookmarked: false,
        feed: {
          arxivId: '2410.17243',
          date: '2026-11-20',
          rank: 2,
          upvotes: 40,
          numComments: 5,
          githubRepo: undefined,
          projectPage: 'https://project.example/memory',
        },
        words: CARD_WORDS_EN,
      },
    });

    const top = await send({
      type: 'paper.status',
      payload: { ref: { key: 'arxiv:2611.00002', site: 'arxiv', arxivId: '2611.00002' } },
    });
    expect(top).toMatchObject({
      ok: true,
      value: {
        feed: { rank: 1, githubRepo: 'https://github.com/DAMO-NLP-SG/Inf-CLIP', projectPage: undefined },
      },
    });
  });

  it('has no feed info for a paper outside the feed or a ref without an arXiv id', async () => {
    const unknown = { key: 'arxiv:2401.00001', site: 'arxiv', arxivId: '2401.00001' };
    expect(await send({ type: 'paper.status', payload: { ref: unknown } })).toMatchObject({
      ok: true,
      value: { feed: null },
    });
    const doi = { key: 'doi:10.1101/2021.08.03.454978', site: 'biorxiv', doi: '10.1101/2021.08.03.454978' };
    expect(await send({ type: 'paper.status', payload: { ref: doi } })).toMatchObject({
      ok: true,
      value: { feed: null },
    });
  });

  it('answers paper.statusMany for a listing page', async () => {
    await send({ type: 'bookmark.set', payload: { ref: REF, bookmarked: true } });
    const result = await send({
      type: 'paper.statusMany',
      payload: { arxivIds: ['2410.17243', '2611.00002', '2401.00001', '2410.17243'] },
    });
    expect(result.ok).toBe(true);
    const { items } = (result as { ok: true; value: { items: Record<string, unknown> } }).value;
    expect(Object.keys(items).sort()).toEqual(['2401.00001', '2410.17243', '2611.00002']);
    expect(items['2410.17243']).toMatchObject({ bookmarked: true, feed: { rank: 2 } });
    expect(items['2611.00002']).toMatchObject({ bookmarked: false, feed: { rank: 1 } });
    expect(items['2401.00001']).toEqual({ bookmarked: false, feed: null });
  });
});

describe('related.query', () => {
  const TARGET = {
    id: 'arxiv:2611.00001',
    title: 'Chunked prefills for efficient LLM inference',
    summary: 'Batching decodes with chunked prefills speeds up LLM inference serving.',
  };

  beforeEach(async () => {
    dropRelatedIndexFromMemory();
    await storeDay(
      db,
      {
        date: '2026-11-20',
        papers: [
          feedPaper('2611.00001', 30, { title: TARGET.title, summary: TARGET.summary }),
          feedPaper('2611.00002', 20, {
            title: 'Paged attention for LLM inference serving',
            summary: 'Serving LLM inference with a paged KV cache and continuous batching.',
          }),
          feedPaper('2611.00003', 10, {
            title: 'Speculative decoding for LLM inference',
            summary: 'A draft model proposes tokens.',
          }),
          feedPaper('2611.00004', 5, {
            title: 'Quokka husbandry in captivity',
            summary: 'Marsupials kept in zoos.',
          }),
        ],
        dropped: [],
      },
      NOW,
    );
  });

  it('is refused from a content script, before any handler runs', async () => {
    const put = vi.spyOn(db.searchIndexes, 'put');
    const result = await send(
      { type: 'related.query', payload: { target: TARGET, limit: 5 } },
      CONTENT_SCRIPT,
    );
    expectRefused(result, /^related\.query is only accepted from extension pages$/);
    expect(put).not.toHaveBeenCalled();
    expect(await db.searchIndexes.count()).toBe(0);
  });

  it('answers the popup with related papers, best first, never the target itself', async () => {
    const result = await send({ type: 'related.query', payload: { target: TARGET, limit: 5 } }, POPUP);
    expect(result.ok).toBe(true);
    const { hits } = (result as { ok: true; value: { hits: RelatedHit[] } }).value;
    expect(hits.map((hit) => hit.id)).toEqual(['arxiv:2611.00002', 'arxiv:2611.00003']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits[0]!.terms.length).toBeGreaterThan(0);
    // The worker synced its index (and saved it) to answer.
    expect(await db.searchIndexes.count()).toBe(1);
  });

  it('honours the limit', async () => {
    const result = await send({ type: 'related.query', payload: { target: TARGET, limit: 1 } }, POPUP);
    expect(result).toMatchObject({ ok: true, value: { hits: [{ id: 'arxiv:2611.00002' }] } });
    expect((result as { ok: true; value: { hits: RelatedHit[] } }).value.hits).toHaveLength(1);
  });

  it.each([
    ['a limit of 0', { target: TARGET, limit: 0 }],
    ['a limit over 100', { target: TARGET, limit: 101 }],
    ['a fractional limit', { target: TARGET, limit: 2.5 }],
    ['no limit', { target: TARGET }],
    ['a 2,000-character title', { target: { ...TARGET, title: 'x'.repeat(2000) }, limit: 5 }],
    ['a 20,001-character summary', { target: { ...TARGET, summary: 'x'.repeat(20_001) }, limit: 5 }],
    ['101 keywords', { target: { ...TARGET, keywords: Array.from({ length: 101 }, () => 'k') }, limit: 5 }],
    ['a target without a title', { target: { id: TARGET.id }, limit: 5 }],
    ['no target', { limit: 5 }],
  ])('refuses %s', async (_name, payload) => {
    const result = await send({ type: 'related.query', payload }, POPUP);
    expectRefused(result, /^invalid related\.query: /);
    expect(await db.searchIndexes.count()).toBe(0);
  });
});

describe('a page acts only on the paper it shows', () => {
  const OTHER = { ...REF, key: 'arxiv:2401.00001', arxivId: '2401.00001', site: 'arxiv' as const };

  it('refuses bookmark.set for a paper the sending page does not show, and changes nothing', async () => {
    await db.bookmarks.add(bookmarkFromRef(OTHER, NOW));
    const result = await send({ type: 'bookmark.set', payload: { ref: OTHER, bookmarked: false } });
    expect(result).toEqual({ ok: false, error: 'this page does not show that paper' });
    expect(await db.bookmarks.get(OTHER.key)).toBeDefined();
  });

  it('lets a listing page bookmark the arXiv papers its content script found there, and no other', async () => {
    const listing = { ...CONTENT_SCRIPT, url: 'https://arxiv.org/list/cs.LG/new' };
    await send({ type: 'paper.statusMany', payload: { arxivIds: ['2401.00001'] } }, listing);
    const result = await send({ type: 'bookmark.set', payload: { ref: OTHER, bookmarked: true } }, listing);
    expect(result).toEqual({ ok: true, value: { key: OTHER.key, bookmarked: true } });
    expect(await db.bookmarks.get(OTHER.key)).toBeDefined();
    const unlisted = await send({ type: 'bookmark.set', payload: { ref: REF, bookmarked: true } }, listing);
    expect(unlisted).toEqual({ ok: false, error: 'this page does not show that paper' });
    // The same tab on another listing has to report its entries again.
    const moved = { ...listing, url: 'https://arxiv.org/list/cs.CL/new' };
    const stale = await send({ type: 'bookmark.set', payload: { ref: OTHER, bookmarked: false } }, moved);
    expect(stale).toEqual({ ok: false, error: 'this page does not show that paper' });
    expect(await db.bookmarks.get(OTHER.key)).toBeDefined();
  });

  it('does not record another paper as the one being read', async () => {
    await send({ type: 'paper.status', payload: { ref: OTHER } });
    expect(await getState(db, 'lastViewedPaper')).toBeNull();
    await send({ type: 'paper.status', payload: { ref: REF } });
    expect((await getState(db, 'lastViewedPaper'))?.ref.key).toBe(REF.key);
  });

  it('answers a page without waiting for its bookkeeping, and reports bookkeeping it could not write', async () => {
    const failing = vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('session full'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const result = await send({ type: 'paper.status', payload: { ref: REF } });
      expect(result).toMatchObject({ ok: true, value: { key: REF.key, bookmarked: false, feed: null } });
      await vi.waitFor(() =>
        expect(logged).toHaveBeenCalledWith(
          'PaperPulse: could not note the page being read',
          expect.objectContaining({ message: 'session full' }),
        ),
      );
      // What could be written was: the popup still knows the paper being read.
      expect((await getState(db, 'lastViewedPaper'))?.ref.key).toBe(REF.key);
    } finally {
      failing.mockRestore();
      logged.mockRestore();
    }
  });
});

describe('the user’s settings on pages', () => {
  it('gives a site the user turned off nothing, and the others as usual', async () => {
    settings = { ...DEFAULT_SETTINGS, sites: { arxiv: false } };
    expect(await send({ type: 'paper.status', payload: { ref: REF } })).toEqual({
      ok: true,
      value: { key: REF.key, bookmarked: false, feed: null, off: true },
    });
    const listing = { ...CONTENT_SCRIPT, url: 'https://arxiv.org/list/cs.LG/new' };
    expect(await send({ type: 'paper.statusMany', payload: { arxivIds: ['2410.17243'] } }, listing)).toEqual({
      ok: true,
      value: { items: {}, off: true },
    });
    const hf = { ...CONTENT_SCRIPT, url: 'https://huggingface.co/papers/2410.17243' };
    expect(
      await send({ type: 'paper.status', payload: { ref: { ...REF, site: 'huggingface' } } }, hf),
    ).toMatchObject({
      ok: true,
      value: { bookmarked: false, feed: null },
    });
  });

  it('says which watched topics the paper on the page is on', async () => {
    settings = { ...DEFAULT_SETTINGS, watchedTopics: ['memory barrier', 'graph'] };
    expect(await send({ type: 'paper.status', payload: { ref: REF } })).toMatchObject({
      ok: true,
      value: { watched: ['memory barrier'] },
    });
  });
});
