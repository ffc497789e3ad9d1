import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { FakeHuggingFace } from './hf-server';
import { badgeText, launchWithExtension, type LaunchOptions } from './extension';

export { expect } from '@playwright/test';

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;

export interface PaperPulseFixtures {
  hf: FakeHuggingFace;
  launch: (options?: Partial<LaunchOptions>) => Promise<Launched>;
}

export const test = base.extend<PaperPulseFixtures>({
  // eslint-disable-next-line no-empty-pattern
  hf: async ({}, use) => {
    const hf = await new FakeHuggingFace().start();
    await use(hf);
    await hf.stop();
  },
  launch: async ({ hf }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options = {}) => {
      const launched = await launchWithExtension({ hfPort: hf.port, ...options });
      contexts.push(launched.context);
      return launched;
    });
    for (const context of contexts) await context.close().catch(() => undefined);
  },
});

export function readJson<T = unknown[]>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Answers `url` (exactly, or every URL under a `/**` glob) with a fixture HTML page. */
export async function servePage(context: BrowserContext, url: string, fixture: string): Promise<void> {
  const html = readFileSync(`tests/fixtures/pages/${fixture}`, 'utf8');
  await context.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

/** Waits until the first refresh has stored the feed (the badge shows a number). */
export async function waitForFeed(context: BrowserContext): Promise<void> {
  await base.expect.poll(() => badgeText(context), { timeout: 30_000 }).toMatch(/^\d+\+?$/);
}

export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}

/** The bookmarks as stored, read straight from IndexedDB in an extension page (e.g. the popup). */
export async function storedBookmarks(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(async () => {
    const request = indexedDB.open('paperpulse');
    await new Promise((resolve) => (request.onsuccess = resolve));
    const read = request.result.transaction('bookmarks').objectStore('bookmarks').getAll();
    await new Promise((resolve) => (read.onsuccess = resolve));
    request.result.close();
    return read.result as Record<string, unknown>[];
  });
}

/** Serves `days` of Daily Papers, launches the extension and waits until its first refresh stored them. */
export async function launchWithFeed({ hf, launch }: PaperPulseFixtures, days: Record<number, unknown[]>) {
  hf.serveDays(days);
  const launched = await launch();
  await waitForFeed(launched.context);
  return launched;
}
