/**
 * What the worker tells open pages, the other half of the message contract (lib/messaging/contract.ts
 * re-exports these types). Events are validated where they are received, in content scripts, which
 * must stay a few KB: hence a plain check next to each type instead of zod.
 */

/** A bookmark was added or removed (from the popup, a page, a shortcut…): cards and chips follow. */
export interface BookmarkChanged {
  type: 'bookmark.changed';
  key: string;
  bookmarked: boolean;
}

export type BroadcastEvent = BookmarkChanged;

/** The event a raw message is, or null for anything else. */
export function parseBroadcast(raw: unknown): BroadcastEvent | null {
  const event = raw as Partial<BookmarkChanged> | null;
  if (
    event?.type === 'bookmark.changed' &&
    typeof event.key === 'string' &&
    event.key.length <= 300 &&
    typeof event.bookmarked === 'boolean'
  ) {
    return { type: event.type, key: event.key, bookmarked: event.bookmarked };
  }
  return null;
}
