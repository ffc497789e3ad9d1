import { useState } from 'preact/hooks';
import browser, { type Permissions } from 'webextension-polyfill';
import { ChoiceField } from '@/components/ChoiceField';
import { OptionsSection } from '@/components/OptionsSection';
import { RefreshNow } from '@/components/RefreshNow';
import { SelectField } from '@/components/SelectField';
import { SwitchField } from '@/components/SwitchField';
import { VersionAlertsSection } from '@/components/VersionAlertsSection';
import { WatchedTopicsField } from '@/components/WatchedTopicsField';
import { getDb } from '@/lib/storage/db';
import { getAllState } from '@/lib/storage/state';
import { REFRESH_INTERVALS, RETENTION_CHOICES, siteEnabled, type BadgeMode } from '@/lib/storage/settings';
import { useLiveQuery } from '@/lib/hooks/use-live-query';
import { useSettings } from '@/lib/hooks/use-settings';
import { useGranted } from '@/lib/hooks/use-granted';
import { sendMessage } from '@/lib/messaging/send';
import { SITE_DESCRIPTORS } from '@/lib/sites';
import { ANY_SITE_ORIGINS } from '@/lib/sites/page/any-page';
import { ARXIV_API_ORIGIN } from '@/lib/versions/origin';
import { DataSection } from './DataSection';
import { ResetNotice } from './ResetNotice';
import { SyncSection } from './SyncSection';
import { t } from '@/lib/i18n';

const db = getDb();
const ANY_SITE: Permissions.Permissions = { origins: ANY_SITE_ORIGINS };
const NOTIFICATIONS: Permissions.Permissions = { permissions: ['notifications'] };
const ARXIV_API: Permissions.Permissions = { origins: [ARXIV_API_ORIGIN] };

const badgeChoices = (): { value: BadgeMode; label: string }[] => [
  { value: 'all', label: t('badgeAll') },
  { value: 'watched', label: t('badgeWatched') },
  { value: 'none', label: t('badgeNone') },
];
const hours = (minutes: number) =>
  minutes < 60
    ? t('intervalMinutes', minutes)
    : minutes === 60
      ? t('intervalHour')
      : t('intervalHours', minutes / 60);

/** Sites by name, the order people look for them in. */
const SITES = [...SITE_DESCRIPTORS].sort((a, b) => a.name.localeCompare(b.name));

