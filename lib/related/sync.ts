import type { PaperPulseDB } from '../storage/db';
import { RelatedIndex, type RelatedDoc } from './index';
import { bookmarkDoc, paperDoc } from './docs';

const INDEX_NAME = 'related';

/** The index this context holds, with the stamp each document was indexed at. */
let memory: { index: RelatedIndex; stamps: Record<string, number> } | undefined;

/**
 * The Related index over the cached feed and the bookmarks, brought up to date incrementally: only
 * papers added, changed (another stamp) or gone since it was last synced are touched. It lives in
 * the worker's memory and in IndexedDB (so a restarted worker does not rebuild it: building
 * thousands of papers takes seconds, loading a saved index a fraction of that). The worker syncs
 * after each refresh and before answering the popup's `related.query`.
 */
export async function syncRelatedIndex(db: PaperPulseDB, now: number): Promise<RelatedIndex> {
  let changed = false;
  if (!memory) {
    const saved = await db.searchIndexes.get(INDEX_NAME);
    const restored = saved ? RelatedIndex.fromJSON(saved.index) : null;
    memory =
      restored && saved
        ? { index: restored, stamps: saved.stamps }
        : { index: new RelatedIndex(), stamps: {} };
    changed = !restored;
  }
  const { index, stamps: oldStamps } = memory;
  const [papers, bookmarks] = await Promise.all([db.papers.toArray(), db.bookmarks.toArray()]);
  const stamps: Record<string, number> = Object.create(null);
  const docs = new Map<string, RelatedDoc>();
  // A stamp names the row the document was made from: a bookmark's is negative, a feed paper's
  // positive, so that a paper switching copies (the feed dropping a bookmarked paper, or listing
  // one) is always re-indexed, even when the two rows' updatedAt are in the other order or equal.
  for (const bookmark of bookmarks) {
    docs.set(bookmark.key, bookmarkDoc(bookmark));
    stamps[bookmark.key] = -bookmark.updatedAt;
  }
  for (const paper of papers) {
    const doc = paperDoc(paper);
    docs.set(doc.id, doc);
    stamps[doc.id] = paper.updatedAt;
  }
  for (const id of Object.keys(oldStamps)) {
    if (!docs.has(id)) changed = index.remove(id) || changed;
  }
  for (const [id, doc] of docs) {
    if (oldStamps[id] === stamps[id] && index.has(id)) continue;
    index.add(doc);
    changed = true;
  }
  memory = { index, stamps };
  if (changed) await db.searchIndexes.put({ name: INDEX_NAME, index: index.toJSON(), stamps, savedAt: now });
  return index;
}

/** Forgets the in-memory copy (tests; a database wiped underneath). */
export function dropRelatedIndexFromMemory(): void {
  memory = undefined;
}
