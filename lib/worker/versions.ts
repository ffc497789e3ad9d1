import { parseArxivId } from '../paper/arxiv-id';
import type { BookmarkWriter } from '../storage/bookmarks';
import type { PaperPulseDB } from '../storage/db';
import type { Bookmark } from '../storage/records';
import type { Settings } from '../storage/settings';
import { t } from '../i18n';
import { getState, setState } from '../storage/state';
import {
  VERSION_CHECK_ALARM,
  checkVersions,
  dismissAlert,
  isCheckDue,
  outcomeOf,
  updatesFromRun,
  versionFieldsOf,
  type VersionCheckRun,
} from '../versions';
import type { Alarms } from './scheduler';

/**
 * New versions of saved preprints, the worker's part (lib/versions/index.ts says what each step
 * is for). Decided from what is stored, never from memory: the alarm only wakes the worker, and
 * every wake, alarm and settings or permission change runs the same `check`, so a lost alarm or
 * a stopped worker changes nothing.
 */

const PERIOD_MINUTES = 60;

export interface VersionCheckDeps {
  db: PaperPulseDB;
  bookmarks: BookmarkWriter;
  alarms: Alarms;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  settings: () => Promise<Settings>;
  /** Is export.arxiv.org granted (an optional permission the user can take back at any time)? */
  permitted: () => Promise<boolean>;
}

/** The bookmarks worth asking arXiv about: a canonical arXiv id (imports can bring anything). */
function arxivBookmarks(rows: readonly Bookmark[]): (Bookmark & { arxivId: string })[] {
  return rows.filter(
    (row): row is Bookmark & { arxivId: string } =>
      row.arxivId !== undefined && parseArxivId(row.arxivId)?.id === row.arxivId,
  );
}

export function createVersionCheck(deps: VersionCheckDeps) {
  const { db, alarms } = deps;
  let running: Promise<VersionCheckRun | undefined> | undefined;

  /** Claims today's run in one transaction: two wakes at once cannot both start one. */
  function claimRun(now: number): Promise<boolean> {
    return db.transaction('rw', db.state, async () => {
      const [lastAt, ok, retryAfterMs] = await Promise.all([
        getState(db, 'lastVersionCheckAt'),
        getState(db, 'lastVersionCheckOk'),
        getState(db, 'lastVersionCheckRetryAfterMs'),
      ]);
      if (!isCheckDue(lastAt, { ok, retryAfterMs }, now)) return false;
      // Before any request: a run cut off by the worker stopping still counts as the day's attempt.
      await setState(db, { lastVersionCheckAt: now, lastVersionCheckOk: false });
      return true;
    });
  }

  async function run(): Promise<VersionCheckRun | undefined> {
    if (!(await claimRun(deps.now()))) return undefined;
    const papers = arxivBookmarks(await db.bookmarks.toArray());
    const result = await checkVersions({ papers, fetch: deps.fetch, sleep: deps.sleep, now: deps.now });
    // Recomputed on the rows as they are now: a dismissal made during the run stays.
    await deps.bookmarks.updateVersionFields(
      papers.map((paper) => paper.key),
      (rows) =>
        arxivBookmarks(rows).flatMap((row) =>
          updatesFromRun([row], result).map((update) => ({ key: row.key, fields: update.fields })),
        ),
    );
    const outcome = outcomeOf(result);
    await setState(db, {
      lastVersionCheckOk: outcome.ok,
      lastVersionCheckRetryAfterMs: outcome.retryAfterMs ?? 0,
    });
    return result;
  }

  async function ensureAlarm(): Promise<void> {
    const existing = await alarms.get(VERSION_CHECK_ALARM);
    if (existing?.periodInMinutes === PERIOD_MINUTES) return;
    await alarms.create(VERSION_CHECK_ALARM, { delayInMinutes: 1, periodInMinutes: PERIOD_MINUTES });
  }

  return {
    isVersionAlarm: (name: string) => name === VERSION_CHECK_ALARM,

    /**
     * On every worker start, on the alarm, and when the settings or permissions change: keeps the
     * alarm while the feature is on and permitted (clears it otherwise), and runs the check when
     * a day has passed since the last one started (a failed one too: it is retried the next day).
     * One run at a time; a call during a run waits for it. Resolves to the run, if one was made.
     */
    async check(): Promise<VersionCheckRun | undefined> {
      const enabled = (await deps.settings()).versionAlerts && (await deps.permitted());
      if (!enabled) {
        await alarms.clear(VERSION_CHECK_ALARM);
        return undefined;
      }
      await ensureAlarm();
      running ??= run().finally(() => (running = undefined));
      return running;
    },
  };
}

export type VersionCheck = ReturnType<typeof createVersionCheck>;

/**
 * "Dismiss" on a "v3 available" alert (or its link opened): nothing up to that version shows
 * again. Throws when `key` is not a bookmark.
 */
export async function dismissVersionAlert(bookmarks: BookmarkWriter, key: string): Promise<void> {
  const written = await bookmarks.updateVersionFields([key], (rows) =>
    rows.map((row) => ({ key: row.key, fields: dismissAlert(versionFieldsOf(row)) })),
  );
  if (written.length === 0) throw new Error(t('errorNotBookmarked'));
}
