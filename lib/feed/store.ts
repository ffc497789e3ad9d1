import { t } from '../i18n';
import type { PaperPulseDB } from '../storage/db';
import type { Paper } from '../storage/records';
import { addDays, type DayString } from '../dates';
import { FeedError, type FeedDayResult } from './client';
import { pruneHistory, recordFetchedPapers } from '../trends/store-history';

/**
 * Writes one fetched day whole, in a single transaction: its papers (new ones stamped with
 * `firstSeenAt`, known ones get the new upvotes and comment counts) and its rank order. A worker
 * stopped in the middle leaves either the old day or the new one, never half of it. A day stored
 * with papers is never replaced by an empty one: Hugging Face does not empty a past day, so an empty
 * answer for it is a glitch, and the write fails with FeedError('invalid').
 *
 * `now` stamps `firstSeenAt` and `updatedAt` (the local clock, which the badge compares with);
 * `fetchedAt` is when the server answered (its clock), which says whether the day had ended. It
 * also dates the day's upvote samples (lib/trends/store-history.ts), written in the same
 * transaction, so that the trends, computed on the server's clock too, agree with the days.
 */
export async function storeDay(
  db: PaperPulseDB,
  day: FeedDayResult,
  now: number,
  fetchedAt = now,
): Promise<void> {
  const ranked = [...day.papers].sort((a, b) => b.upvotes - a.upvotes);
  await db.transaction('rw', db.papers, db.feedDays, db.paperHistory, async () => {
    if (ranked.length === 0) {
      const before = await db.feedDays.get(day.date);
      if (before && before.paperIds.length > 0) {
        throw new FeedError('invalid', t('feedEmptyDay', day.date, before.paperIds.length));
      }
    }
    const existing = await db.papers.bulkGet(ranked.map((paper) => paper.id));
    const rows: Paper[] = ranked.map((paper, i) => {
      const before = existing[i];
      return {
        ...paper,
        dailyDate: before && before.dailyDate > day.date ? before.dailyDate : day.date,
        firstSeenAt: before?.firstSeenAt ?? now,
        updatedAt: now,
      };
    });
    await db.papers.bulkPut(rows);
    await recordFetchedPapers(db, rows, fetchedAt);
    await db.feedDays.put({
      date: day.date,
      paperIds: ranked.map((paper) => paper.id),
      fetchedAt,
      dropped: day.dropped,
    });
  });
}

/**
 * Drops feed days older than the retention window, the papers only they listed and those papers'
 * upvote history. Bookmarks live in their own table and are never pruned.
 */
export async function pruneFeed(db: PaperPulseDB, today: DayString, retentionDays: number): Promise<number> {
  const cutoff = addDays(today, -retentionDays);
  return db.transaction('rw', db.papers, db.feedDays, db.paperHistory, async () => {
    const days = await db.feedDays.where('date').below(cutoff).primaryKeys();
    // Only storeDay writes papers, each listed by a day at least as new as its dailyDate: without
    // old days there are no old papers, and the scan of every paper (after every refresh) is skipped.
    if (days.length === 0) return 0;
    await db.feedDays.bulkDelete(days);
    const stale = await db.papers.filter((paper) => paper.dailyDate < cutoff).primaryKeys();
    await db.papers.bulkDelete(stale);
    await pruneHistory(db);
    return days.length;
  });
}

/** The newest stored day that has papers, or undefined on a first run. */
export async function latestFeedDay(db: PaperPulseDB) {
  return db.feedDays
    .orderBy('date')
    .reverse()
    .filter((day) => day.paperIds.length > 0)
    .first();
}
