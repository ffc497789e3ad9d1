import { t, type MessageKey } from '@/lib/i18n';

const NAMES: Record<string, MessageKey> = {
  watchedTopics: 'settingWatchedTopics',
  badgeMode: 'settingBadgeMode',
  notifyWatched: 'settingNotifyWatched',
  weeklyDigest: 'settingWeeklyDigest',
  refreshIntervalMinutes: 'settingRefreshInterval',
  retentionDays: 'settingRetention',
  sites: 'optionsSitesSection',
  anySite: 'settingAnySiteName',
  versionAlerts: 'settingVersionAlertsName',
  syncBookmarks: 'settingSyncName',
};

/** Settings that could not be read and went back to their defaults, said once, by name. */
export function ResetNotice({ reset, migratedFrom }: { reset: readonly string[]; migratedFrom?: number }) {
  if (reset.length === 0) return null;
  const names = reset.map((name) => (NAMES[name] ? t(NAMES[name]) : name)).join(', ');
  return (
    <p class="reset-notice" role="alert">
      {migratedFrom ? t('resetNoticeOlder', names) : t('resetNotice', names)}
    </p>
  );
}
