const NAMES: Record<string, string> = {
  watchedTopics: 'Watched topics',
  badgeMode: 'Badge counts',
  notifyWatched: 'Notify me about watched-topic papers',
  weeklyDigest: 'Weekly digest',
  refreshIntervalMinutes: 'Refresh every',
  retentionDays: 'Keep feed for',
  sites: 'Annotate pages on',
  anySite: 'Any site with citation metadata',
  versionAlerts: 'New versions of saved preprints',
  syncBookmarks: 'Sync bookmarks',
};

/** Settings that could not be read and went back to their defaults, said once, by name. */
export function ResetNotice({ reset, migratedFrom }: { reset: readonly string[]; migratedFrom?: number }) {
  if (reset.length === 0) return null;
  return (
    <p class="reset-notice" role="alert">
      Some stored settings could not be read{migratedFrom ? ` (written by an older PaperPulse)` : ''} and are
      back to their defaults: {reset.map((name) => NAMES[name] ?? name).join(', ')}. Check them below.
    </p>
  );
}
