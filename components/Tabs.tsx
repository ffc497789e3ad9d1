import { t } from '@/lib/i18n';

export interface TabsProps<T extends string> {
  tabs: readonly { id: T; label: string; badge?: number }[];
  selected: T;
  onSelect: (id: T) => void;
}

/** A WAI-ARIA tablist: arrow keys move between tabs, the selected tab is the one in the tab order. */
export function Tabs<T extends string>({ tabs, selected, onSelect }: TabsProps<T>) {
  function onKeyDown(event: KeyboardEvent) {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = tabs[(index + delta + tabs.length) % tabs.length]!;
    onSelect(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  }
  return (
    <div class="tabs" role="tablist" aria-label={t('tabsLabel')} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          id={`tab-${tab.id}`}
          type="button"
          role="tab"
          aria-selected={tab.id === selected}
          aria-controls={`panel-${tab.id}`}
          tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
          {tab.badge ? <span class="tab-badge">{tab.badge}</span> : null}
        </button>
      ))}
    </div>
  );
}
