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
import { sendMessage } from '@/lib/messaging/send';
import { SITE_DESCRIPTORS } from '@/lib/sites';
import { ANY_SITE_ORIGINS } from '@/lib/sites/page/any-page';
import { ARXIV_API_ORIGIN } from '@/lib/versions/origin';
import { DataSection } from './DataSection';
import { ResetNotice } from './ResetNotice';
import { SyncSection } from './SyncSection';

const db = getDb();
const ANY_SITE: Permissions.Permissions = { origins: ANY_SITE_ORIGINS };
const NOTIFICATIONS: Permissions.Permissions = { permissions: ['notifications'] };
const ARXIV_API: Permissions.Permissions = { origins: [ARXIV_API_ORIGIN] };

const BADGE_CHOICES: { value: BadgeMode; label: string }[] = [
  { value: 'all', label: 'All new papers' },
  { value: 'watched', label: 'New papers matching watched topics' },
  { value: 'none', label: 'Nothing' },
];
const hours = (minutes: number) =>
  minutes < 60
    ? `${minutes} minutes`
    : minutes === 60
      ? '1 hour'
      : minutes === 1440
        ? '24 hours'
        : `${minutes / 60} hours`;

/** Sites by name, the order people look for them in. */
const SITES = [...SITE_DESCRIPTORS].sort((a, b) => a.name.localeCompare(b.name));

/** The options page: every setting applies as it is changed (the worker follows at once). */
export function OptionsApp() {
  const { loaded, save, problem } = useSettings();
  const state = useLiveQuery(() => getAllState(db), [], undefined);
  const [refresh, setRefresh] = useState<{ busy: boolean; nextAllowedAt?: number }>({ busy: false });
  const [permissionNote, setPermissionNote] = useState<string | null>(null);
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
    else setPermissionNote(`${what} stays off: the browser’s permission was not given.`);
  }

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
        <h1>PaperPulse options</h1>
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

      <OptionsSection id="topics" title="Watched topics and the badge">
        <WatchedTopicsField
          topics={settings.watchedTopics}
          onSave={(watchedTopics) => void save({ watchedTopics })}
        />
        <ChoiceField
          legend="Badge counts"
          name="badge-mode"
          value={settings.badgeMode}
          choices={BADGE_CHOICES}
          onChange={(badgeMode) => void save({ badgeMode })}
        />
        <SwitchField
          label="Notify me about watched-topic papers"
          checked={settings.notifyWatched}
          onChange={(on) =>
            void (on
              ? withPermission(NOTIFICATIONS, { notifyWatched: true }, 'Notifications')
              : save({ notifyWatched: false }))
          }
        >
          A desktop notification when papers on your topics arrive (several at once are one notification),
          never twice for a paper.
        </SwitchField>
        <SwitchField
          label="Weekly digest"
          checked={settings.weeklyDigest}
          onChange={(on) =>
            void (on
              ? withPermission(NOTIFICATIONS, { weeklyDigest: true }, 'The weekly digest')
              : save({ weeklyDigest: false }))
          }
        >
          Once a week, one notification that opens the week’s top papers, overall and on each topic.
        </SwitchField>
      </OptionsSection>

      <VersionAlertsSection
        on={settings.versionAlerts}
        turnOn={() => void withPermission(ARXIV_API, { versionAlerts: true }, 'Version alerts')}
        turnOff={() => void save({ versionAlerts: false })}
      />

      <OptionsSection id="schedule" title="Feed">
        <SelectField
          label="Refresh every"
          value={settings.refreshIntervalMinutes}
          choices={REFRESH_INTERVALS.map((value) => ({ value, label: hours(value) }))}
          onChange={(refreshIntervalMinutes) => void save({ refreshIntervalMinutes })}
        />
        <SelectField
          label="Keep feed for"
          value={settings.retentionDays}
          choices={RETENTION_CHOICES.map((value) => ({ value, label: `${value} days` }))}
          onChange={(retentionDays) => void save({ retentionDays })}
        />
        <p class="hint">Bookmarks are never pruned.</p>
      </OptionsSection>

      <OptionsSection id="sites" title="Annotate pages on">
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
          label="Any site with citation metadata (asks for permission)"
          checked={settings.anySite}
          onChange={(on) =>
            void (on
              ? withPermission(ANY_SITE, { anySite: true }, 'Any site')
              : save({ anySite: false }).then(() => browser.permissions.remove(ANY_SITE)))
          }
        >
          Pages that name one paper in their citation_* tags (journals, repositories) get the card too. This
          needs access to every site, asked when you turn it on; PaperPulse reads only those tags.
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
