import browser, { type Storage } from 'webextension-polyfill';
import { BOOKMARK_EVENT_KEY, type BookmarkEvent } from '../bookmarks';

/**
 * Calls `onChange` when a bookmark changes anywhere (popup, another tab, the worker): content
 * scripts cannot read IndexedDB, so the worker announces changes through storage.local.
 * Returns the unsubscribe function.
 */
export function watchBookmarks(onChange: (event: BookmarkEvent) => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, area: string) => {
    const event = changes[BOOKMARK_EVENT_KEY]?.newValue as BookmarkEvent | undefined;
    if (area === 'local' && event && typeof event.key === 'string') onChange(event);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
