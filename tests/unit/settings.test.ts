import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  DEFAULT_SETTINGS,
  getSettings,
  loadSettings,
  readSettings,
  SETTINGS_KEY,
  siteEnabled,
  updateSettings,
} from '@/lib/storage/settings';

describe('loadSettings', () => {
  it('gives the defaults, quietly, when nothing was ever stored', () => {
    expect(loadSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, reset: [] });
  });

  it.each([
    ['null', null],
    ['a string', 'hourly'],
    ['a number', 42],
    ['a list', []],
  ])('falls back to the defaults for %s, and says every setting was reset', (_name, raw) => {
    const { settings, reset } = loadSettings(raw);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(reset).toContain('badgeMode');
    expect(reset).toContain('watchedTopics');
  });

  // Settings exactly as PaperPulse 0.1 (settings version 1) wrote them.
  it.each([
    [
      { version: 1, refreshIntervalMinutes: 15, retentionDays: 7 },
      { refreshIntervalMinutes: 30, retentionDays: 14 },
    ],
    [
      { version: 1, refreshIntervalMinutes: 120, retentionDays: 30 },
      { refreshIntervalMinutes: 120, retentionDays: 30 },
    ],
    [{ version: 1 }, { refreshIntervalMinutes: 60, retentionDays: 90 }],
    [{ refreshIntervalMinutes: 45 }, { refreshIntervalMinutes: 45, retentionDays: 90 }],
  ])('migrates version 1 %j', (raw, expected) => {
    const { settings, reset, migratedFrom } = loadSettings(raw);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, ...expected });
    expect(reset).toEqual([]);
    expect(migratedFrom).toBe(1);
  });

  it.each([
    ['an unknown badge mode', { badgeMode: 'sometimes' }, 'badgeMode'],
    ['an interval of a minute', { refreshIntervalMinutes: 1 }, 'refreshIntervalMinutes'],
    ['a fractional retention', { retentionDays: 30.5 }, 'retentionDays'],
    ['topics that are the same once normalised', { watchedTopics: ['LLM', 'llms'] }, 'watchedTopics'],
    ['a topic list that is not a list', { watchedTopics: 'diffusion' }, 'watchedTopics'],
    ['a site switch that is not a boolean', { sites: { arxiv: 'yes' } }, 'sites'],
  ])('resets %s to its default, keeps the rest, and reports it', (_name, field, name) => {
    const { settings, reset } = loadSettings({
      version: 2,
      badgeMode: 'watched',
      retentionDays: 30,
      ...field,
    });
    expect(reset).toEqual([name]);
    expect(settings[name as keyof typeof settings]).toEqual(
      DEFAULT_SETTINGS[name as keyof typeof DEFAULT_SETTINGS],
    );
    if (name !== 'badgeMode') expect(settings.badgeMode).toBe('watched');
    if (name !== 'retentionDays') expect(settings.retentionDays).toBe(30);
  });

  it('keeps what it knows of settings a newer version wrote', () => {
    const { settings } = loadSettings({ version: 9, badgeMode: 'none', futureOption: true });
    expect(settings.badgeMode).toBe('none');
    expect(settings).not.toHaveProperty('futureOption');
  });
});

describe('reading and changing the stored settings', () => {
  it('reads and migrates what storage.local holds', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: 1, refreshIntervalMinutes: 15 } });
    expect(await readSettings()).toMatchObject({ settings: { refreshIntervalMinutes: 30 }, migratedFrom: 1 });
  });

  it('changes some settings, keeps the others, and stores the whole at the current version', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: 1, retentionDays: 30 } });
    await updateSettings({ watchedTopics: ['diffusion models'], badgeMode: 'watched' });
    expect(await getSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      retentionDays: 30,
      watchedTopics: ['diffusion models'],
      badgeMode: 'watched',
    });
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toMatchObject({ version: 2 });
  });

  it('refuses an invalid value and writes nothing', async () => {
    await updateSettings({ badgeMode: 'none' });
    await expect(updateSettings({ refreshIntervalMinutes: 5 })).rejects.toThrow();
    expect(await getSettings()).toMatchObject({ badgeMode: 'none', refreshIntervalMinutes: 60 });
  });

  it('has every site on unless it was turned off', () => {
    expect(siteEnabled({ sites: {} }, 'arxiv')).toBe(true);
    expect(siteEnabled({ sites: { arxiv: false } }, 'arxiv')).toBe(false);
    expect(siteEnabled({ sites: { arxiv: false } }, 'openreview')).toBe(true);
  });
});
