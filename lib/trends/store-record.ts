import type { PaperPulseDB } from '../storage/db';
import { TrendsRecordSchema, type TrendsRecord } from './record';

/**
 * The one stored trends record (`trends` table, row 'current'): written by the worker after each
 * refresh, read by the popup with a single get. A row that does not parse (written by a later or
 * damaged version) reads as none: the popup says the figures are not ready, the next refresh
 * writes them again.
 */

export const TRENDS_ROW = 'current';

export async function readTrendsRecord(db: PaperPulseDB): Promise<TrendsRecord | undefined> {
  const row = await db.trends.get(TRENDS_ROW);
  const parsed = TrendsRecordSchema.safeParse(row?.record);
  return parsed.success ? parsed.data : undefined;
}

export async function writeTrendsRecord(db: PaperPulseDB, record: TrendsRecord): Promise<void> {
  await db.trends.put({ name: TRENDS_ROW, record });
}
