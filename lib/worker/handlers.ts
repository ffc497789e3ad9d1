import { setBookmarked } from '../storage/bookmarks';
import type { PaperPulseDB } from '../storage/db';
import type { FeedInfo, Handlers } from '../messaging/contract';
import type { FeedDay, Paper } from '../storage/records';
import type { Runtime } from 'webextension-polyfill';
import { detectPaper } from '../sites';
import { isListingUrl } from '../content/listing';
import { isHttpUrl } from '../url';
import { setState } from '../storage/state';
import { syncRelatedIndex } from '../related/sync';

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

/**
 * Does the page that sent a message show this paper? Every supported site names its paper in the
 * URL, and a listing page may act on the arXiv papers it lists.
 */
export function pageShows(sender: Runtime.MessageSender, key: string): boolean {
  if (!sender.url) return false;
  if (detectPaper(sender.url)?.key === key) return true;
  return key.startsWith('arxiv:') && isListingUrl(new URL(sender.url));
}

/** The worker's answers to the message contract. Requests arrive already validated. */
export function createHandlers(
  db: PaperPulseDB,
  clock: { now: () => number },
  refreshIfStale: () => Promise<boolean>,
): Handlers {
  return {
    'paper.status': async ({ ref }, sender) => {
      // A page showing this paper: remember it for the popup's Related tab.
      if (sender.tab && pageShows(sender, ref.key)) {
        await setState(db, { lastViewedPaper: { ref, at: clock.now() } });
      }
      const [bookmark, paper] = await Promise.all([
        db.bookmarks.get(ref.key),
        ref.arxivId ? db.papers.get(ref.arxivId) : undefined,
      ]);
      return { key: ref.key, bookmarked: !!bookmark, feed: await feedInfo(db, paper) };
    },
    'paper.statusMany': async ({ arxivIds }) => {
      const unique = [...new Set(arxivIds)];
      const [papers, bookmarks] = await Promise.all([
        db.papers.bulkGet(unique),
        db.bookmarks.bulkGet(unique.map((id) => `arxiv:${id}`)),
      ]);
      // Each feed day read once, not once per paper (a listing shows hundreds).
      const dates = [...new Set(papers.flatMap((paper) => (paper ? [paper.dailyDate] : [])))];
      const days = new Map(
        (await db.feedDays.bulkGet(dates)).flatMap((day) => (day ? [[day.date, day]] : [])),
      );
      const items: Record<string, { bookmarked: boolean; feed: FeedInfo | null }> = {};
      unique.forEach((id, i) => {
        const paper = papers[i];
        items[id] = {
          bookmarked: !!bookmarks[i],
          feed: paper ? describeInFeed(paper, days.get(paper.dailyDate)) : null,
        };
      });
      return { items };
    },
    'bookmark.set': async ({ ref, bookmarked }, sender) => {
      // A page may only (un)bookmark the paper it shows: a hostile page must not be able to delete
      // the user's library, notes and all, one key at a time.
      if (sender.tab && !pageShows(sender, ref.key)) throw new Error('this page does not show that paper');
      await setBookmarked(db, ref, bookmarked, clock.now());
      return { key: ref.key, bookmarked };
    },
    'related.query': async ({ target, limit }) => {
      const index = await syncRelatedIndex(db, clock.now());
      return { hits: index.query(target, limit) };
    },
    'feed.refreshIfStale': async () => ({ refreshed: await refreshIfStale() }),
  };
}
