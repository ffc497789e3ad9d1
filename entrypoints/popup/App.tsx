import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { getDb } from '@/lib/storage/db';
import { sendMessage } from '@/lib/messaging/send';
import { feedPaperRef } from '@/lib/paper/arxiv-id';
import { getAllState } from '@/lib/storage/state';
import type { PaperRef } from '@/lib/paper/ref';
import { filterPapers } from '@/lib/popup/trending';
import { trendingView, type TrendingMode } from '@/lib/popup/trending-query';
import { readTrendsRecord, risingView } from '@/lib/popup/trends-query';
import { filterToTopic, findTopic, risingEntries, type TrendingOrder } from '@/lib/popup/trends-view';
import { usePaperLookup } from '@/lib/hooks/use-paper-lookup';
import { usePopupOpen } from '@/lib/hooks/use-popup-open';
import { useLiveQuery } from '@/lib/hooks/use-live-query';
import { PopupLayout, type PopupTab } from '@/components/PopupLayout';
import type { FirstScreen } from '@/lib/popup/first-screen';
import { initialPanel } from '@/lib/popup/popup-window';
import type { EarlyInput } from './FirstScreenView';
import { TrendingPanel } from '@/components/TrendingPanel';
import { useLazy } from '@/lib/hooks/use-lazy';
import { useWriteErrors } from '@/lib/hooks/use-write-errors';
import { useWatched } from '@/lib/hooks/use-watched';
import { onWatchedTopics } from '@/lib/popup/watched-view';
import { WriteError } from '@/components/WriteError';
import { HeaderActions } from '@/components/HeaderActions';
import browser from 'webextension-polyfill';
import { t } from '@/lib/i18n';

const db = getDb();

