import type { Paper } from '@/lib/storage/records';
import type { RelatedView } from '@/lib/popup/related-view';
import { isHttpUrl } from '@/lib/url';
import { EmptyState } from './EmptyState';
import { PaperList } from './PaperList';
import type { WatchedView } from '@/lib/popup/watched-view';
import { TermChips } from './TermChips';

export interface RelatedListProps {
  view: RelatedView | { state: 'loading' } | { state: 'error'; message: string };
  bookmarkedKeys: ReadonlySet<string>;
  onToggleBookmark: (paper: Paper, bookmarked: boolean) => void;
  watch?: { view: WatchedView; add: (phrase: string) => void };
}

export function RelatedList({ view, bookmarkedKeys, onToggleBookmark, watch }: RelatedListProps) {
  if (view.state === 'loading') return <p class="muted pad">Finding related titles…</p>;
  if (view.state === 'error')
    return <EmptyState title="Could not rank related titles">{view.message}</EmptyState>;
  if (view.state === 'no-target') {
    return view.reason === 'no-title' ? (
      <EmptyState title="This paper is not in PaperPulse’s cache">
        Its title is unknown offline, so nothing can be ranked against it yet. Open its abstract page, or
        bookmark it.
      </EmptyState>
    ) : (
      <EmptyState title="Nothing to relate yet">
        Open a paper page (arXiv, OpenReview, Hugging Face…) or bookmark a paper, and related titles from
        Daily Papers and your bookmarks show up here.
      </EmptyState>
    );
  }
  const papers = view.items.flatMap((item) => (item.paper ? [item.paper] : []));
  const terms = new Map(view.items.map((item) => [item.hit.id, item.hit.terms]));
  const fromBookmarks = view.items.filter((item) => !item.paper && item.bookmark);
  return (
    <>
      <p class="related-basis">
        {view.basis === 'tab'
          ? 'Related to the paper in your tab: '
          : 'Your tab is not a paper. Related to your latest bookmark: '}
        <strong>{view.target.title}</strong>
      </p>
      {view.items.length === 0 && (
        <EmptyState title="No related titles in the cache">Nothing shares enough words with it.</EmptyState>
      )}
      {papers.length > 0 && (
        <PaperList
          papers={papers}
          label="Related papers on Daily Papers"
          bookmarkedKeys={bookmarkedKeys}
          onToggleBookmark={onToggleBookmark}
          termsOf={(paper) => terms.get(`arxiv:${paper.id}`)}
          watch={watch}
        />
      )}
      {fromBookmarks.length > 0 && (
        <>
          <h2 class="day-heading">From your bookmarks</h2>
          <ul class="plain-list">
            {fromBookmarks.map(({ hit, bookmark }) => (
              <li key={hit.id} class="bookmark-hit">
                {isHttpUrl(bookmark!.absUrl) ? (
                  <a href={bookmark!.absUrl} target="_blank" rel="noopener noreferrer">
                    {bookmark!.title}
                  </a>
                ) : (
                  <span>{bookmark!.title}</span>
                )}
                <TermChips terms={hit.terms} label="Related through" />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
