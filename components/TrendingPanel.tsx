import type { StateValues } from '@/lib/storage/records';
import type { Paper } from '@/lib/storage/records';
import type { PaperRef } from '@/lib/paper/ref';
import type { TrendingMode, TrendingView } from '@/lib/popup/trending-query';
import type { PaperLookup } from '@/lib/hooks/use-paper-lookup';
import { formatDay } from '@/lib/format';
import { addDays, utcDay } from '@/lib/dates';
import { EmptyState } from './EmptyState';
import { PaperList } from './PaperList';
import { SearchBox } from './SearchBox';
import { BookmarkStar } from './BookmarkStar';
import type { WatchedView } from '@/lib/popup/watched-view';
import type { TrendingOrder } from '@/lib/popup/trends-view';
import type { RisingRecordEntry } from '@/lib/trends/record';
import { t, tParts } from '@/lib/i18n';

export interface TrendingPanelProps {
  view: TrendingView | undefined;
  papers: readonly Paper[];
  mode: TrendingMode;
  back: number;
  query: string;
  lookup: PaperLookup;
  state: StateValues | undefined;
  seenBefore: number | undefined;
  bookmarkedKeys: ReadonlySet<string>;
  onMode: (mode: TrendingMode) => void;
  onBack: (back: number) => void;
  onQuery: (query: string) => void;
  onToggleBookmark: (paper: Paper, bookmarked: boolean) => void;
  onToggleRef: (ref: PaperRef, bookmarked: boolean) => void;
  /** "Top" (by upvotes, the default) or "Rising" (the trends record's order, this week's papers). */
  order?: TrendingOrder;
  onOrder?: (order: TrendingOrder) => void;
  /** Each row's gain and sparkline, from the trends record (absent until it is read). */
  risingOf?: (paper: Paper) => RisingRecordEntry | undefined;
  /** Rising was asked for and the trends record is not there (yet). */
  risingMissing?: boolean;
  /** The Trends topic Trending is filtered to, and how to drop the filter. */
  topicLabel?: string;
  onClearTopic?: () => void;
  /** Watched topics: row marks, keyword chips, and the "Watched only" filter when there are any. */
  watch?: { view: WatchedView; add: (phrase: string) => void };
  watchedOnly?: boolean;
  onWatchedOnly?: (on: boolean) => void;
}

function LookupResult({
  lookup,
  bookmarkedKeys,
  onToggleRef,
}: Pick<TrendingPanelProps, 'lookup' | 'bookmarkedKeys' | 'onToggleRef'>) {
  if (lookup.state === 'none') return null;
  const { ref } = lookup;
  const bookmarked = bookmarkedKeys.has(ref.key);
  const title =
    lookup.state === 'found' && lookup.paper
      ? lookup.paper.title
      : (ref.title ?? ref.arxivId ?? ref.doi ?? ref.key);
  return (
    <div class="lookup" role="status">
      {lookup.state === 'loading' && <p class="muted">{t('lookupLoading', ref.arxivId ?? ref.key)}</p>}
      {lookup.state === 'error' && <p class="muted">{t('lookupFailed', lookup.message)}</p>}
      {lookup.state === 'found' && !lookup.paper && ref.arxivId && <p class="muted">{t('lookupNoPage')}</p>}
      {lookup.state !== 'loading' && (
        <div class="lookup-row">
          <span class="title">{title}</span>
          <BookmarkStar
            bookmarked={bookmarked}
            title={title}
            onToggle={() =>
              onToggleRef(
                lookup.state === 'found' && lookup.paper
                  ? { ...ref, title: lookup.paper.title, authors: lookup.paper.authors }
                  : ref,
                bookmarked,
              )
            }
          />
        </div>
      )}
    </div>
  );
}

