import { PaperRefSchema, type PaperRef } from '../paper/ref';

/**
 * Which papers each open tab shows, as its content script reported them (`paper.status` for a
 * paper page, `paper.statusMany` for the entries of a listing). Three uses: bookmark changes are
 * announced only to the tabs that show that paper, a page may only change the bookmarks of
 * papers it showed, and the context menu and the shortcut bookmark a paper with what its page
 * said of it (title, authors), not only what its URL says. Kept in `storage.session` (one item per tab), so a stopped worker forgets
 * nothing while the browser runs, and nothing outlives the session.
 */

/** The part of `browser.storage.session` this needs; tests pass WXT's fake browser. */
export interface SessionArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

interface TabRecord {
  url: string;
  keys: string[];
  /** What a paper page's content script said of its paper (checked against its URL's key first). */
  ref?: PaperRef;
}

const PREFIX = 'tab-papers:';
/** A listing shows up to 2,000 papers; more is not a page PaperPulse annotates. */
const MAX_KEYS_PER_TAB = 5000;

function isTabRecord(value: unknown): value is TabRecord {
  const record = value as Partial<TabRecord> | null;
  return typeof record?.url === 'string' && Array.isArray(record.keys);
}

export interface TabPapers {
  /**
   * The tab shows `keys` at `url`: added to what it showed at the same URL, replacing another URL's.
   * A paper page passes the reference it reported too (the last one reported at that URL is kept).
   */
  record(tabId: number, url: string, keys: readonly string[], ref?: PaperRef): Promise<void>;
  /** Did the tab, at this URL, report showing this paper? */
  shows(tabId: number, url: string, key: string): Promise<boolean>;
  /** For each paper, the tabs that reported showing it (papers no tab shows are absent). */
  tabsShowing(keys: readonly string[]): Promise<Map<string, number[]>>;
  /** What a page reported of this paper: this tab's report first, else any tab's; undefined if none. */
  reportedRef(key: string, preferTabId?: number): Promise<PaperRef | undefined>;
  forget(tabId: number): Promise<void>;
}

export function createTabPapers(area: SessionArea): TabPapers {
  // Read-modify-write per tab, one at a time: a listing reports its entries in parallel chunks.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  const read = async (tabId: number): Promise<TabRecord | undefined> => {
    const value = (await area.get(PREFIX + tabId))[PREFIX + tabId];
    return isTabRecord(value) ? value : undefined;
  };
  return {
    record: (tabId, url, keys, ref) =>
      serially(async () => {
        const before = await read(tabId);
        const sameUrl = before?.url === url;
        const merged = [...new Set([...(sameUrl ? before.keys : []), ...keys])].slice(0, MAX_KEYS_PER_TAB);
        const kept = ref ?? (sameUrl ? before.ref : undefined);
        await area.set({
          [PREFIX + tabId]: { url, keys: merged, ...(kept ? { ref: kept } : {}) } satisfies TabRecord,
        });
      }),
    shows: async (tabId, url, key) => {
      const record = await read(tabId);
      return record?.url === url && record.keys.includes(key);
    },
    tabsShowing: async (keys) => {
      const wanted = new Set(keys);
      const tabs = new Map<string, number[]>();
      for (const [name, value] of Object.entries(await area.get(null))) {
        if (!name.startsWith(PREFIX) || !isTabRecord(value)) continue;
        const tabId = Number(name.slice(PREFIX.length));
        for (const key of value.keys) {
          if (wanted.has(key)) tabs.set(key, [...(tabs.get(key) ?? []), tabId]);
        }
      }
      return tabs;
    },
    reportedRef: async (key, preferTabId) => {
      const records = Object.entries(await area.get(null)).flatMap(([name, value]) =>
        name.startsWith(PREFIX) && isTabRecord(value)
          ? [{ tabId: Number(name.slice(PREFIX.length)), value }]
          : [],
      );
      records.sort((a, b) => Number(b.tabId === preferTabId) - Number(a.tabId === preferTabId));
      for (const { value } of records) {
        // Session storage outlives the code that wrote it (an update): parsed, not trusted.
        const ref = PaperRefSchema.safeParse(value.ref);
        if (ref.success && ref.data.key === key) return ref.data;
      }
      return undefined;
    },
    forget: (tabId) => serially(() => area.remove(PREFIX + tabId)),
  };
}
