import type { PaperPulseDB } from '../storage/db';
import type { Paper } from '../storage/records';
import type { TrendsRecord } from '../trends/record';
import { risingPapers } from './trends-view';

export { readTrendsRecord } from '../trends/store-record';

/** Trending in "Rising" order: the record's order over the rows as stored now (their numbers are current). */
export async function risingView(db: PaperPulseDB, record: TrendsRecord | undefined): Promise<Paper[]> {
  if (!record) return [];
  return risingPapers(record, await db.papers.bulkGet(record.rising.map((entry) => entry.id)));
}

/** The rows of the Trends tab's top papers, by id. */
export async function trendPapers(
  db: PaperPulseDB,
  record: TrendsRecord | undefined,
): Promise<ReadonlyMap<string, Paper>> {
  const ids = [...new Set(record?.topics.flatMap((topic) => topic.topPaperIds) ?? [])];
  const rows = await db.papers.bulkGet(ids);
  return new Map(rows.flatMap((row) => (row ? [[row.id, row] as const] : [])));
}
