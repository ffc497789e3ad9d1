import { setBookmarked } from './bookmarks';
import type { PaperPulseDB } from './db';
import type { FeedInfo, Handlers } from './messaging';
import type { Paper } from './records';
import { isHttpUrl } from './url';
import { setState } from './state';
import { syncRelatedIndex } from './related-sync';

/** What the cached feed says about one paper: its day, its rank that day, its numbers. */
export async function feedInfo(db: PaperPulseDB, paper: Paper | undefined): Promise<FeedInfo | null> {
  if (!paper) return null;
  const day = await db.feedDays.get(paper.dailyDate);
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

/** The worker's answers to the message contract. Requests arrive already validated. */
export function createHandlers(
  db: PaperPulseDB,
  clock: { now: () => number },
  refreshIfStale: () => Promise<boolean>,
): Handlers {
  return {
    'paper.status': async ({ ref }, sender) => {
      // A page showing this paper: remember it for the popup's Related tab.
      if (sender.tab) await setState(db, { lastViewedPaper: { ref, at: clock.now() } });
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
      const items: Record<string, { bookmarked: boolean; feed: FeedInfo | null }> = {};
      for (const [i, id] of unique.entries()) {
        items[id] = { bookmarked: !!bookmarks[i], feed: await feedInfo(db, papers[i]) };
      }
      return { items };
    },
    'bookmark.set': async ({ ref, bookmarked }) => {
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
