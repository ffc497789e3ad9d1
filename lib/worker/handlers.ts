import { cardWords } from '../messaging/card-words';
import type { Runtime } from 'webextension-polyfill';
import type { FeedInfo, Handlers, MessageContext } from '../messaging/contract';
import { arxivKey } from '../paper/key';
import type { PaperRef } from '../paper/ref';
import { syncRelatedIndex } from '../related/sync';
import { detectPaper, listingSite, siteOfHost } from '../sites';
import { siteEnabled, type Settings } from '../storage/settings';
import { compileTopics } from '../topics/matcher';
import { parseHttpUrl } from '../url';
import type { BookmarkWriter } from '../storage/bookmarks';
import type { PaperPulseDB } from '../storage/db';
import type { FeedDay, Paper } from '../storage/records';
import { setState } from '../storage/state';
import { isHttpUrl } from '../url';
import type { TabPapers } from './tab-papers';
import { versionAlert } from '../versions/alert';
import { dismissVersionAlert } from './versions';

/** What the cached feed says about one paper: its day, its rank that day, its numbers. */
export async function feedInfo(db: PaperPulseDB, paper: Paper | undefined): Promise<FeedInfo | null> {
  if (!paper) return null;
  return describeInFeed(paper, await db.feedDays.get(paper.dailyDate));
}

function describeInFeed(paper: Paper, day: FeedDay | undefined): FeedInfo {
  const rank = day ? day.paperIds.indexOf(paper.id) + 1 : 0;
  return {
    arxivId: paper.id,
    date: paper.dailyDate,
    rank,
    upvotes: paper.upvotes,
    numComments: paper.numComments,
    githubRepo: isHttpUrl(paper.githubRepo) ? paper.githubRepo : undefined,
    projectPage: isHttpUrl(paper.projectPage) ? paper.projectPage : undefined,
  };
}

export interface HandlerDeps {
  db: PaperPulseDB;
  now: () => number;
  bookmarks: BookmarkWriter;
  tabs: TabPapers;
  /** The popup opened: mark everything seen, update the badge; returns when the user last looked. */
  popupOpened: () => Promise<number>;
  /** Opens the library (popup.html in a tab) on this bookmark. */
  openLibrary: (key: string) => Promise<void>;
  settings: () => Promise<Settings>;
  /** "Refresh now": at once if the gate allows; says when the next try is allowed otherwise. */
  refreshNow: () => Promise<{ started: boolean; nextAllowedAt: number }>;
  /** Empties the feed cache (and what is derived from it), or everything PaperPulse stores. */
  clear: (what: 'feed' | 'everything') => Promise<void>;
}

/** Does the user want PaperPulse on the page that sent this (its site's switch, or "any site")? */
function wantedOn(sender: Runtime.MessageSender, settings: Settings): boolean {
  const url = parseHttpUrl(sender.url);
  if (!url) return true;
  const site = siteOfHost(url.hostname);
  return site ? siteEnabled(settings, site.id) : settings.anySite;
}

/**
 * Does the page that sent a message show this paper? A paper page names its paper in its URL; a
 * listing page shows the entries its content script reported for that URL (`paper.statusMany`).
 */
async function pageShows(tabs: TabPapers, sender: Runtime.MessageSender, key: string): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (!sender.url || tabId === undefined) return false;
  if (detectPaper(sender.url)?.key === key) return true;
  return !!listingSite(sender.url) && (await tabs.shows(tabId, sender.url, key));
}

