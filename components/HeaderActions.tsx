import { t } from '@/lib/i18n';

export interface HeaderActionsProps {
  refreshing: boolean;
  onRefresh: () => void;
  onOptions: () => void;
}

/** The popup header's "Refresh now" and "Options", as 24 px icon buttons with their names. */
export function HeaderActions({ refreshing, onRefresh, onOptions }: HeaderActionsProps) {
  return (
    <div class="header-actions">
      <button
        type="button"
        class="icon-button"
        aria-label={t('headerRefresh')}
        title={t('headerRefreshTitle')}
        disabled={refreshing}
        onClick={onRefresh}
      >
        <span aria-hidden="true" class={refreshing ? 'spin' : undefined}>
          ↻
        </span>
      </button>
      <button
        type="button"
        class="icon-button"
        aria-label={t('headerOptions')}
        title={t('headerOptions')}
        onClick={onOptions}
      >
        <span aria-hidden="true">⚙</span>
      </button>
    </div>
  );
}
