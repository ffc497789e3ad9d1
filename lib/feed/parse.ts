import { t } from '../i18n';
import { z } from '../zod';
import { FeedItemSchema, type DroppedItem, type FeedItem, type FeedPaper } from './schema';
import { squashWhitespace } from '../text';

function toFeedPaper(item: FeedItem): FeedPaper | string {
  const { paper } = item;
  // The outer copy is the clean one; a blank one falls back to the paper's own.
  const title = squashWhitespace(item.title ?? '') || squashWhitespace(paper.title ?? '');
  if (!title) return 'no title';
  const organization = item.organization ?? paper.organization;
  const keywords = paper.ai_keywords?.map(squashWhitespace).filter(Boolean);
  return {
    id: paper.id,
    title,
    summary: squashWhitespace(item.summary ?? '') || squashWhitespace(paper.summary ?? ''),
    authors: (paper.authors ?? [])
      .filter((author) => !author.hidden)
      .map((author) => squashWhitespace(author.name))
      .filter(Boolean),
    publishedAt: paper.publishedAt,
    upvotes: paper.upvotes ?? 0,
    numComments: item.numComments ?? 0,
    githubRepo: paper.githubRepo?.trim() || undefined,
    githubStars: paper.githubStars,
    projectPage: paper.projectPage?.trim() || undefined,
    aiSummary: paper.ai_summary ? squashWhitespace(paper.ai_summary) : undefined,
    aiKeywords: keywords?.length ? keywords : undefined,
    organization: squashWhitespace(organization?.fullname || organization?.name || '') || undefined,
  };
}

/**
 * Validates a page of the feed item by item: a bad item is dropped and counted with its reason
 * (`unreadable` counts those), never the whole day. Repeats of a paper already in `seen` (the same
 * day's earlier items) are dropped as duplicates, keeping the best-ranked copy. A body that is not
 * an array at all is an error the caller reports.
 */
export function parseFeedPage(
  body: unknown,
  indexOffset = 0,
  seen = new Set<string>(),
): { papers: FeedPaper[]; dropped: DroppedItem[]; unreadable: number } {
  if (!Array.isArray(body)) throw new TypeError(t('feedNotAList'));
  const papers: FeedPaper[] = [];
  const dropped: DroppedItem[] = [];
  let unreadable = 0;
  body.forEach((raw, i) => {
    const index = indexOffset + i;
    const parsed = FeedItemSchema.safeParse(raw);
    if (!parsed.success) {
      unreadable++;
      dropped.push({ index, reason: squashWhitespace(z.prettifyError(parsed.error)).slice(0, 300) });
      return;
    }
    const paper = toFeedPaper(parsed.data);
    if (typeof paper === 'string') {
      unreadable++;
      dropped.push({ index, reason: paper });
    } else if (seen.has(paper.id)) dropped.push({ index, reason: `duplicate of ${paper.id}` });
    else {
      seen.add(paper.id);
      papers.push(paper);
    }
  });
  return { papers, dropped, unreadable };
}
