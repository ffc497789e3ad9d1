import { useState } from 'preact/hooks';
import { sendMessage } from '../messaging/send';
import type { PaperPulseDB } from '../storage/db';
import type { Bookmark } from '../storage/records';

export interface Removal {
  bookmark: Bookmark;
  /** Tells two removals of the same paper apart, so that the toast's timer restarts. */
  at: number;
}

/**
 * Removes a bookmark and keeps the row as it was, so that Undo puts back its tags, note, read state
 * and date added. Only the latest removal can be undone, as in mail clients.
 */
export function useUndoRemove(db: PaperPulseDB) {
  const [removal, setRemoval] = useState<Removal | null>(null);

  async function remove(bookmark: Bookmark) {
    const now = Date.now();
    // The stored row, not the rendered one: a note saved on blur a moment ago is part of it.
    const row = (await db.bookmarks.get(bookmark.key)) ?? bookmark;
    // Removing needs only the key; the worker also tells open paper pages that it is gone.
    const ref = { key: row.key, site: row.site ?? 'meta', arxivId: row.arxivId };
    await sendMessage('bookmark.set', { ref, bookmarked: false });
    setRemoval({ bookmark: row, at: now });
  }

  async function undo() {
    if (!removal) return;
    setRemoval(null);
    await sendMessage('bookmark.restore', { bookmark: removal.bookmark });
  }

  return { removal, remove, undo, dismiss: () => setRemoval(null) };
}