/** The options page: every setting applies as it is changed (the worker follows at once). */
export function OptionsApp() {
  const { loaded, save, problem } = useSettings();
  const state = useLiveQuery(() => getAllState(db), [], undefined);
  const [refresh, setRefresh] = useState<{ busy: boolean; nextAllowedAt?: number }>({ busy: false });
  const [permissionNote, setPermissionNote] = useState<string | null>(null);
  const granted = {
    notifications: useGranted(NOTIFICATIONS),
    arxiv: useGranted(ARXIV_API),
    anySite: useGranted(ANY_SITE),
  };
  const now = Date.now();
  if (!loaded) return <main class="options" aria-busy="true" />;
  const { settings } = loaded;

  /** Turns on a setting that needs a permission: asked now (this click is the user's), kept off if declined. */
  async function withPermission(
    permission: Permissions.Permissions,
    change: Parameters<typeof save>[0],
    what: string,
  ) {
    setPermissionNote(null);
    const granted = await browser.permissions.request(permission).catch(() => false);
    if (granted) await save(change);
    else setPermissionNote(t('optionsPermissionDenied', what));
  }

  /**
   * A switch that needs a permission is on only while the browser grants it; on in the settings
   * but taken back in the browser's own settings, it shows off and says why.
   */
  const needing = (on: boolean, permitted: boolean | undefined) => ({
    checked: on && permitted !== false,
    notice: on && permitted === false ? t('optionsPermissionTakenBack') : undefined,
  });

  async function refreshNow() {
    setRefresh({ busy: true });
    const answer = await sendMessage('feed.refreshNow', {}).catch(() => ({
      started: false,
      nextAllowedAt: 0,
    }));
    setRefresh({ busy: false, nextAllowedAt: answer.started ? undefined : answer.nextAllowedAt });
  }

  return (
    <main class="options">
      <header class="options-header">
        <h1>{t('optionsTitle')}</h1>
        <RefreshNow
          lastRefreshOkAt={state?.lastRefreshOkAt ?? 0}
          nextAllowedAt={refresh.nextAllowedAt}
          busy={refresh.busy}
          now={now}
          onRefresh={() => void refreshNow()}
        />
      </header>
      <ResetNotice reset={loaded.reset} migratedFrom={loaded.migratedFrom} />
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {permissionNote && (
        <p class="field-error" role="alert">
          {permissionNote}
        </p>
      )}

      <OptionsSection id="topics" title={t('optionsTopicsSection')}>
        <WatchedTopicsField
          topics={settings.watchedTopics}
          onSave={(watchedTopics) => void save({ watchedTopics })}
        />
        <ChoiceField
          legend={t('settingBadgeMode')}
          name="badge-mode"
          value={settings.badgeMode}
          choices={badgeChoices()}
          onChange={(badgeMode) => void save({ badgeMode })}
        />
        <SwitchField
          label={t('settingNotifyWatched')}
          {...needing(settings.notifyWatched, granted.notifications)}
          onChange={(on) =>
            void (on
              ? withPermission(NOTIFICATIONS, { notifyWatched: true }, t('permissionNotifications'))
              : save({ notifyWatched: false }))
          }
        >
          {t('settingNotifyWatchedHint')}
        </SwitchField>
        <SwitchField
          label={t('settingWeeklyDigest')}
          {...needing(settings.weeklyDigest, granted.notifications)}
          onChange={(on) =>
            void (on
              ? withPermission(NOTIFICATIONS, { weeklyDigest: true }, t('permissionWeeklyDigest'))
              : save({ weeklyDigest: false }))
          }
        >
          {t('settingWeeklyDigestHint')}
        </SwitchField>
      </OptionsSection>

      <VersionAlertsSection
        on={needing(settings.versionAlerts, granted.arxiv).checked}
        notice={needing(settings.versionAlerts, granted.arxiv).notice}
        turnOn={() => void withPermission(ARXIV_API, { versionAlerts: true }, t('permissionVersionAlerts'))}
        turnOff={() => void save({ versionAlerts: false })}
      />

      <OptionsSection id="schedule" title={t('optionsFeedSection')}>
        <SelectField
          label={t('settingRefreshInterval')}
          value={settings.refreshIntervalMinutes}
          choices={REFRESH_INTERVALS.map((value) => ({ value, label: hours(value) }))}
          onChange={(refreshIntervalMinutes) => void save({ refreshIntervalMinutes })}
        />
        <SelectField
          label={t('settingRetention')}
          value={settings.retentionDays}
          choices={RETENTION_CHOICES.map((value) => ({ value, label: t('retentionDays', value) }))}
          onChange={(retentionDays) => void save({ retentionDays })}
        />
        <p class="hint">{t('settingRetentionHint')}</p>
      </OptionsSection>

      <OptionsSection id="sites" title={t('optionsSitesSection')}>
        <div class="site-switches">
          {SITES.map((site) => (
            <SwitchField
              key={site.id}
              label={site.name}
              checked={siteEnabled(settings, site.id)}
              onChange={(on) => void save({ sites: { ...settings.sites, [site.id]: on } })}
            />
          ))}
        </div>
        <SwitchField
          label={t('settingAnySite')}
          {...needing(settings.anySite, granted.anySite)}
          onChange={(on) =>
            void (on
              ? withPermission(ANY_SITE, { anySite: true }, t('permissionAnySite'))
              : save({ anySite: false }).then(() => browser.permissions.remove(ANY_SITE)))
          }
        >
          {t('settingAnySiteHint')}
        </SwitchField>
      </OptionsSection>

      <SyncSection
        enabled={settings.syncBookmarks}
        onChange={(syncBookmarks) => void save({ syncBookmarks })}
      />
      <DataSection db={db} settings={settings} />
    </main>
  );
}
