import type { Bookmark, Paper } from '../storage/records';
import type { RelatedDoc } from './index';

/** One corpus document per paper key: the feed's copy (it has the abstract) wins over a bookmark's. */
export function paperDoc(paper: Paper): RelatedDoc {
  return { id: `arxiv:${paper.id}`, title: paper.title, summary: paper.summary, keywords: paper.aiKeywords };
}

export function bookmarkDoc(bookmark: Bookmark): RelatedDoc {
  return { id: bookmark.key, title: bookmark.title, summary: bookmark.summary, keywords: bookmark.tags };
}
