import { formatRelativeTime } from '@/lib/popup/relative-time';

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
        {busy ? 'Refreshing…' : 'Refresh now'}
      </button>
      <span class="hint" role="status">
        {waiting
          ? `Next try allowed ${formatRelativeTime(nextAllowedAt, now)} (Hugging Face is asked at most once a minute).`
          : lastRefreshOkAt
            ? `Feed updated ${formatRelativeTime(lastRefreshOkAt, now)}.`
            : 'The feed has not been loaded yet.'}
      </span>
    </div>
  );
}
