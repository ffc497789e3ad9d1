import { useEffect, useMemo, useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import { setBookmarked, paperRef } from '@/lib/bookmarks';
import { feedStatus } from '@/lib/feed/queries';
import type { PaperRef } from '@/lib/paper-ref';
import { filterPapers } from '@/lib/popup/trending';
import { trendingView, type TrendingMode } from '@/lib/popup/trending-query';
import { usePaperLookup } from '@/lib/popup/use-paper-lookup';
import { usePopupOpen } from '@/lib/popup/use-popup-open';
import { useLiveQuery } from '@/lib/use-live-query';
import { StatusLine } from '@/components/StatusLine';
import { Tabs } from '@/components/Tabs';
import { TrendingPanel } from '@/components/TrendingPanel';
import { useLazy } from '@/lib/popup/use-lazy';

const db = getDb();
type TabId = 'trending' | 'related' | 'bookmarks';

function toggleRef(ref: PaperRef, bookmarked: boolean) {
  void setBookmarked(db, ref, !bookmarked, Date.now());
}

export function App() {
  const [tab, setTab] = useState<TabId>('trending');
  // The other tabs (and the ranking and export code behind them) load when first opened, keeping
  // the first paint of Trending small.
  const RelatedPanel = useLazy(tab === 'related', () => import('./RelatedPanel').then((m) => m.RelatedPanel));
  const BookmarksPanel = useLazy(tab === 'bookmarks', () => import('./BookmarksPanel').then((m) => m.BookmarksPanel));
  const [mode, setMode] = useState<TrendingMode>('day');
  const [back, setBack] = useState(0);
  const [query, setQuery] = useState('');
  const seenBefore = usePopupOpen(db);
  const status = useLiveQuery(() => feedStatus(db), [], undefined);
  const view = useLiveQuery(() => trendingView(db, mode, back), [mode, back], undefined);
  const bookmarkedKeys = useLiveQuery(
    async () => new Set<string>(await db.bookmarks.toCollection().primaryKeys()),
    [],
    new Set<string>(),
  );
  const lookup = usePaperLookup(db, query);
  const papers = useMemo(
    () => (lookup.state === 'none' ? filterPapers(view?.papers ?? [], query) : []),
    [view, query, lookup.state],
  );

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
    <main class="popup">
      <header class="header">
        <div class="brand-row">
          <h1>PaperPulse</h1>
          {status && <StatusLine state={status.state} now={Date.now()} />}
        </div>
        <Tabs
          tabs={[
            { id: 'trending', label: 'Trending' },
            { id: 'related', label: 'Related' },
            { id: 'bookmarks', label: 'Bookmarks', badge: bookmarkedKeys.size },
          ]}
          selected={tab}
          onSelect={setTab}
        />
      </header>
      <section id="panel-trending" role="tabpanel" aria-labelledby="tab-trending" hidden={tab !== 'trending'} class="panel">
        <TrendingPanel
          view={view}
          papers={papers}
          mode={mode}
          back={back}
          query={query}
          lookup={lookup}
          state={status?.state}
          seenBefore={seenBefore}
          bookmarkedKeys={bookmarkedKeys}
          onMode={setMode}
          onBack={setBack}
          onQuery={setQuery}
          onToggleBookmark={(paper, bookmarked) => toggleRef(paperRef(paper), bookmarked)}
          onToggleRef={toggleRef}
        />
      </section>
      <section id="panel-related" role="tabpanel" aria-labelledby="tab-related" hidden={tab !== 'related'} class="panel">
        {tab === 'related' && RelatedPanel && (
          <RelatedPanel db={db} bookmarkedKeys={bookmarkedKeys} onToggleRef={toggleRef} />
        )}
      </section>
      <section id="panel-bookmarks" role="tabpanel" aria-labelledby="tab-bookmarks" hidden={tab !== 'bookmarks'} class="panel">
        {tab === 'bookmarks' && BookmarksPanel && <BookmarksPanel db={db} />}
      </section>
    </main>
  );
}
