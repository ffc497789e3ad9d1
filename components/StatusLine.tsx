import { formatRelativeTime } from '@/lib/popup/relative-time';
import { t, tParts } from '@/lib/i18n';
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
        ? tParts(
            'statusUpdated',
            // data-relative: a saved first screen brings this phrase up to date (first-screen-snapshot.ts).
            <time
              dateTime={new Date(state.lastRefreshOkAt).toISOString()}
              data-relative={state.lastRefreshOkAt}
            >
              {formatRelativeTime(state.lastRefreshOkAt, now)}
            </time>,
          )
        : t('statusNotUpdated')}
      {failed && state.lastError && (
        <>
          {' · '}
          <strong>{t('statusRefreshFailed')}</strong> {state.lastError.message}
          {state.lastRefreshOkAt ? ` ${t('statusShowingSaved')}` : ''}
          {state.nextRefreshAllowedAt > now && (
            <>
              {' '}
              {tParts(
                'statusNextTry',
                <time data-relative={state.nextRefreshAllowedAt}>
                  {formatRelativeTime(state.nextRefreshAllowedAt, now)}
                </time>,
              )}
            </>
          )}
        </>
      )}
    </p>
  );
}
