import { addDays, utcDay } from '../dates';
import type { PaperPulseDB } from '../storage/db';
import type { Paper } from '../storage/records';

/** The papers of the seven stored Daily Papers days ending today (UTC), from the cache only. */
export async function weekPapers(db: PaperPulseDB, now: number): Promise<Paper[]> {
  const to = utcDay(now);
  const days = await db.feedDays.where('date').between(addDays(to, -6), to, true, true).toArray();
  const ids = [...new Set(days.flatMap((day) => day.paperIds))];
  return (await db.papers.bulkGet(ids)).filter((paper): paper is Paper => !!paper);
}

/** The stored papers among `ids`, in that order (a pruned one is left out). */
export async function papersByIds(db: PaperPulseDB, ids: readonly string[]): Promise<Paper[]> {
  return (await db.papers.bulkGet([...ids])).filter((paper): paper is Paper => !!paper);
}
