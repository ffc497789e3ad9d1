import type { PaperPulseDB } from '../storage/db';
import { fetchPaper } from '../feed/paper-api';
import type { Bookmark, Paper } from '../storage/records';
import type { RelatedDoc, RelatedHit } from '../related';
import { bookmarkDoc, paperDoc } from '../related/docs';
import { sendMessage } from '../messaging/send';
import type { CurrentPaper } from './current-paper';

export interface RelatedItem {
  hit: RelatedHit;
  /** The feed paper, when the related title is on Daily Papers… */
  paper?: Paper;
  /** …otherwise the bookmark it comes from. */
  bookmark?: Bookmark;
}

export type RelatedView =
  | { state: 'ready'; target: RelatedDoc; basis: 'tab' | 'latest-bookmark'; items: RelatedItem[] }
  | { state: 'no-target'; reason: 'no-title' | 'nothing-yet' };

/** The target document for the paper in the tab: cache, then bookmarks, then Hugging Face. */
async function tabTarget(db: PaperPulseDB, current: CurrentPaper, now: number): Promise<RelatedDoc | null> {
  const { ref } = current;
  if (!ref) return null;
  const paper = ref.arxivId ? await db.papers.get(ref.arxivId) : undefined;
  if (paper) return paperDoc(paper);
  const bookmark = await db.bookmarks.get(ref.key);
  if (bookmark) return bookmarkDoc(bookmark);
  if (ref.title) return { id: ref.key, title: ref.title };
  if (!ref.arxivId) return null;
  // A PDF tab: only the URL is known. Hugging Face knows the title and abstract of most arXiv papers.
  const fetched = await fetchPaper(ref.arxivId, fetch, now).catch(() => null);
  return fetched ? paperDoc({ ...fetched, dailyDate: '', firstSeenAt: now, updatedAt: now }) : null;
}

/**
 * Titles related to the paper in the tab, from the cached feed and the bookmarks; when the tab is
 * not a paper, those related to the most recent bookmark (and the view says so).
 */
export async function relatedView(
  db: PaperPulseDB,
  current: CurrentPaper,
  now: number,
  limit = 25,
): Promise<RelatedView> {
  let target = await tabTarget(db, current, now);
  let basis: 'tab' | 'latest-bookmark' = 'tab';
  if (!target) {
    if (current.ref) return { state: 'no-target', reason: 'no-title' };
    const latest = await db.bookmarks.orderBy('addedAt').last();
    if (!latest) return { state: 'no-target', reason: 'nothing-yet' };
    target = bookmarkDoc(latest);
    basis = 'latest-bookmark';
  }
  // Ranked by the worker, which keeps the index in memory: loading it here would block the popup.
  const { hits } = await sendMessage('related.query', { target, limit });
  const arxivIds = hits.map((hit) => (hit.id.startsWith('arxiv:') ? hit.id.slice(6) : ''));
  const [papers, bookmarks] = await Promise.all([
    db.papers.bulkGet(arxivIds),
    db.bookmarks.bulkGet(hits.map((hit) => hit.id)),
  ]);
  const items = hits.map((hit, i) => ({ hit, paper: papers[i], bookmark: bookmarks[i] }));
  return { state: 'ready', target, basis, items };
}
