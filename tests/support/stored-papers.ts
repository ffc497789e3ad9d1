import type { TrendFeed } from './trend-feed';

/** A feed item as PaperPulse stores it (lib/feed/parse.ts and lib/feed/store.ts), plus `joinedAt`. */
export interface StoredPaper {
  id: string;
  title: string;
  summary: string;
  authors: string[];
  upvotes: number;
  numComments: number;
  aiKeywords?: string[];
  organization?: string;
  dailyDate: string;
  joinedAt: number;
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every paper of the feed as a stored row. */
export function storedPapers(feed: TrendFeed): StoredPaper[] {
  return Object.entries(feed.days).flatMap(([dailyDate, items]) =>
    items.map((item) => ({
      id: item.paper.id,
      title: clean(item.title),
      summary: clean(item.summary),
      authors: item.paper.authors.map((author) => author.name),
      upvotes: item.paper.upvotes,
      numComments: item.numComments,
      ...(item.paper.ai_keywords ? { aiKeywords: item.paper.ai_keywords } : {}),
      ...(item.organization ? { organization: item.organization.fullname } : {}),
      dailyDate,
      joinedAt: Date.parse(item.publishedAt),
    })),
  );
}
