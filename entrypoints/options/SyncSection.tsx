import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { OptionsSection } from '@/components/OptionsSection';
import { SwitchField } from '@/components/SwitchField';
import { syncStatusLines } from '@/lib/library/sync-status-text';
import { parseSyncStatus, SYNC_STATUS_KEY, type SyncStatus } from '@/lib/storage/sync-state';
import { t } from '@/lib/i18n';

/** The last sync's status as the worker stored it, live. */
function useSyncStatus(): SyncStatus | undefined {
  const [status, setStatus] = useState<SyncStatus | undefined>(undefined);
  useEffect(() => {
    const read = () =>
      void browser.storage.local
        .get(SYNC_STATUS_KEY)
        .then((stored) => setStatus(parseSyncStatus(stored[SYNC_STATUS_KEY])))
        .catch(() => setStatus(undefined));
    read();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SYNC_STATUS_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return status;
}

/** Bookmark sync: the switch, what is synced and what stays here, and what went wrong. */
export function SyncSection({ enabled, onChange }: { enabled: boolean; onChange: (on: boolean) => void }) {
  const status = useSyncStatus();
  return (
    <OptionsSection id="sync" title={t('optionsSyncSection')}>
      <SwitchField label={t('settingSync')} checked={enabled} onChange={onChange}>
        {t('settingSyncHint')}
      </SwitchField>
      <div class="sync-status" aria-live="polite">
        {syncStatusLines(enabled, status).map((line) => (
          <p key={line.text} class={line.problem ? 'field-error' : 'hint'}>
            {line.text}
          </p>
        ))}
      </div>
    </OptionsSection>
  );
}
