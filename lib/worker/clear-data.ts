import { dropRelatedIndexFromMemory } from '../related/sync';
import type { PaperPulseDB } from '../storage/db';

/**
 * The options page's "Clear the feed cache" (the Daily Papers copy and what is derived from it:
 * the Related index, the upvote history and the trends; the next refresh fetches it again) and "Clear everything" (the feed, the
 * library with its trash, the extension's state and settings). Each in one transaction.
 */
export async function clearData(
  db: PaperPulseDB,
  local: { clear(): Promise<void> },
  what: 'feed' | 'everything',
): Promise<void> {
  const feedTables = [db.papers, db.feedDays, db.searchIndexes, db.paperHistory, db.trends];
  const tables = what === 'feed' ? feedTables : db.tables;
  await db.transaction('rw', tables, async () => {
    await Promise.all(tables.map((table) => table.clear()));
    // The feed is gone: the next trigger must refresh rather than wait for the interval.
    if (what === 'feed')
      await db.state.bulkDelete(['lastRefreshOkAt', 'lastRefreshFinishedAt', 'lastRefreshStartedAt']);
  });
  dropRelatedIndexFromMemory();
  if (what === 'everything') await local.clear();
}
