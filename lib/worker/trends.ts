import type { PaperPulseDB } from '../storage/db';
import { getState } from '../storage/state';
import type { TrendsLimits, TrendsRecord } from '../trends/record';
import { risingWindow } from '../trends/rising';
import { readHistories } from '../trends/store-history';
import { writeTrendsRecord } from '../trends/store-record';
import { computeTrends } from '../trends/summary';

/**
 * After each refresh: the trend figures over the whole cached feed, stored as the one record the
 * popup reads (lib/trends/store-record.ts). Time is the server's clock as last seen, the clock the
 * feed's days and the upvote samples are on (lib/feed/store.ts), so a local clock that is off does
 * not shift "this week" or the last 24 hours.
 */

/**
 * "Rising" keeps every paper of the week (a week lists about 300), not only the first fifty: the
 * Rising order is the whole week's, and a row's sparkline comes from its entry.
 */
export const WORKER_TRENDS_LIMITS: Partial<TrendsLimits> = { rising: 400 };

export async function updateTrends(db: PaperPulseDB, localNow: number): Promise<TrendsRecord> {
  const now = localNow + (await getState(db, 'serverClockOffsetMs'));
  const [papers, days] = await Promise.all([db.papers.toArray(), db.feedDays.toCollection().primaryKeys()]);
  // Only this week's papers are ranked by their history: the other rows need not be read.
  const thisWeek = papers.filter(risingWindow(now)).map((paper) => paper.id);
  const history = [...(await readHistories(db, thisWeek)).values()];
  const record = computeTrends({
    papers,
    days: days.map((date) => ({ date })),
    history,
    now,
    limits: WORKER_TRENDS_LIMITS,
  });
  await writeTrendsRecord(db, record);
  return record;
}
