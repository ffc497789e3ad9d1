import { formatRelativeTime } from '@/lib/popup/relative-time';
import { LIMITS } from '@/lib/limits';
import type { TrashRow } from '@/lib/storage/records';

export interface RecentlyRemovedProps {
  rows: readonly TrashRow[];
  now: number;
  onRestore: (key: string) => void;
}

/** Bookmarks removed in the last 30 days, newest first, each with Restore (notes and tags come back). */
export function RecentlyRemoved({ rows, now, onRestore }: RecentlyRemovedProps) {
  if (rows.length === 0) return null;
  return (
    <details class="recently-removed">
      <summary>
        Recently removed ({rows.length}) <span class="muted">— kept {LIMITS.trashDays} days</span>
      </summary>
      <ul aria-label="Recently removed bookmarks">
        {rows.map(({ key, bookmark, removedAt }) => (
          <li key={key} class="removed-row">
            <span class="title">{bookmark.title}</span>
            <span class="muted">removed {formatRelativeTime(removedAt, now)}</span>
            <button
              type="button"
              class="text-button"
              aria-label={`Restore ${bookmark.title}`}
              onClick={() => onRestore(key)}
            >
              Restore
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
