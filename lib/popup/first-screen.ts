import { DB_NAME } from '../storage/db-name';
import {
  FIRST_SCREEN_KEY,
  FIRST_SCREEN_ROWS,
  FIRST_SCREEN_VERSION,
  type FirstScreenRecord,
  type FirstScreenWatched,
} from '../storage/first-screen-record';
import type { Paper, StateRow, StateValues } from '../storage/records';
import { stateFromRows } from '../storage/state';
import type { TrendingView } from './trending-query';

/** What the popup's first screen shows: the latest day's top rows, and what decorates them. */
export interface FirstScreen {
  view: TrendingView;
  state: StateValues;
  /** Bookmark state of the rows shown. */
  bookmarkedKeys: Set<string>;
  bookmarkCount: number;
  /** Watched topics and the rows on them (absent when read from the database: no settings there). */
  watched?: FirstScreenWatched;
  /** The record's fingerprint of what it draws; absent when read from the database. */
  stamp?: string;
}

type FeedDayRow = { date: string; paperIds: string[] };

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Opens the database as it is, without creating it: on a first run there is nothing to show. */
function openExisting(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const open = indexedDB.open(DB_NAME);
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => resolve(null);
  });
}

type StorageArea = { get(key: string): Promise<Record<string, unknown>> };

/** The record the worker keeps in storage.local, when it is one this version wrote. */
async function readRecord(): Promise<FirstScreen | null> {
  // No polyfill here: it is not loaded before the first paint, and both browsers' own API promise.
  const scope = globalThis as {
    browser?: { storage?: { local: StorageArea } };
    chrome?: { storage?: { local: StorageArea } };
  };
  const local = scope.browser?.storage?.local ?? scope.chrome?.storage?.local;
  const record =
    local && ((await local.get(FIRST_SCREEN_KEY))[FIRST_SCREEN_KEY] as FirstScreenRecord | undefined);
  if (
    record?.version !== FIRST_SCREEN_VERSION ||
    !Array.isArray(record.papers) ||
    !Array.isArray(record.days)
  ) {
    return null;
  }
  return {
    view: { days: record.days, day: record.day, from: record.day, papers: record.papers },
    state: stateFromRows(Object.entries(record.state ?? {}).map(([key, value]) => ({ key, value }))),
    bookmarkedKeys: new Set(record.bookmarkedKeys),
    bookmarkCount: record.bookmarkCount,
    watched:
      record.watched && Array.isArray(record.watched.topics) && typeof record.watched.rows === 'object'
        ? record.watched
        : undefined,
    stamp: typeof record.stamp === 'string' ? record.stamp : undefined,
  };
}

/**
 * The popup's first screen: the worker's small record (one storage read), or, when there is none
 * yet (a first run, an upgrade), the same rows read straight from IndexedDB.
 */
export async function readFirstScreen(): Promise<FirstScreen | null> {
  return (await readRecord().catch(() => null)) ?? readFromDatabase();
}

/**
 * The first screen straight from IndexedDB, without Dexie: one read transaction for the newest day
 * with papers, its top rows (stored in rank order), their bookmark state and the feed status. The
 * popup paints this while the full app (Dexie and the rest) loads, then the app takes over with the
 * same data, so the first row does not wait for the whole bundle. Null when there is nothing yet.
 */
export async function readFromDatabase(): Promise<FirstScreen | null> {
  const db = await openExisting();
  if (!db) return null;
  try {
    const stores = ['feedDays', 'papers', 'bookmarks', 'state'];
    if (!stores.every((name) => db.objectStoreNames.contains(name))) return null;
    const tx = db.transaction(stores, 'readonly');
    // One request for every stored day (90 small rows) beats a cursor's round trip per row.
    const allDays = await request(tx.objectStore('feedDays').getAll() as IDBRequest<FeedDayRow[]>);
    const withPapers = allDays
      .filter((day) => day.paperIds.length > 0)
      .sort((a, b) => (a.date < b.date ? 1 : -1));
    const dates = withPapers.map((day) => day.date);
    const latest = withPapers[0];
    if (!latest) return null;
    const ids = latest.paperIds.slice(0, FIRST_SCREEN_ROWS);
    const [papers, bookmarks, stateRows, bookmarkCount] = await Promise.all([
      Promise.all(
        ids.map((id) => request(tx.objectStore('papers').get(id) as IDBRequest<Paper | undefined>)),
      ),
      Promise.all(ids.map((id) => request(tx.objectStore('bookmarks').getKey(`arxiv:${id}`)))),
      request(tx.objectStore('state').getAll() as IDBRequest<StateRow[]>),
      request(tx.objectStore('bookmarks').count()),
    ]);
    const state = stateFromRows(stateRows);
    const shown = papers.filter((paper): paper is Paper => !!paper).sort((a, b) => b.upvotes - a.upvotes);
    return {
      view: { days: dates, day: latest.date, from: latest.date, papers: shown },
      state,
      bookmarkedKeys: new Set(bookmarks.filter((key): key is IDBValidKey => key !== undefined).map(String)),
      bookmarkCount,
    };
  } catch {
    return null;
  } finally {
    db.close();
  }
}
