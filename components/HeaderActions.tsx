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
        aria-label="Refresh now"
        title="Refresh now (at most once a minute)"
        disabled={refreshing}
        onClick={onRefresh}
      >
        <span aria-hidden="true" class={refreshing ? 'spin' : undefined}>
          ↻
        </span>
      </button>
      <button type="button" class="icon-button" aria-label="Options" title="Options" onClick={onOptions}>
        <span aria-hidden="true">⚙</span>
      </button>
    </div>
  );
}