/** The full popup. `firstScreen` (read before this module loaded) seeds its first render. */
export function App({ firstScreen, early }: { firstScreen: FirstScreen | null; early?: EarlyInput }) {
  const [tab, setTab] = useState<PopupTab>(
    () => early?.tab ?? initialPanel(['trending', 'trends', 'related', 'bookmarks'], 'trending'),
  );
  const TrendsTab = useLazy(tab === 'trends', () => import('./TrendsTab').then((m) => m.TrendsTab));
  // The other tabs (and the ranking and export code behind them) load when first opened, keeping
  // the first paint of Trending small.
  const RelatedPanel = useLazy(tab === 'related', () => import('./RelatedPanel').then((m) => m.RelatedPanel));
  const BookmarksPanel = useLazy(tab === 'bookmarks', () =>
    import('./BookmarksPanel').then((m) => m.BookmarksPanel),
  );
  const [mode, setMode] = useState<TrendingMode>('day');
  const [back, setBack] = useState(0);
  const [query, setQuery] = useState(early?.query ?? '');
  const seenBefore = usePopupOpen(firstScreen?.state.lastSeenAt);
  const state = useLiveQuery(() => getAllState(db), [], firstScreen?.state);
  const bookmarkCount = useLiveQuery(() => db.bookmarks.count(), [], firstScreen?.bookmarkCount ?? 0);
  const view = useLiveQuery(() => trendingView(db, mode, back), [mode, back], firstScreen?.view);
  const bookmarkedKeys = useLiveQuery(
    async () => new Set<string>(await db.bookmarks.toCollection().primaryKeys()),
    [],
    firstScreen?.bookmarkedKeys ?? new Set<string>(),
  );
  // The trends record: one get, and only once Trending's rows are in (or another tab is open),
  // so the first paint never waits on it. Null: the worker has not computed one yet.
  const trendsWanted = view !== undefined || tab !== 'trending';
  const trends = useLiveQuery(
    async () => (trendsWanted ? ((await readTrendsRecord(db)) ?? null) : undefined),
    [trendsWanted],
    undefined,
  );
  const [order, setOrder] = useState<TrendingOrder>('top');
  const [topicKey, setTopicKey] = useState<string | null>(null);
  const rising = useLiveQuery(
    async () => (order === 'rising' ? risingView(db, trends ?? undefined) : undefined),
    [order, trends],
    undefined,
  );
  const risingById = useMemo(() => risingEntries(trends ?? undefined), [trends]);
  const topic = findTopic(trends ?? undefined, topicKey);
  const lookup = usePaperLookup(db, query);
  const watched = useWatched();
  const [watchedOnly, setWatchedOnly] = useState(false);
  const watch = { view: watched.view, add: watched.watch };
  // The filter is on only while there are topics to filter by.
  const onlyWatched = watchedOnly && watched.view.topics.length > 0;
  const writes = useWriteErrors();
  const [refreshing, setRefreshing] = useState(false);
  const toggleRef = (ref: PaperRef, bookmarked: boolean) =>
    void writes
      .attempt(bookmarked ? t('writeNotRemoved') : t('writeNotBookmarked'), () =>
        sendMessage('bookmark.set', { ref, bookmarked: !bookmarked }),
      )
      .catch(() => undefined);
  const papers = useMemo(() => {
    if (lookup.state !== 'none') return [];
    const listed = order === 'rising' ? (rising ?? []) : (view?.papers ?? []);
    const matching = filterPapers(filterToTopic(listed, topic), query);
    return onlyWatched ? onWatchedTopics(matching, watched.view) : matching;
  }, [view, rising, order, topic, query, lookup.state, onlyWatched, watched.view]);

  useEffect(() => {
    // `/` focuses the search box of the visible tab, unless the user is typing somewhere.
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key !== '/' || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      const search = document.querySelector<HTMLInputElement>(`#panel-${tab} input[type="search"]`);
      if (search) {
        event.preventDefault();
        search.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [tab]);

  return (
    <PopupLayout
      state={state}
      selected={tab}
      onSelect={setTab}
      bookmarkCount={bookmarkCount}
      panels={{
        trending: (
          <TrendingPanel
            view={view}
            papers={papers}
            mode={mode}
            back={back}
            query={query}
            lookup={lookup}
            state={state}
            seenBefore={seenBefore}
            bookmarkedKeys={bookmarkedKeys}
            onMode={setMode}
            onBack={setBack}
            onQuery={setQuery}
            onToggleBookmark={(paper, bookmarked) => toggleRef(feedPaperRef(paper), bookmarked)}
            onToggleRef={toggleRef}
            order={order}
            onOrder={setOrder}
            risingOf={(paper) => risingById.get(paper.id)}
            risingMissing={trends === null}
            topicLabel={topic?.label}
            onClearTopic={() => setTopicKey(null)}
            watch={watch}
            watchedOnly={onlyWatched}
            onWatchedOnly={setWatchedOnly}
          />
        ),
        trends: tab === 'trends' && TrendsTab && (
          <TrendsTab
            db={db}
            record={trends}
            watched={watched}
            onShowTopic={(chosen) => {
              // This week's papers of the topic: the week's view, newest week.
              setTopicKey(chosen.key);
              setMode('week');
              setBack(0);
              setTab('trending');
            }}
          />
        ),
        related: tab === 'related' && RelatedPanel && (
          <RelatedPanel db={db} bookmarkedKeys={bookmarkedKeys} onToggleRef={toggleRef} watch={watch} />
        ),
        bookmarks: tab === 'bookmarks' && BookmarksPanel && <BookmarksPanel db={db} />,
      }}
      footer={
        <WriteError
          message={writes.error ?? watched.problem}
          onDismiss={writes.error ? writes.dismiss : watched.dismiss}
        />
      }
      actions={
        <HeaderActions
          refreshing={refreshing}
          onRefresh={() => {
            setRefreshing(true);
            sendMessage('feed.refreshNow', {})
              .catch(() => undefined)
              .finally(() => setRefreshing(false));
          }}
          onOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
        />
      }
    />
  );
}

export function mountApp(container: HTMLElement, firstScreen: FirstScreen | null, early?: EarlyInput): void {
  render(<App firstScreen={firstScreen} early={early} />, container);
}
