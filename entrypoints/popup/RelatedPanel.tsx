import { useEffect, useState } from 'preact/hooks';
import type { PaperPulseDB } from '@/lib/storage/db';
import type { PaperRef } from '@/lib/paper/ref';
import { feedPaperRef } from '@/lib/paper/arxiv-id';
import { currentPaper } from '@/lib/popup/current-paper';
import { relatedView, type RelatedView } from '@/lib/popup/related-view';
import { RelatedList } from '@/components/RelatedList';
import type { WatchedView } from '@/lib/popup/watched-view';

export interface RelatedPanelProps {
  db: PaperPulseDB;
  bookmarkedKeys: ReadonlySet<string>;
  onToggleRef: (ref: PaperRef, bookmarked: boolean) => void;
  watch?: { view: WatchedView; add: (phrase: string) => void };
}

/** Computed once per opening of the tab: the index is persisted, so this is a query, not a rebuild. */
export function RelatedPanel({ db, bookmarkedKeys, onToggleRef, watch }: RelatedPanelProps) {
  const [view, setView] = useState<RelatedView | { state: 'loading' } | { state: 'error'; message: string }>({
    state: 'loading',
  });
  useEffect(() => {
    let cancelled = false;
    const now = Date.now();
    currentPaper(db, now)
      .then((current) => relatedView(db, current, now))
      .then((result) => !cancelled && setView(result))
      .catch((error: Error) => !cancelled && setView({ state: 'error', message: error.message }));
    return () => {
      cancelled = true;
    };
  }, [db]);
  return (
    <RelatedList
      view={view}
      bookmarkedKeys={bookmarkedKeys}
      onToggleBookmark={(paper, bookmarked) => onToggleRef(feedPaperRef(paper), bookmarked)}
      watch={watch}
    />
  );
}
