import { FeedError, getJson } from './client';
import { parseFeedPage } from './parse';
import { t } from '../i18n';
import type { FeedPaper } from './schema';

/**
 * One paper from `GET /api/papers/{arxivId}` (a paper pasted into the popup's search that is not
 * in the cache). Validated like a feed item; null when Hugging Face has no page for it (404).
 */
export async function fetchPaper(
  arxivId: string,
  fetchFn: typeof fetch,
  now: number,
): Promise<FeedPaper | null> {
  let body: unknown;
  try {
    ({ body } = await getJson(`https://huggingface.co/api/papers/${encodeURIComponent(arxivId)}`, {
      fetch: fetchFn,
      now,
    }));
  } catch (error) {
    if (error instanceof FeedError && error.status === 404) return null;
    throw error;
  }
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const { papers, dropped } = parseFeedPage([{ paper: raw, numComments: raw.numComments }]);
  if (!papers[0]) throw new FeedError('invalid', t('feedUnusablePaper', dropped[0]?.reason ?? ''));
  return papers[0];
}
