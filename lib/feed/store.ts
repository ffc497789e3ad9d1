import type { PaperPulseDB } from '../storage/db';
import type { Paper } from '../storage/records';
import { addDays, type DayString } from '../dates';
import type { FeedDayResult } from './client';

/**
 * Writes one fetched day whole, in a single transaction: its papers (new ones stamped with
 * `firstSeenAt`, known ones get the new upvotes and comment counts) and its rank order. A worker
 * stopped in the middle leaves either the old day or the new one, never half of it.
 */
export async function storeDay(db: PaperPulseDB, day: FeedDayResult, now: number): Promise<void> {
  const ranked = [...day.papers].sort((a, b) => b.upvotes - a.upvotes);
  await db.transaction('rw', db.papers, db.feedDays, async () => {
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
    await db.feedDays.put({
      date: day.date,
      paperIds: ranked.map((paper) => paper.id),
      fetchedAt: now,
      dropped: day.dropped,
    });
  });
}

/**
 * Drops feed days older than the retention window and the papers only they listed. Bookmarks live
 * in their own table and are never pruned.
 */
export async function pruneFeed(db: PaperPulseDB, today: DayString, retentionDays: number): Promise<number> {
  const cutoff = addDays(today, -retentionDays);
  return db.transaction('rw', db.papers, db.feedDays, async () => {
    const days = await db.feedDays.where('date').below(cutoff).primaryKeys();
    await db.feedDays.bulkDelete(days);
    const stale = await db.papers.filter((paper) => paper.dailyDate < cutoff).primaryKeys();
    await db.papers.bulkDelete(stale);
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
