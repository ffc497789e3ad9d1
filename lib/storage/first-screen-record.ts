import { arxivKey } from '../paper/key';
import type { PaperPulseDB } from './db';
import type { Paper, StateValues } from './records';
import { getAllState } from './state';
import { compileTopics } from '../topics/matcher';

/**
 * What the popup shows before anything else loads: the latest day's top rows (as many as fit the
 * popup), their bookmark state and the status line. The worker writes it to `storage.local` after
 * each refresh, bookmark change and popup opening (lib/worker/first-screen.ts), so the popup's
 * first paint reads one small record instead of the feed (lib/popup/first-screen.ts).
 */
export const FIRST_SCREEN_KEY = 'firstScreen';
export const FIRST_SCREEN_VERSION = 1;
/** What a 600 px popup shows below its header and toolbar; the app adds the rest a moment later. */
export const FIRST_SCREEN_ROWS = 8;

export interface FirstScreenRecord {
  version: typeof FIRST_SCREEN_VERSION;
  /** Stored days that have papers, newest first. */
  days: string[];
  day: string;
  /** The day's first rows by upvotes, without their abstracts (not shown until a row is opened). */
  papers: Paper[];
  bookmarkedKeys: string[];
  bookmarkCount: number;
  state: StateValues;
  /** The watched topics and, by paper id, those each row is on: its mark and the filter button. */
  watched?: FirstScreenWatched;
  writtenAt: number;
  /**
   * Changes exactly when what the first screen draws changes (its rows, their "new" dots and
   * stars, the count, the status line): a popup that drew this stamp before may show that drawing
   * again (lib/popup/first-screen-snapshot.ts). Opening the popup with nothing new keeps it.
   */
  stamp: string;
}

export interface FirstScreenWatched {
  topics: string[];
  rows: Record<string, string[]>;
}

/** FNV-1a over the text: a short, stable fingerprint (not a security measure). */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${(hash >>> 0).toString(36)}-${text.length.toString(36)}`;
}

/** The record as the database has it now; null before any day with papers is stored. */
export async function computeFirstScreen(
  db: PaperPulseDB,
  now: number,
  watchedTopics: readonly string[] = [],
): Promise<FirstScreenRecord | null> {
  return db.transaction('r', db.feedDays, db.papers, db.bookmarks, db.state, async () => {
    const days = (await db.feedDays.orderBy('date').reverse().toArray()).filter(
      (day) => day.paperIds.length > 0,
    );
    const latest = days[0];
    if (!latest) return null;
    const rows = (await db.papers.bulkGet(latest.paperIds))
      .filter((paper): paper is Paper => !!paper)
      .sort((a, b) => b.upvotes - a.upvotes || a.id.localeCompare(b.id))
      .slice(0, FIRST_SCREEN_ROWS);
    const keys = rows.map((paper) => arxivKey(paper.id));
    const [bookmarks, bookmarkCount, state] = await Promise.all([
      db.bookmarks.bulkGet(keys),
      db.bookmarks.count(),
      getAllState(db),
    ]);
    const papers = rows.map((paper) => ({ ...paper, summary: '', aiSummary: undefined }));
    const bookmarkedKeys = keys.filter((_, i) => bookmarks[i]);
    const matcher = compileTopics(watchedTopics);
    const watched: FirstScreenWatched = {
      topics: [...matcher.topics],
      rows: Object.fromEntries(
        rows.map((paper) => [paper.id, matcher.match(paper)] as const).filter(([, on]) => on.length > 0),
      ),
    };
    const drawn = {
      watched,
      days: days.map((day) => day.date),
      rows: papers.map((paper) => ({ ...paper, updatedAt: 0, isNew: paper.firstSeenAt > state.lastSeenAt })),
      bookmarkedKeys,
      bookmarkCount,
      status: [state.lastRefreshOkAt, state.lastError],
    };
    return {
      version: FIRST_SCREEN_VERSION,
      days: drawn.days,
      day: latest.date,
      papers,
      bookmarkedKeys,
      bookmarkCount,
      state,
      watched,
      writtenAt: now,
      stamp: fingerprint(JSON.stringify(drawn)),
    };
  });
}
