import { render } from 'preact';
import { useState } from 'preact/hooks';
import { PopupLayout, type PopupTab } from '@/components/PopupLayout';
import { TrendingPanel } from '@/components/TrendingPanel';
import { HeaderActions } from '@/components/HeaderActions';
import type { FirstScreen } from '@/lib/popup/first-screen';
import { filterPapers } from '@/lib/popup/trending';

const ignore = () => undefined;

/** The rows' watched-topic marks and the filter button as the worker computed them for these rows. */
function watchOf(data: FirstScreen) {
  const watched = data.watched;
  if (!watched || watched.topics.length === 0) return undefined;
  return {
    view: {
      topics: watched.topics,
      topicsOf: (paper: { id: string }) => watched.rows[paper.id] ?? [],
      isWatched: () => false,
    },
    add: ignore,
  };
}

/** What the user did on the first screen, handed to the app so that nothing typed or clicked is lost. */
export interface EarlyInput {
  query: string;
  tab: PopupTab;
}

/**
 * The popup as it first appears, from a raw IndexedDB read, before the app's bundle has loaded:
 * the same layout and rows the app renders next, so the hand-over changes nothing on screen.
 * Typing and switching tabs already work; the app takes them over.
 */
export function FirstScreenView({ data, early }: { data: FirstScreen; early: EarlyInput }) {
  const [query, setQuery] = useState(early.query);
  const [tab, setTab] = useState(early.tab);
  return (
    <PopupLayout
      state={data.state}
      selected={tab}
      onSelect={(next) => setTab((early.tab = next))}
      bookmarkCount={data.bookmarkCount}
      actions={<HeaderActions refreshing={false} onRefresh={ignore} onOptions={ignore} />}
      panels={{
        trending: (
          <TrendingPanel
            view={data.view}
            papers={filterPapers(data.view.papers, query)}
            mode="day"
            back={0}
            query={query}
            lookup={{ state: 'none' }}
            state={data.state}
            seenBefore={data.state.lastSeenAt}
            bookmarkedKeys={data.bookmarkedKeys}
            onMode={ignore}
            onBack={ignore}
            onQuery={(next) => setQuery((early.query = next))}
            onToggleBookmark={ignore}
            onToggleRef={ignore}
            watch={watchOf(data)}
          />
        ),
        trends: null,
        related: null,
        bookmarks: null,
      }}
    />
  );
}

export function paintFirstScreen(container: HTMLElement, data: FirstScreen, early: EarlyInput): void {
  render(<FirstScreenView data={data} early={early} />, container);
}
