import { dropRelatedIndexFromMemory } from '../related/sync';
import type { PaperPulseDB } from '../storage/db';
import { DEFAULT_SETTINGS, loadSettings, SETTINGS_KEY } from '../storage/settings';
import { journalEdits } from '../storage/sync-journal';

/**
 * The options page's "Clear the feed cache" (the Daily Papers copy and what is derived from it:
 * the Related index, the upvote history and the trends; the next refresh fetches it again) and "Clear everything" (the feed, the
 * library with its trash, the extension's state and settings). Each in one transaction.
 *
 * Clearing everything deletes each bookmark like any other removal: its sync record becomes a
 * deletion (kept, with the older ones), so a sync tells the user's other browsers rather than
 * bringing the library back from them. The sync switch is the one setting kept as it was, so a
 * user who had sync off does not find it on after clearing.
 */
export async function clearData(
  db: PaperPulseDB,
  local: {
    clear(): Promise<void>;
    get(keys: string | null): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    remove(keys: string[]): Promise<void>;
  },
  what: 'feed' | 'everything',
  sync: { replicaId: string; now: number },
): Promise<void> {
  const feedTables = [db.papers, db.feedDays, db.searchIndexes, db.paperHistory, db.trends];
  const tables = what === 'feed' ? feedTables : db.tables;
  await db.transaction('rw', tables, async () => {
    if (what === 'everything') {
      const rows = await db.bookmarks.toArray();
      const edits = rows.map((row) => ({ key: row.key, before: row, after: undefined }));
      await journalEdits(db, edits, sync.now, sync.replicaId);
    }
    const cleared =
      what === 'everything' ? tables.filter((table) => table.name !== db.syncRecords.name) : tables;
    await Promise.all(cleared.map((table) => table.clear()));
    // The feed is gone: the next trigger must refresh rather than wait for the interval.
    if (what === 'feed')
      await db.state.bulkDelete(['lastRefreshOkAt', 'lastRefreshFinishedAt', 'lastRefreshStartedAt']);
  });
  dropRelatedIndexFromMemory();
  if (what !== 'everything') return;
  const syncBookmarks = loadSettings((await local.get(SETTINGS_KEY))[SETTINGS_KEY]).settings.syncBookmarks;
  if (syncBookmarks) return local.clear();
  // Settings are replaced, never removed first: for a moment sync would be on, at its default.
  await local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, syncBookmarks } });
  await local.remove(Object.keys(await local.get(null)).filter((key) => key !== SETTINGS_KEY));
}
