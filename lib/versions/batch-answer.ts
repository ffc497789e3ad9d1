import type { AtomEntry, AtomFeed } from './atom-feed';

/** What one answer says about the ids one request asked for. */
export interface BatchAnswer {
  /** The latest version arXiv reports, per asked id. */
  latest: Map<string, AtomEntry>;
  /** Asked, but the answer has no entry for them (unknown to arXiv, or dropped as invalid). */
  missing: string[];
  /** Entries for ids nobody asked about: ignored, counted for the log. */
  unrequested: number;
  /** Asked ids arXiv refused ("incorrect id format for …"). */
  rejectedIds: string[];
  /** Error entries that name none of the asked ids: the request itself was refused. */
  requestErrors: string[];
}

/**
 * Only the ids we asked for count: an answer cannot add, or change, a paper the request did not
 * name. Ids compare as exact strings, which is why the caller must pass canonical ids without a
 * version (`2410.17243`, never `2410.17243v1` or `math.GT/0309136`).
 */
export function answerFor(feed: AtomFeed, asked: readonly string[]): BatchAnswer {
  const wanted = new Set(asked);
  const latest = new Map<string, AtomEntry>();
  let unrequested = 0;
  for (const entry of feed.entries) {
    if (!wanted.has(entry.arxivId)) {
      unrequested++;
      continue;
    }
    // Two entries for one id: keep the higher version, the latest is what we are after.
    const seen = latest.get(entry.arxivId);
    if (!seen || entry.version > seen.version) latest.set(entry.arxivId, entry);
  }
  const rejectedIds: string[] = [];
  const requestErrors: string[] = [];
  for (const error of feed.apiErrors) {
    // arxiv-search builds the id as `errors#incorrect_id_format_for_{id}` (classic_api/__init__.py).
    const named = asked.find((id) => error.id.endsWith(`#incorrect_id_format_for_${id}`));
    if (named) rejectedIds.push(named);
    else requestErrors.push(error.message);
  }
  const missing = asked.filter((id) => !latest.has(id) && !rejectedIds.includes(id));
  return { latest, missing, unrequested, rejectedIds, requestErrors };
}