export function TrendingPanel(props: TrendingPanelProps) {
  const { view, papers, mode, back, query, state } = props;
  const order = props.order ?? 'top';
  const rising = order === 'rising';
  const days = view?.days ?? [];
  const heading = rising
    ? t('trendingRisingHeading')
    : view?.day === undefined
      ? ''
      : mode === 'week'
        ? t('trendingWeekTo', formatDay(view.day))
        : formatDay(view.day);
  const empty = () => {
    if (view === undefined) return null;
    if (rising && props.risingMissing && days.length > 0) {
      return <EmptyState title={t('risingNotReadyTitle')}>{t('risingNotReadyBody')}</EmptyState>;
    }
    if (days.length === 0) {
      return state?.lastError ? (
        <EmptyState title={t('noPapersSavedTitle')}>
          {t('noPapersSavedBody', state.lastError.message)}
        </EmptyState>
      ) : (
        <EmptyState title={t('fetchingTodayTitle')}>{t('fetchingTodayBody')}</EmptyState>
      );
    }
    if (papers.length === 0 && props.lookup.state === 'none' && props.watchedOnly && !query) {
      return <EmptyState title={t('noWatchedPaperTitle')}>{t('noWatchedPaperBody')}</EmptyState>;
    }
    if (papers.length === 0 && props.lookup.state === 'none') {
      return <EmptyState title={t('noPaperMatchesTitle')}>{t('noPaperMatchesBody')}</EmptyState>;
    }
    return null;
  };

  return (
    <>
      <div class="toolbar">
        <SearchBox
          value={query}
          onInput={props.onQuery}
          label={t('searchTrendingLabel')}
          placeholder={t('searchTrendingPlaceholder')}
        />
        <div class="day-nav">
          <button
            type="button"
            class="icon-button"
            aria-label={t('trendingPreviousDay')}
            disabled={rising || back >= days.length - 1}
            onClick={() => props.onBack(back + 1)}
          >
            ‹
          </button>
          <h2 class="day-heading" aria-live="polite">
            {heading}
          </h2>
          <button
            type="button"
            class="icon-button"
            aria-label={t('trendingNextDay')}
            disabled={rising || back <= 0}
            onClick={() => props.onBack(back - 1)}
          >
            ›
          </button>
          <div class="segmented" role="group" aria-label={t('trendingPeriod')}>
            <button
              type="button"
              aria-pressed={mode === 'day'}
              disabled={rising}
              onClick={() => props.onMode('day')}
            >
              {t('trendingDay')}
            </button>
            <button
              type="button"
              aria-pressed={mode === 'week'}
              disabled={rising}
              onClick={() => props.onMode('week')}
            >
              {t('trendingWeek')}
            </button>
          </div>
        </div>
        <div class="order-nav">
          <div class="segmented" role="group" aria-label={t('trendingOrder')}>
            <button type="button" aria-pressed={!rising} onClick={() => props.onOrder?.('top')}>
              {t('trendingTop')}
            </button>
            <button
              type="button"
              aria-pressed={rising}
              title={t('trendingRisingTitle')}
              onClick={() => props.onOrder?.('rising')}
            >
              {t('trendingRising')}
            </button>
          </div>
          {props.watch && props.watch.view.topics.length > 0 && (
            <button
              type="button"
              class="filter-toggle"
              aria-pressed={!!props.watchedOnly}
              title={t('trendingWatchedOnlyTitle', props.watch.view.topics.join(', '))}
              onClick={() => props.onWatchedOnly?.(!props.watchedOnly)}
            >
              <span aria-hidden="true">◆ </span>
              {t('trendingWatchedOnly')}
            </button>
          )}
          {props.topicLabel && (
            <p class="topic-filter">
              <span>{tParts('trendingTopicFilter', <strong>{props.topicLabel}</strong>)}</span>
              <button type="button" class="text-button" onClick={props.onClearTopic}>
                {t('trendingShowAll')}
              </button>
            </p>
          )}
        </div>
      </div>
      {!rising && back === 0 && view?.day && view.day < addDays(utcDay(Date.now()), -1) && (
        <p class="quiet-note">{t('trendingNoNewSince', formatDay(view.day))}</p>
      )}
      <LookupResult
        lookup={props.lookup}
        bookmarkedKeys={props.bookmarkedKeys}
        onToggleRef={props.onToggleRef}
      />
      {empty() ?? (
        <PaperList
          papers={papers}
          label={rising ? t('trendingRisingListLabel') : t('trendingListLabel', heading)}
          ranked
          risingOf={props.risingOf}
          watch={props.watch}
          seenBefore={props.seenBefore}
          bookmarkedKeys={props.bookmarkedKeys}
          onToggleBookmark={props.onToggleBookmark}
        />
      )}
    </>
  );
}
