import type { Paper } from '@/lib/storage/records';
import type { RelatedView } from '@/lib/popup/related-view';
import { isHttpUrl } from '@/lib/url';
import { EmptyState } from './EmptyState';
import { PaperList } from './PaperList';
import type { WatchedView } from '@/lib/popup/watched-view';
import { TermChips } from './TermChips';
import { t } from '@/lib/i18n';

export interface RelatedListProps {
  view: RelatedView | { state: 'loading' } | { state: 'error'; message: string };
  bookmarkedKeys: ReadonlySet<string>;
  onToggleBookmark: (paper: Paper, bookmarked: boolean) => void;
  watch?: { view: WatchedView; add: (phrase: string) => void };
}

export function RelatedList({ view, bookmarkedKeys, onToggleBookmark, watch }: RelatedListProps) {
  if (view.state === 'loading') return <p class="muted pad">{t('relatedLoading')}</p>;
  if (view.state === 'error') return <EmptyState title={t('relatedFailedTitle')}>{view.message}</EmptyState>;
  if (view.state === 'no-target') {
    return view.reason === 'no-title' ? (
      <EmptyState title={t('relatedNotCachedTitle')}>{t('relatedNotCachedBody')}</EmptyState>
    ) : (
      <EmptyState title={t('relatedNothingTitle')}>{t('relatedNothingBody')}</EmptyState>
    );
  }
  const papers = view.items.flatMap((item) => (item.paper ? [item.paper] : []));
  const terms = new Map(view.items.map((item) => [item.hit.id, item.hit.terms]));
  const fromBookmarks = view.items.filter((item) => !item.paper && item.bookmark);
  return (
    <>
      <p class="related-basis">
        {`${view.basis === 'tab' ? t('relatedToTab') : t('relatedToBookmark')} `}
        <strong>{view.target.title}</strong>
      </p>
      {view.items.length === 0 && (
        <EmptyState title={t('relatedNoneTitle')}>{t('relatedNoneBody')}</EmptyState>
      )}
      {papers.length > 0 && (
        <PaperList
          papers={papers}
          label={t('relatedListLabel')}
          bookmarkedKeys={bookmarkedKeys}
          onToggleBookmark={onToggleBookmark}
          termsOf={(paper) => terms.get(`arxiv:${paper.id}`)}
          watch={watch}
        />
      )}
      {fromBookmarks.length > 0 && (
        <>
          <h2 class="day-heading">{t('relatedFromBookmarks')}</h2>
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
                <TermChips terms={hit.terms} label={t('rowRelatedThrough')} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
