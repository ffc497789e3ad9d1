import { z } from '../zod';
import browser from 'webextension-polyfill';

/**
 * User settings, kept in storage.local (small, readable from every context, the worker included). Versioned:
 * `migrateSettings` lifts anything an older version wrote to the current shape.
 */
export const SettingsSchema = z.object({
  version: z.literal(1),
  refreshIntervalMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60)
    .catch(60),
  retentionDays: z.number().int().min(7).max(365).catch(90),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { version: 1, refreshIntervalMinutes: 60, retentionDays: 90 };
const STORAGE_KEY = 'settings';

export function migrateSettings(raw: unknown): Settings {
  const parsed = SettingsSchema.safeParse({
    ...DEFAULT_SETTINGS,
    ...(raw && typeof raw === 'object' ? raw : {}),
  });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function getSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(STORAGE_KEY);
  return migrateSettings(stored[STORAGE_KEY]);
}
