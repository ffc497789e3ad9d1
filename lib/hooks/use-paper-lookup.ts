import { useEffect, useState } from 'preact/hooks';
import type { PaperPulseDB } from '../storage/db';
import type { PaperRef } from '../paper/ref';
import type { Paper } from '../storage/records';
import { parsePaperQuery } from '../popup/paper-query';

export type PaperLookup =
  | { state: 'none' }
  | { state: 'loading'; ref: PaperRef }
  | { state: 'found'; ref: PaperRef; paper?: Paper }
  | { state: 'error'; ref: PaperRef; message: string };

/**
 * A pasted arXiv id, DOI or paper URL resolves to that paper: from the cache first, else from
 * Hugging Face's paper API (arXiv papers only); other identifiers come back as a bare reference
 * that can still be bookmarked.
 */
export function usePaperLookup(db: PaperPulseDB, query: string): PaperLookup {
  const [lookup, setLookup] = useState<PaperLookup>({ state: 'none' });
  useEffect(() => {
    const ref = parsePaperQuery(query);
    if (!ref) return setLookup({ state: 'none' });
    let cancelled = false;
    const settle = (value: PaperLookup) => !cancelled && setLookup(value);
    setLookup({ state: 'loading', ref });
    void (async () => {
      if (!ref.arxivId) return settle({ state: 'found', ref });
      const cached = await db.papers.get(ref.arxivId);
      if (cached) return settle({ state: 'found', ref, paper: cached });
      try {
        const now = Date.now();
        // Loaded on demand: the feed client and its schemas are not needed for the popup's first paint.
        const { fetchPaper } = await import('../feed/paper-api');
        const fetched = await fetchPaper(ref.arxivId, fetch, now);
        settle({
          state: 'found',
          ref,
          paper: fetched ? { ...fetched, dailyDate: '', firstSeenAt: now, updatedAt: now } : undefined,
        });
      } catch (error) {
        settle({ state: 'error', ref, message: (error as Error).message });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [db, query]);
  return lookup;
}
