import type { PaperPulseDB } from '../storage/db';
import type { Bookmark } from '../storage/records';
import type { UpvotesById } from './bookmark-list';

export interface LibraryView {
  bookmarks: Bookmark[];
  /** Upvotes of the bookmarked papers that are in the cached feed. */
  upvotes: UpvotesById;
}

/**
 * Every bookmark, and the feed's upvotes for those that are arXiv papers. Only the bookmarked
 * papers are read (not the whole 90-day cache), and a feed refresh updates the numbers live.
 */
export async function libraryView(db: PaperPulseDB): Promise<LibraryView> {
  const bookmarks = await db.bookmarks.toArray();
  const arxivIds = [...new Set(bookmarks.flatMap((bookmark) => bookmark.arxivId ?? []))];
  const papers = await db.papers.bulkGet(arxivIds);
  const upvotes = new Map<string, number>();
  for (const paper of papers) if (paper) upvotes.set(paper.id, paper.upvotes);
  return { bookmarks, upvotes };
}
