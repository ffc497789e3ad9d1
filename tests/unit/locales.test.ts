// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { MENU_TITLE } from '@/lib/worker/context-menu';

/** The strings browsers and stores show (name, description, shortcut, toolbar title) come from _locales. */
const MESSAGES = JSON.parse(
  readFileSync(join(__dirname, '../../public/_locales/en/messages.json'), 'utf8'),
) as Record<string, { message: string; description?: string }>;

function placeholders(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]!);
  if (Array.isArray(value)) return value.flatMap(placeholders);
  if (value && typeof value === 'object') return Object.values(value).flatMap(placeholders);
  return [];
}

describe('_locales/en', () => {
  const manifestOf = (browser: string) =>
    (config.manifest as (env: { browser: string }) => Record<string, unknown>)({ browser });

  it.each(['chrome', 'firefox'])(
    'has every message the %s manifest names, and says what each is for',
    (browser) => {
      const manifest = manifestOf(browser);
      expect(manifest.default_locale).toBe('en');
      const names = placeholders(manifest);
      expect(names).toEqual(expect.arrayContaining(['extName', 'extDescription', 'commandToggleBookmark']));
      for (const name of names) {
        expect(MESSAGES[name]?.message, name).toMatch(/\S/);
        expect(MESSAGES[name]?.description, name).toMatch(/\S/);
      }
    },
  );

  it('keeps the store description within the 132 characters Chrome allows', () => {
    expect(MESSAGES.extDescription!.message.length).toBeLessThanOrEqual(132);
  });

  it('gives the context menu the English title the code falls back on', () => {
    expect(MESSAGES.menuBookmark!.message).toBe(MENU_TITLE);
  });
});
