import type { PaperPulseDB } from '../db';
import type { FeedDay, Paper } from '../records';
import { getAllState } from '../state';
import type { StateValues } from '../records';

export interface DayView {
  day: FeedDay;
  papers: Paper[];
}

/** Papers of one stored day, ranked by upvotes (ties keep the feed's order). */
export async function dayView(db: PaperPulseDB, day: FeedDay): Promise<DayView> {
  const papers = (await db.papers.bulkGet(day.paperIds)).filter((paper): paper is Paper => !!paper);
  papers.sort((a, b) => b.upvotes - a.upvotes);
  return { day, papers };
}

/** Stored day dates, newest first, and whether each has papers. */
export async function storedDays(db: PaperPulseDB): Promise<{ date: string; count: number }[]> {
  const days: { date: string; count: number }[] = [];
  await db.feedDays
    .orderBy('date')
    .reverse()
    .each((day) => {
      days.push({ date: day.date, count: day.paperIds.length });
    });
  return days;
}

export interface FeedStatus {
  state: StateValues;
  hasAnyDay: boolean;
}

export async function feedStatus(db: PaperPulseDB): Promise<FeedStatus> {
  const [state, count] = await Promise.all([getAllState(db), db.feedDays.count()]);
  return { state, hasAnyDay: count > 0 };
}
