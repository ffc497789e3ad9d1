import { MAX_FEED_CHARS, type AtomEntry } from './atom-feed';
import { MAX_PER_REQUEST, planBatches, queryUrl } from './api-query';
import { answerFor } from './batch-answer';
import { fetchBatch, type CheckFailure } from './fetch-batch';

/**
 * One daily run: ask arXiv for the latest version of every given paper, politely. The world comes
 * in (fetch, sleep, clock), so the policy is a tested function:
 * - at most `maxPerRequest` ids a request and at most `maxRequests` requests a run;
 * - one request at a time, each started only after the previous one ended and `spacingMs` passed
 *   (arXiv: "incorporate a 3 second delay"); waiting after the answer rather than between starts
 *   needs no clock arithmetic and is never shorter;
 * - the first failure (network, timeout, 429, 5xx, anything that is not arXiv's feed) ends the run:
 *   the caller tries again the next day rather than hammering a struggling server.
 * Answers gathered before a failure are kept. The caller must not start two runs at once.
 */

export const SPACING_MS = 3_000;
export const REQUEST_TIMEOUT_MS = 30_000;
/** 10 × 100 ids: a library of a thousand arXiv bookmarks is checked every day. */
export const MAX_REQUESTS_PER_RUN = 10;
const DAY_MS = 86_400_000;

export interface VersionCheckInput {
  /** Canonical arXiv ids without version (`2410.17243`, `math/0309136`); the caller canonicalises. */
  papers: readonly { arxivId: string }[];
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  maxPerRequest?: number;
  spacingMs?: number;
  timeoutMs?: number;
  maxRequests?: number;
  maxBytes?: number;
}

export interface VersionCheckRun {
  /** No request failed. Ids deferred by the budget or refused by arXiv do not make a run fail. */
  ok: boolean;
  startedAt: number;
  requests: number;
  /** The latest version arXiv reports, per id it answered for. */
  latest: Map<string, AtomEntry>;
  /** Asked and answered, but arXiv returned no entry (an id it does not know). */
  missing: string[];
  /** Ids arXiv refused as malformed; the rest of their batch was asked again without them. */
  rejectedIds: string[];
  /** Not asked this run: after the failure, or beyond the request budget. */
  unchecked: string[];
  /** Entries for ids nobody asked about, ignored. */
  unrequested: number;
  failure?: CheckFailure;
}

export async function checkVersions(input: VersionCheckInput): Promise<VersionCheckRun> {
  const maxPerRequest = Math.min(input.maxPerRequest ?? MAX_PER_REQUEST, MAX_PER_REQUEST);
  const maxRequests = input.maxRequests ?? MAX_REQUESTS_PER_RUN;
  const startedAt = input.now();
  const plan = planBatches(
    input.papers.map((paper) => paper.arxivId),
    maxPerRequest,
    maxRequests,
    Math.floor(startedAt / DAY_MS),
  );
  const run: VersionCheckRun = {
    ok: true,
    startedAt,
    requests: 0,
    latest: new Map(),
    missing: [],
    rejectedIds: [],
    unchecked: [...plan.deferred],
    unrequested: 0,
  };
  const options = {
    fetch: input.fetch,
    now: input.now,
    timeoutMs: input.timeoutMs ?? REQUEST_TIMEOUT_MS,
    maxBytes: input.maxBytes ?? MAX_FEED_CHARS,
  };
  const queue = [...plan.batches];
  for (let batch = queue.shift(); batch; batch = queue.shift()) {
    // Asking a batch again without a refused id spends budget like any request.
    if (run.requests >= maxRequests) {
      run.unchecked.push(...batch, ...queue.flat());
      break;
    }
    if (run.requests > 0) await input.sleep(input.spacingMs ?? SPACING_MS);
    run.requests++;
    const result = await fetchBatch(queryUrl(batch), options);
    const answer = result.ok ? answerFor(result.feed, batch) : undefined;
    const failure: CheckFailure | undefined = !result.ok
      ? result.failure
      : answer?.requestErrors.length
        ? { kind: 'refused', message: `arXiv refused the request: ${answer.requestErrors.join('; ')}` }
        : undefined;
    if (failure || !answer) {
      run.ok = false;
      run.failure = failure;
      run.unchecked.push(...batch, ...queue.flat());
      break;
    }
    for (const [id, entry] of answer.latest) run.latest.set(id, entry);
    run.unrequested += answer.unrequested;
    if (answer.rejectedIds.length) {
      // arXiv stops at the first malformed id and answers nothing else: ask again without it.
      run.rejectedIds.push(...answer.rejectedIds);
      if (answer.missing.length) queue.unshift(answer.missing);
    } else {
      run.missing.push(...answer.missing);
    }
  }
  return run;
}
