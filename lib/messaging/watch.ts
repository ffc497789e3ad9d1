import browser, { type Runtime } from 'webextension-polyfill';
import { BOOKMARK_CHANGED, type BookmarkEvent } from '../storage/bookmarks';

function isBookmarkEvent(message: unknown): message is BookmarkEvent {
  const event = message as Partial<BookmarkEvent> | null;
  return (
    event?.type === BOOKMARK_CHANGED && typeof event.key === 'string' && typeof event.bookmarked === 'boolean'
  );
}

/**
 * Calls `onChange` when a bookmark changes anywhere (popup, another tab, the worker), which
 * announce it to every tab (lib/bookmarks.ts). Returns the unsubscribe function.
 */
export function watchBookmarks(onChange: (event: BookmarkEvent) => void): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id === browser.runtime.id && isBookmarkEvent(message)) onChange(message);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
