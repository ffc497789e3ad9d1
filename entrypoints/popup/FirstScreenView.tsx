import { render } from 'preact';
import { PopupLayout } from '@/components/PopupLayout';
import { TrendingPanel } from '@/components/TrendingPanel';
import type { FirstScreen } from '@/lib/popup/first-screen';

const ignore = () => undefined;

/**
 * The popup as it first appears, from a raw IndexedDB read, before the app's bundle has loaded:
 * the same layout and rows the app renders next, so the hand-over changes nothing on screen.
 */
export function FirstScreenView({ data }: { data: FirstScreen }) {
  return (
    <PopupLayout
      state={data.state}
      selected="trending"
      onSelect={ignore}
      bookmarkCount={data.bookmarkCount}
      panels={{
        trending: (
          <TrendingPanel
            view={data.view}
            papers={data.view.papers}
            mode="day"
            back={0}
            query=""
            lookup={{ state: 'none' }}
            state={data.state}
            seenBefore={data.state.lastSeenAt}
            bookmarkedKeys={data.bookmarkedKeys}
            onMode={ignore}
            onBack={ignore}
            onQuery={ignore}
            onToggleBookmark={ignore}
            onToggleRef={ignore}
          />
        ),
        related: null,
        bookmarks: null,
      }}
    />
  );
}

export function paintFirstScreen(container: HTMLElement, data: FirstScreen): void {
  render(<FirstScreenView data={data} />, container);
}
