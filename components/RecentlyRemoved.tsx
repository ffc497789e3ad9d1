import { formatRelativeTime } from '@/lib/popup/relative-time';
import { LIMITS } from '@/lib/limits';
import type { TrashRow } from '@/lib/storage/records';
import { t } from '@/lib/i18n';

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
        {t('recentlyRemoved', rows.length)}{' '}
        <span class="muted">{t('recentlyRemovedKept', LIMITS.trashDays)}</span>
      </summary>
      <ul aria-label={t('recentlyRemovedLabel')}>
        {rows.map(({ key, bookmark, removedAt }) => (
          <li key={key} class="removed-row">
            <span class="title">{bookmark.title}</span>
            <span class="muted">{t('removedAgo', formatRelativeTime(removedAt, now))}</span>
            <button
              type="button"
              class="text-button"
              aria-label={t('restoreLabel', bookmark.title)}
              onClick={() => onRestore(key)}
            >
              {t('restore')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
