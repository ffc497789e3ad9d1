import type { ComponentChildren } from 'preact';
import type { StateValues } from '@/lib/storage/records';
import { StatusLine } from './StatusLine';
import { Tabs } from './Tabs';
import { t } from '@/lib/i18n';

export type PopupTab = 'trending' | 'trends' | 'related' | 'bookmarks';

export interface PopupLayoutProps {
  state: StateValues | undefined;
  selected: PopupTab;
  onSelect: (tab: PopupTab) => void;
  bookmarkCount: number;
  panels: Record<PopupTab, ComponentChildren>;
  /** Under every panel: what a failed save could not do. */
  footer?: ComponentChildren;
  /** The header's buttons (Refresh now, Options). */
  actions?: ComponentChildren;
}

/** The popup's frame: header, status, tabs and their panels. Shared by the first screen and the app. */
export function PopupLayout({
  state,
  selected,
  onSelect,
  bookmarkCount,
  panels,
  footer,
  actions,
}: PopupLayoutProps) {
  const tabs = [
    { id: 'trending', label: t('tabTrending') },
    { id: 'trends', label: t('tabTrends') },
    { id: 'related', label: t('tabRelated') },
    { id: 'bookmarks', label: t('tabBookmarks'), badge: bookmarkCount },
  ] as const;
  return (
    <main class="popup">
      <header class="header">
        <div class="brand-row">
          <h1>PaperPulse</h1>
          {state && <StatusLine state={state} now={Date.now()} />}
          {actions}
        </div>
        <Tabs tabs={tabs} selected={selected} onSelect={onSelect} />
      </header>
      {tabs.map(({ id }) => (
        <section
          key={id}
          id={`panel-${id}`}
          role="tabpanel"
          aria-labelledby={`tab-${id}`}
          hidden={selected !== id}
          class="panel"
        >
          {panels[id]}
        </section>
      ))}
      {footer}
    </main>
  );
}
