import { formatRelativeTime } from '@/lib/format';
import type { StateValues } from '@/lib/storage/records';

export interface StatusLineProps {
  state: StateValues;
  now: number;
}

/** When the feed was updated, and whether the last refresh failed (the cache is still shown). */
export function StatusLine({ state, now }: StatusLineProps) {
  const failed = state.lastError && state.lastError.at >= state.lastRefreshOkAt;
  return (
    <p class={failed ? 'status status-error' : 'status'} role="status">
      {state.lastRefreshOkAt
        ? `Updated ${formatRelativeTime(state.lastRefreshOkAt, now)}`
        : 'Not updated yet'}
      {failed && state.lastError && (
        <>
          {' · '}
          <strong>Couldn’t refresh:</strong> {state.lastError.message}
          {state.lastRefreshOkAt ? ' Showing saved papers.' : ''}
        </>
      )}
    </p>
  );
}
