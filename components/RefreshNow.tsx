import { formatRelativeTime } from '@/lib/popup/relative-time';
import { t } from '@/lib/i18n';

export interface RefreshNowProps {
  lastRefreshOkAt: number;
  /** The gate's answer to the last press: when a refresh may go out again. */
  nextAllowedAt?: number;
  busy: boolean;
  now: number;
  onRefresh: () => void;
}

/** "Refresh now", and when the feed was last updated or when the next try is allowed. */
export function RefreshNow({ lastRefreshOkAt, nextAllowedAt, busy, now, onRefresh }: RefreshNowProps) {
  const waiting = nextAllowedAt !== undefined && nextAllowedAt > now;
  return (
    <div class="refresh-now">
      <button type="button" class="primary-button" disabled={busy} onClick={onRefresh}>
        {busy ? t('refreshing') : t('headerRefresh')}
      </button>
      <span class="hint" role="status">
        {waiting
          ? t('refreshNextAllowed', formatRelativeTime(nextAllowedAt, now))
          : lastRefreshOkAt
            ? t('refreshFeedUpdated', formatRelativeTime(lastRefreshOkAt, now))
            : t('refreshNeverLoaded')}
      </span>
    </div>
  );
}
