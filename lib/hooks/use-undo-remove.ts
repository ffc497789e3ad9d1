import { useState } from 'preact/hooks';
import { sendMessage } from '../messaging/send';
import type { Bookmark } from '../storage/records';

export interface Removal {
  key: string;
  title: string;
  /** Tells two removals of the same paper apart, so that the toast's timer restarts. */
  at: number;
}

/**
 * Removes a bookmark (the worker moves it to the trash, notes and tags included) and offers Undo
 * for the latest removal, as mail clients do. The trash outlives the popup: every removal of the
 * last 30 days can still be restored from "Recently removed".
 */
export function useUndoRemove() {
  const [removal, setRemoval] = useState<Removal | null>(null);

  async function remove(bookmark: Bookmark) {
    // Removing needs only the key; the worker also tells open paper pages that it is gone.
    const ref = { key: bookmark.key, site: bookmark.site ?? 'meta', arxivId: bookmark.arxivId };
    await sendMessage('bookmark.set', { ref, bookmarked: false });
    setRemoval({ key: bookmark.key, title: bookmark.title, at: Date.now() });
  }

  async function undo() {
    if (!removal) return;
    setRemoval(null);
    await sendMessage('bookmark.restore', { key: removal.key });
  }

  return { removal, remove, undo, dismiss: () => setRemoval(null) };
}
