import browser from 'webextension-polyfill';
import { z } from '../zod';
import { WatchedTopicsSchema } from '../topics/topic-list';

/**
 * User settings, kept in storage.local (small, readable from every context, the worker included).
 * Each field has its own schema and default: a field an older version did not write gets its
 * default, and a field that does not parse (a damaged or hand-edited store) falls back to its
 * default and is reported, so the options page can say which setting was reset. Versioned:
 * `MIGRATIONS` lifts what an older version wrote to the current shape, one version at a time.
 */
export const SETTINGS_VERSION = 2;

export const BADGE_MODES = ['all', 'watched', 'none'] as const;
export type BadgeMode = (typeof BADGE_MODES)[number];

/** The refresh intervals the options page offers, in minutes (30 minutes to a day). */
export const REFRESH_INTERVALS = [30, 60, 120, 180, 360, 720, 1440] as const;
/** How long the feed is kept, in days (bookmarks are never pruned). */
export const RETENTION_CHOICES = [14, 30, 60, 90, 180, 365] as const;

/** One schema per setting: the schemas are the type. */
const FieldsSchema = z.object({
  watchedTopics: WatchedTopicsSchema,
  badgeMode: z.enum(BADGE_MODES),
  notifyWatched: z.boolean(),
  weeklyDigest: z.boolean(),
  refreshIntervalMinutes: z
    .number()
    .int()
    .min(30)
    .max(24 * 60),
  retentionDays: z.number().int().min(14).max(365),
  /** Site id → annotate its pages; a site not listed is on (sites added later start on). */
  sites: z.record(z.string().max(40), z.boolean()),
  /** The "any site with citation metadata" opt-in; it runs only while its permission is granted. */
  anySite: z.boolean(),
  /** New versions of saved arXiv preprints (needs export.arxiv.org). */
  versionAlerts: z.boolean(),
  /** Bookmarks through the browser's own sync. */
  syncBookmarks: z.boolean(),
});
type Fields = z.infer<typeof FieldsSchema>;
type FieldName = keyof Fields;
export type Settings = { version: typeof SETTINGS_VERSION } & Fields;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  watchedTopics: [],
  badgeMode: 'all',
  notifyWatched: false,
  weeklyDigest: false,
  refreshIntervalMinutes: 60,
  retentionDays: 90,
  sites: {},
  anySite: false,
  versionAlerts: false,
  syncBookmarks: true,
};
const FIELD_NAMES = Object.keys(FieldsSchema.shape) as FieldName[];

/** Each step lifts settings written by version `from` to `from + 1`. */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  // v1 allowed a refresh every 15 minutes and a week of feed; v2 asks at least 30 minutes and 14 days.
  1: (raw) => ({
    ...raw,
    refreshIntervalMinutes:
      typeof raw.refreshIntervalMinutes === 'number' ? Math.max(30, raw.refreshIntervalMinutes) : undefined,
    retentionDays: typeof raw.retentionDays === 'number' ? Math.max(14, raw.retentionDays) : undefined,
  }),
};

export interface LoadedSettings {
  settings: Settings;
  /** Fields that were stored but did not parse, now at their defaults (the options page says so). */
  reset: FieldName[];
  /** The version the stored settings were written by, when older than this one. */
  migratedFrom?: number;
}

export function loadSettings(raw: unknown): LoadedSettings {
  if (raw === undefined) return { settings: DEFAULT_SETTINGS, reset: [] };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings: DEFAULT_SETTINGS, reset: [...FIELD_NAMES] };
  }
  let values = raw as Record<string, unknown>;
  const stored = typeof values.version === 'number' && Number.isInteger(values.version) ? values.version : 1;
  for (let version = stored; version < SETTINGS_VERSION; version++)
    values = MIGRATIONS[version]?.(values) ?? values;
  const reset: FieldName[] = [];
  const settings = { version: SETTINGS_VERSION } as Record<string, unknown>;
  for (const name of FIELD_NAMES) {
    const value = values[name];
    if (value === undefined) {
      settings[name] = DEFAULT_SETTINGS[name];
      continue;
    }
    const parsed = FieldsSchema.shape[name].safeParse(value);
    if (parsed.success) settings[name] = parsed.data;
    else {
      settings[name] = DEFAULT_SETTINGS[name];
      reset.push(name);
    }
  }
  return {
    settings: settings as Settings,
    reset,
    ...(stored < SETTINGS_VERSION ? { migratedFrom: stored } : {}),
  };
}

/** Only the current settings (see `loadSettings` for what was reset). */
export function migrateSettings(raw: unknown): Settings {
  return loadSettings(raw).settings;
}

export const SETTINGS_KEY = 'settings';

export async function readSettings(): Promise<LoadedSettings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return loadSettings(stored[SETTINGS_KEY]);
}

export async function getSettings(): Promise<Settings> {
  return (await readSettings()).settings;
}

/**
 * Changes some settings: the rest stay as they are, every value is checked (an invalid one throws
 * before anything is written), and the result is stored whole at the current version.
 */
export async function updateSettings(changes: Partial<Omit<Settings, 'version'>>): Promise<Settings> {
  const current = await getSettings();
  const parsed = FieldsSchema.safeParse({ ...current, ...changes });
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  const next: Settings = { ...parsed.data, version: SETTINGS_VERSION };
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Is PaperPulse to annotate this site's pages? */
export function siteEnabled(settings: Pick<Settings, 'sites'>, siteId: string): boolean {
  return settings.sites[siteId] !== false;
}
