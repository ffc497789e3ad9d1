import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Bookmark } from '@/lib/storage/records';
import type { UpvotesById } from '@/lib/library/bookmark-list';
import { bookmarkUrl } from '@/lib/library/bookmark-links';
import { versionAlert } from '@/lib/versions/alert';
import { BookmarkRow } from './BookmarkRow';
import { VirtualList } from './VirtualList';

export interface BookmarkListProps {
  bookmarks: readonly Bookmark[];
  upvotes: UpvotesById;
  label: string;
  onToggleRead: (bookmark: Bookmark) => void;
  onRemove: (bookmark: Bookmark) => void;
  onTag: (tag: string) => void;
  onSaveTags: (bookmark: Bookmark, tags: string[]) => Promise<void>;
  onSaveNote: (bookmark: Bookmark, note: string) => Promise<void>;
  /** Show "v3 available" on bookmarks with a newer arXiv version (the option is on). */
  showVersionAlerts?: boolean;
  onDismissVersion?: (bookmark: Bookmark) => void;
}

/**
 * The library, virtualised. Keyboard on a row: ↑/↓ move, Enter opens, `r` toggles read, `b`
 * removes (focus moves to the next row), →/←/Space open and close the row's notes.
 */
// Stable, so that the virtual list does not recompute its offsets on every render.
const bookmarkKey = (bookmark: Bookmark) => bookmark.key;

export function BookmarkList({
  bookmarks,
  upvotes,
  label,
  showVersionAlerts = false,
  ...events
}: BookmarkListProps) {
  const [expanded, setExpanded] = useState<string | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const refocusIndex = useRef<number | null>(null);

  // After `b` the focused row is gone: focus its successor, which now has the same index.
  useLayoutEffect(() => {
    const index = refocusIndex.current;
    if (index === null || bookmarks.length === 0) return;
    refocusIndex.current = null;
    const row = Math.min(index, bookmarks.length - 1);
    container.current?.querySelector<HTMLElement>(`[data-index="${row}"]`)?.focus();
  }, [bookmarks]);

  function onRowKey(bookmark: Bookmark, event: KeyboardEvent) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const index = Number((event.currentTarget as HTMLElement).dataset.index);
    if (event.key === 'Enter') {
      const url = bookmarkUrl(bookmark);
      if (url) window.open(url, '_blank', 'noopener');
    } else if (event.key === 'b') {
      refocusIndex.current = index;
      events.onRemove(bookmark);
    } else if (event.key === 'r') events.onToggleRead(bookmark);
    else if (event.key === 'ArrowRight') setExpanded(bookmark.key);
    else if (event.key === 'ArrowLeft') setExpanded(null);
    else if (event.key === ' ') setExpanded((key) => (key === bookmark.key ? null : bookmark.key));
    else return;
    event.preventDefault();
  }

  return (
    <div ref={container} class="bookmark-list">
      <VirtualList
        items={bookmarks}
        itemKey={bookmarkKey}
        label={label}
        estimatedHeight={66}
        onRowKey={onRowKey}
        renderItem={(bookmark) => (
          <BookmarkRow
            bookmark={bookmark}
            upvotes={bookmark.arxivId === undefined ? undefined : upvotes.get(bookmark.arxivId)}
            expanded={expanded === bookmark.key}
            onToggleRead={() => events.onToggleRead(bookmark)}
            onRemove={() => events.onRemove(bookmark)}
            onToggleExpand={() => setExpanded((key) => (key === bookmark.key ? null : bookmark.key))}
            onTag={events.onTag}
            onSaveTags={(tags) => events.onSaveTags(bookmark, tags)}
            onSaveNote={(note) => events.onSaveNote(bookmark, note)}
            versionAlert={
              showVersionAlerts && bookmark.arxivId ? versionAlert(bookmark.arxivId, bookmark) : undefined
            }
            onDismissVersion={() => events.onDismissVersion?.(bookmark)}
          />
        )}
      />
    </div>
  );
}