/** The worker's answers to the message contract. Requests arrive already validated. */
export function createHandlers({
  db,
  now,
  bookmarks,
  tabs,
  popupOpened,
  openLibrary,
  settings,
  refreshNow,
  clear,
}: HandlerDeps): Handlers {
  /** Remembers what a content script's tab shows (extension pages are not tabs showing papers). */
  const note = ({ sender, fromExtensionPage }: MessageContext, keys: string[], ref?: PaperRef) =>
    !fromExtensionPage && sender.tab?.id !== undefined && sender.url
      ? tabs.record(sender.tab.id, sender.url, keys, ref)
      : Promise.resolve();

  return {
    'paper.status': async ({ ref }, context) => {
      const { sender } = context;
      const current = await settings();
      if (!context.fromExtensionPage && !wantedOn(sender, current)) {
        return { key: ref.key, bookmarked: false, feed: null, off: true };
      }
      // A page showing this paper: remember it (what the page says of it, its title and authors)
      // for the popup, the bookmark shortcut and announcements. Bookkeeping, written beside the
      // answer: the card does not wait for it, and a write that fails (storage.session full, say)
      // is reported here instead of leaving the card without its answer.
      const showing = !context.fromExtensionPage && !!sender.url && detectPaper(sender.url)?.key === ref.key;
      if (showing) {
        Promise.all([
          setState(db, { lastViewedPaper: { ref, at: now() } }),
          note(context, [ref.key], ref),
        ]).catch((error: unknown) => console.error('PaperPulse: could not note the page being read', error));
      }
      const [bookmark, paper] = await Promise.all([
        db.bookmarks.get(ref.key),
        ref.arxivId ? db.papers.get(ref.arxivId) : undefined,
      ]);
      const watched = compileTopics(current.watchedTopics).match(paper ?? { title: ref.title ?? '' });
      const alert =
        current.versionAlerts && bookmark?.arxivId ? versionAlert(bookmark.arxivId, bookmark) : undefined;
      return {
        key: ref.key,
        bookmarked: !!bookmark,
        feed: await feedInfo(db, paper),
        ...(watched.length ? { watched } : {}),
        ...(alert ? { versionAlert: alert } : {}),
        ...(context.fromExtensionPage ? {} : { words: cardWords() }),
      };
    },
    'paper.statusMany': async ({ arxivIds }, context) => {
      if (!context.fromExtensionPage && !wantedOn(context.sender, await settings())) {
        return { items: {}, off: true };
      }
      const unique = [...new Set(arxivIds)];
      const keys = unique.map(arxivKey);
      if (context.sender.url && listingSite(context.sender.url)) await note(context, keys);
      const [papers, rows] = await Promise.all([db.papers.bulkGet(unique), db.bookmarks.bulkGet(keys)]);
      // Each feed day read once, not once per paper (a listing shows hundreds).
      const dates = [...new Set(papers.flatMap((paper) => (paper ? [paper.dailyDate] : [])))];
      const days = new Map(
        (await db.feedDays.bulkGet(dates)).flatMap((day) => (day ? [[day.date, day]] : [])),
      );
      const items: Record<string, { bookmarked: boolean; feed: FeedInfo | null }> = {};
      unique.forEach((id, i) => {
        const paper = papers[i];
        items[id] = {
          bookmarked: !!rows[i],
          feed: paper ? describeInFeed(paper, days.get(paper.dailyDate)) : null,
        };
      });
      return context.fromExtensionPage ? { items } : { items, words: cardWords() };
    },
    'bookmark.set': async ({ ref, bookmarked }, context) => {
      // A page may only (un)bookmark a paper it shows: a hostile page must not be able to delete
      // the user's library, notes and all, one key at a time.
      if (!context.fromExtensionPage && !(await pageShows(tabs, context.sender, ref.key))) {
        throw new Error('this page does not show that paper');
      }
      return {
        key: ref.key,
        ...(await bookmarks.set(ref, bookmarked, { fromPage: !context.fromExtensionPage })),
      };
    },
    'bookmark.update': async ({ key, changes }) => {
      await bookmarks.update(key, changes);
      return { key };
    },
    'bookmark.restore': async ({ key }) => {
      await bookmarks.restore(key);
      return { key };
    },
    'bookmark.dismissVersionAlert': async ({ key }, context) => {
      // Like the other page requests: only about the paper the page shows (and only a bookmark).
      if (!context.fromExtensionPage && !(await pageShows(tabs, context.sender, key))) {
        throw new Error('this page does not show that paper');
      }
      await dismissVersionAlert(bookmarks, key);
      return { key };
    },
    'library.open': async ({ key }, context) => {
      if (!context.fromExtensionPage && !(await pageShows(tabs, context.sender, key))) {
        throw new Error('this page does not show that paper');
      }
      await openLibrary(key);
      return { opened: true };
    },
    'library.import': async ({ rows, overwriteUserFields, restore }) =>
      bookmarks.importRows(rows, { overwriteUserFields, restore }),
    'related.query': async ({ target, limit }) => {
      const index = await syncRelatedIndex(db, now());
      return { hits: index.query(target, limit) };
    },
    'popup.opened': async () => ({ seenBefore: await popupOpened() }),
    'feed.refreshNow': async () => refreshNow(),
    'data.clear': async ({ what }) => {
      await clear(what);
      return { cleared: what };
    },
  };
}
