import type { PaperPulseDB } from '../storage/db';
import { addDays } from '../dates';
import type { Paper } from '../storage/records';
import { mergeByUpvotes } from './trending';

export type TrendingMode = 'day' | 'week';

export interface TrendingView {
  /** Stored days that have papers, newest first. */
  days: string[];
  /** The day shown (or the last day of the week shown); undefined when nothing is stored. */
  day?: string;
  from?: string;
  papers: Paper[];
}

/**
 * The Trending list: one stored day ranked by upvotes, or the seven days ending on it merged by
 * upvotes. `back` counts non-empty days back from the newest (0 = latest).
 */
export async function trendingView(
  db: PaperPulseDB,
  mode: TrendingMode,
  back: number,
): Promise<TrendingView> {
  const stored = await db.feedDays.orderBy('date').reverse().toArray();
  const withPapers = stored.filter((day) => day.paperIds.length > 0);
  const selected = withPapers[Math.min(back, withPapers.length - 1)];
  if (!selected) return { days: [], papers: [] };
  const from = mode === 'week' ? addDays(selected.date, -6) : selected.date;
  const inRange = withPapers.filter((day) => day.date >= from && day.date <= selected.date);
  const rows = await db.papers.bulkGet([...new Set(inRange.flatMap((day) => day.paperIds))]);
  const byId = new Map(rows.filter((paper): paper is Paper => !!paper).map((paper) => [paper.id, paper]));
  const perDay = inRange.map((day) => day.paperIds.flatMap((id) => byId.get(id) ?? []));
  return {
    days: withPapers.map((day) => day.date),
    day: selected.date,
    from,
    papers: mergeByUpvotes(perDay),
  };
}
