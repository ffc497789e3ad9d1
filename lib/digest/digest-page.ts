import type { PaperPulseDB } from '../storage/db';
import type { Paper } from '../storage/records';
import { compileTopics } from '../topics/matcher';
import { digestOf, type Digest } from './digest';
import { digestPaperIds } from './digest-url';
import { papersByIds, weekPapers } from './week-papers';

/** What the digest page shows: the week, or the papers of one batched notification. */
export type DigestPage =
  | { kind: 'week'; digest: Digest }
  | {
      kind: 'arrivals';
      papers: Paper[];
      topicsOf: Map<string, string[]>;
      /** Named by the link but pruned from the cache since. */
      missing: number;
    };

/** Reads the page's papers from the cache (IndexedDB, as the popup does): it works offline. */
export async function loadDigestPage(
  db: PaperPulseDB,
  search: string,
  watchedTopics: readonly string[],
  now: number,
): Promise<DigestPage> {
  const ids = digestPaperIds(search);
  if (ids === undefined)
    return { kind: 'week', digest: digestOf(await weekPapers(db, now), watchedTopics, now) };
  const papers = await papersByIds(db, ids);
  const matcher = compileTopics(watchedTopics);
  return {
    kind: 'arrivals',
    papers,
    topicsOf: new Map(papers.map((paper) => [paper.id, matcher.match(paper)])),
    missing: ids.length - papers.length,
  };
}
