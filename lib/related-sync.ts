import type { PaperPulseDB } from './db';
import type { Bookmark, Paper } from './records';
import { RelatedIndex, type RelatedDoc } from './related';

const INDEX_NAME = 'related';

/** One corpus document per paper key: the feed's copy (it has the abstract) wins over a bookmark's. */
export function paperDoc(paper: Paper): RelatedDoc {
  return { id: `arxiv:${paper.id}`, title: paper.title, summary: paper.summary, keywords: paper.aiKeywords };
}

export function bookmarkDoc(bookmark: Bookmark): RelatedDoc {
  return { id: bookmark.key, title: bookmark.title, summary: bookmark.summary, keywords: bookmark.tags };
}

/**
 * The Related index over the cached feed and the bookmarks, loaded from IndexedDB and brought up to
 * date incrementally: only papers added, changed (a newer stamp) or gone since it was saved are
 * touched. The worker calls this after each refresh, so the popup usually finds nothing to do.
 */
export async function syncRelatedIndex(db: PaperPulseDB, now: number): Promise<RelatedIndex> {
  const [saved, papers, bookmarks] = await Promise.all([
    db.searchIndexes.get(INDEX_NAME),
    db.papers.toArray(),
    db.bookmarks.toArray(),
  ]);
  const restored = saved ? RelatedIndex.fromJSON(saved.index) : null;
  const index = restored ?? new RelatedIndex();
  const oldStamps = restored && saved ? saved.stamps : {};
  const stamps: Record<string, number> = Object.create(null);
  const docs = new Map<string, RelatedDoc>();
  for (const bookmark of bookmarks) {
    docs.set(bookmark.key, bookmarkDoc(bookmark));
    stamps[bookmark.key] = bookmark.updatedAt;
  }
  for (const paper of papers) {
    const doc = paperDoc(paper);
    docs.set(doc.id, doc);
    stamps[doc.id] = Math.max(paper.updatedAt, stamps[doc.id] ?? 0);
  }
  let changed = !restored;
  for (const id of Object.keys(oldStamps)) {
    if (!docs.has(id)) changed = index.remove(id) || changed;
  }
  for (const [id, doc] of docs) {
    if (oldStamps[id] === stamps[id] && index.has(id)) continue;
    index.add(doc);
    changed = true;
  }
  if (changed) await db.searchIndexes.put({ name: INDEX_NAME, index: index.toJSON(), stamps, savedAt: now });
  return index;
}
