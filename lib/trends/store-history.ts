import type { PaperPulseDB } from '../storage/db';
import { dayStart } from './days';
import { PaperHistorySchema, type PaperHistory } from './history-codec';
import { historyIdsToPrune, recordSamples } from './history';

/**
 * The upvote history's reads and writes (the rules are in history.ts). Both run inside the
 * caller's transaction when it includes `paperHistory`: the samples of a fetched day are written
 * with the day itself (lib/feed/store.ts `storeDay`), and rows go with their papers (`pruneFeed`).
 */

/** A stored paper's fields the history needs. */
export interface HistoryPaper {
  id: string;
  upvotes: number;
  numComments: number;
  /** Its Daily Papers day: the paper joined at its start (rows have no finer time). */
  dailyDate: string;
}

/** Rows that do not parse (a damaged store) count as no history: the next sample starts anew. */
export async function readHistories(
  db: PaperPulseDB,
  ids: readonly string[],
): Promise<Map<string, PaperHistory>> {
  const rows = await db.paperHistory.bulkGet([...ids]);
  const histories = new Map<string, PaperHistory>();
  for (const row of rows) {
    const parsed = PaperHistorySchema.safeParse(row);
    if (parsed.success) histories.set(parsed.data.id, parsed.data);
  }
  return histories;
}

/** Records one reading of every paper just fetched, at `fetchedAt`; writes only rows that changed. */
export async function recordFetchedPapers(
  db: PaperPulseDB,
  papers: readonly HistoryPaper[],
  fetchedAt: number,
): Promise<void> {
  if (papers.length === 0) return;
  const existing = await readHistories(
    db,
    papers.map((paper) => paper.id),
  );
  const changed = recordSamples(
    existing,
    papers.map((paper) => ({ ...paper, joinedAt: dayStart(paper.dailyDate) })),
    fetchedAt,
  );
  if (changed.length > 0) await db.paperHistory.bulkPut(changed);
}

/** Deletes the history of every paper the feed no longer keeps; returns how many rows went. */
export async function pruneHistory(db: PaperPulseDB): Promise<number> {
  const [historyIds, paperIds] = await Promise.all([
    db.paperHistory.toCollection().primaryKeys(),
    db.papers.toCollection().primaryKeys(),
  ]);
  const stale = historyIdsToPrune(historyIds, new Set(paperIds));
  if (stale.length > 0) await db.paperHistory.bulkDelete(stale);
  return stale.length;
}
