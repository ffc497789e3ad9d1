import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, getSettings, migrateSettings } from '@/lib/storage/settings';

describe('migrateSettings', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'hourly'],
    ['a number', 42],
    ['an empty object', {}],
  ])('turns %s into the defaults', (_name, raw) => {
    expect(migrateSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    [{ refreshIntervalMinutes: 30 }, { version: 1, refreshIntervalMinutes: 30, retentionDays: 90 }],
    [{ retentionDays: 30 }, { version: 1, refreshIntervalMinutes: 60, retentionDays: 30 }],
    [
      { version: 1, refreshIntervalMinutes: 15, retentionDays: 365 },
      { version: 1, refreshIntervalMinutes: 15, retentionDays: 365 },
    ],
  ])('fills a partial %j', (raw, expected) => {
    expect(migrateSettings(raw)).toEqual(expected);
  });

  it.each([
    ['an interval below 15 minutes', { refreshIntervalMinutes: 1 }],
    ['an interval above a day', { refreshIntervalMinutes: 24 * 60 + 1 }],
    ['a fractional interval', { refreshIntervalMinutes: 30.5 }],
    ['an interval as a string', { refreshIntervalMinutes: '30' }],
    ['a retention below 7 days', { retentionDays: 6 }],
    ['a retention above a year', { retentionDays: 366 }],
    ['a retention that is NaN', { retentionDays: Number.NaN }],
  ])('replaces %s with the default', (_name, raw) => {
    expect(migrateSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the valid fields next to an invalid one', () => {
    expect(migrateSettings({ refreshIntervalMinutes: 5, retentionDays: 30 })).toEqual({
      version: 1,
      refreshIntervalMinutes: 60,
      retentionDays: 30,
    });
  });

  it('falls back to the defaults for an unknown version', () => {
    expect(migrateSettings({ version: 99, refreshIntervalMinutes: 30 })).toEqual(DEFAULT_SETTINGS);
  });

  it('drops unknown keys', () => {
    expect(migrateSettings({ retentionDays: 30, theme: 'dark' })).not.toHaveProperty('theme');
  });
});

describe('getSettings', () => {
  it('reads and migrates what storage.local holds', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.local.set({ settings: { refreshIntervalMinutes: 120, retentionDays: 2 } });
    expect(await getSettings()).toEqual({ version: 1, refreshIntervalMinutes: 120, retentionDays: 90 });
  });
});
