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
      {state.lastRefreshOkAt ? (
        <>
          Updated{' '}
          {/* data-relative: a saved first screen brings this phrase up to date (first-screen-snapshot.ts). */}
          <time
            dateTime={new Date(state.lastRefreshOkAt).toISOString()}
            data-relative={state.lastRefreshOkAt}
          >
            {formatRelativeTime(state.lastRefreshOkAt, now)}
          </time>
        </>
      ) : (
        'Not updated yet'
      )}
      {failed && state.lastError && (
        <>
          {' · '}
          <strong>Couldn’t refresh:</strong> {state.lastError.message}
          {state.lastRefreshOkAt ? ' Showing saved papers.' : ''}
          {state.nextRefreshAllowedAt > now && (
            <>
              {' '}
              Next try{' '}
              <time data-relative={state.nextRefreshAllowedAt}>
                {formatRelativeTime(state.nextRefreshAllowedAt, now)}
              </time>
              .
            </>
          )}
        </>
      )}
    </p>
  );
}
