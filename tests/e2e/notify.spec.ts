import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { currentWorker } from './support/extension';
import { launchWithGranted } from './support/granted';
import { expect, readJson, test, waitForFeed } from './support/test';

/**
 * Watched-topic notifications and the weekly digest in Chromium with the built extension.
 *
 * The `notifications` permission is optional, and Chromium asks the user before granting it: a
 * headless prompt cannot be answered, so `launchWithGranted` (tests/e2e/support/granted.ts) starts
 * the profile with it granted, exactly as after the user ticked the box and accepted.
 */

type Item = { title?: string; paper: { id: string; title: string; upvotes: number; summary?: string } };
const realDay = readJson<Item[]>('tests/fixtures/feed/hf-daily-2024-10-25.json');

/** The real day with fresh ids (2612.0xxxx), so nothing here was ever stored before. */
function day(prefix: string, count: number): Item[] {
  return realDay.slice(0, count).map((item, i) => ({
    ...item,
    paper: { ...item.paper, id: `${prefix}${String(i).padStart(2, '0')}` },
  }));
}
const today = day('2612.010', 12);
const yesterday = day('2612.020', 8);
/** A paper the tests have not seen, on the topic they watch (no fixture paper mentions it). */
const quokkaPaper: Item = {
  ...realDay[0]!,
  title: 'Quokka: Few-Shot Marsupial Detection in the Wild',
  paper: {
    ...realDay[0]!.paper,
    id: '2612.03001',
    title: 'Quokka: Few-Shot Marsupial Detection in the Wild',
    summary: 'We detect quokkas.',
    upvotes: 3,
  },
};
/** A paper no one watches, new after the worker restart: its arrival says the notifier ran. */
const laterPaper: Item = {
  ...realDay[1]!,
  title: 'Sparse Tables Revisited',
  paper: { ...realDay[1]!.paper, id: '2612.03002', title: 'Sparse Tables Revisited', upvotes: 2 },
};

/**
 * The options a user sets for this. The feed is kept 14 days: each run goes on backfilling the
 * retention window (10 requests a run), and the four refreshes here in a few minutes would reach
 * the request cap (30 in 5 minutes) with the default 90.
 */
const WATCH_QUOKKA = { version: 2, notifyWatched: true, watchedTopics: ['quokka'], retentionDays: 14 };

async function notifications(context: BrowserContext): Promise<string[]> {
  const worker = await currentWorker(context);
  return worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
}

/**
 * A refresh now, as the hourly alarm would run it once the hour is up: the last refresh is made
 * two hours old and the scheduler's retry alarm fires; waits until a run has started. A settings
 * change reschedules at once and clears a retry alarm the gate did not set, so the alarm is set
 * again until a run starts.
 */
async function refreshNow(page: Page) {
  const before = Number(await storedState(page, 'lastRefreshStartedAt'));
  // From the page, not the worker: the worker may be stopped, and a page reaches the same database.
  await page.evaluate(
    async (then) => {
      const open = indexedDB.open('paperpulse');
      await new Promise((resolve) => (open.onsuccess = resolve));
      const transaction = open.result.transaction('state', 'readwrite');
      for (const key of ['lastRefreshStartedAt', 'lastRefreshFinishedAt', 'lastRefreshOkAt'])
        transaction.objectStore('state').put({ key, value: then });
      transaction.objectStore('state').put({ key: 'followUpAt', value: 0 });
      await new Promise((resolve) => (transaction.oncomplete = resolve));
      open.result.close();
    },
    Date.now() - 2 * 3_600_000,
  );
  await expect
    .poll(
      async () => {
        await page.evaluate(() => chrome.alarms.create('refresh-retry', { when: Date.now() }));
        return Number(await storedState(page, 'lastRefreshStartedAt'));
      },
      { intervals: [250, 500, 1000] },
    )
    .toBeGreaterThan(before);
}

/** A value from the state table, read straight from IndexedDB in an extension page. */
async function storedState(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (key) => {
    const open = indexedDB.open('paperpulse');
    await new Promise((resolve) => (open.onsuccess = resolve));
    const read = open.result.transaction('state').objectStore('state').get(key);
    await new Promise((resolve) => (read.onsuccess = resolve));
    open.result.close();
    return (read.result as { value: unknown } | undefined)?.value;
  }, key);
}

async function storedPaper(page: Page, id: string): Promise<{ firstSeenAt: number } | undefined> {
  return page.evaluate(async (id) => {
    const open = indexedDB.open('paperpulse');
    await new Promise((resolve) => (open.onsuccess = resolve));
    const read = open.result.transaction('papers').objectStore('papers').get(id);
    await new Promise((resolve) => (read.onsuccess = resolve));
    open.result.close();
    return read.result as { firstSeenAt: number } | undefined;
  }, id);
}

test('a watched-topic paper raises one notification, and only one, across a worker restart', async ({
  hf,
  launch,
}) => {
  hf.serveDays({ 0: today, [-1]: yesterday });
  const { context, extensionId } = await launchWithGranted({ launch }, { permissions: ['notifications'] });
  const worker = await currentWorker(context);
  const granted = await worker.evaluate(async () => ({
    optional: chrome.runtime.getManifest().optional_permissions,
    required: chrome.runtime.getManifest().permissions,
    contains: await chrome.permissions.contains({ permissions: ['notifications'] }),
  }));
  expect(granted.optional).toContain('notifications');
  expect(granted.required).not.toContain('notifications');
  expect(granted.contains).toBe(true);
  await waitForFeed(context);
  expect(await notifications(context)).toEqual([]);

  // The options page's part, done by hand: the setting and one watched topic.
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/digest.html`);
  await page.evaluate((settings) => chrome.storage.local.set({ settings }), WATCH_QUOKKA);

  hf.serveDays({ 0: [...today, quokkaPaper], [-1]: yesterday });
  await refreshNow(page);
  await expect.poll(() => notifications(context)).toEqual(['paperpulse:paper:2612.03001']);
  const shown = await (
    await currentWorker(context)
  ).evaluate(async () => (await chrome.notifications.getAll()) as Record<string, boolean>);
  expect(shown).toEqual({ 'paperpulse:paper:2612.03001': true });

  // Stop the worker; the next refresh (same feed and one unwatched paper more) runs in a new one.
  await (await currentWorker(context)).evaluate(() => ((self as { marker?: number }).marker = 1));
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  hf.serveDays({ 0: [...today, quokkaPaper, laterPaper], [-1]: yesterday });
  await refreshNow(page);
  await expect.poll(() => storedPaper(page, '2612.03002')).toBeDefined();
  const laterSeenAt = (await storedPaper(page, '2612.03002'))!.firstSeenAt;
  // The notifier has looked at the later paper: the refresh and everything after it has run.
  await expect
    .poll(async () => Number(await storedState(page, 'watchedConsideredUpTo')))
    .toBeGreaterThanOrEqual(laterSeenAt);
  const restarted = await currentWorker(context);
  expect(await restarted.evaluate(() => (self as { marker?: number }).marker)).toBeUndefined();
  expect(await notifications(context)).toEqual(['paperpulse:paper:2612.03001']);

  // Showing it again would replace it under the same id, so dismiss it and refresh once more:
  // nothing may come back.
  await restarted.evaluate(() => chrome.notifications.clear('paperpulse:paper:2612.03001'));
  const finished = Number(await storedState(page, 'lastRefreshFinishedAt'));
  await refreshNow(page);
  await expect
    .poll(async () => Number(await storedState(page, 'lastRefreshFinishedAt')))
    .toBeGreaterThan(finished);
  await page.waitForTimeout(1000);
  expect(await notifications(context)).toEqual([]);
  expect(await storedState(page, 'watchedNotifiedIds')).toEqual(['2612.03001']);
});

test('without the permission nothing is shown, even with the setting on', async ({ hf, launch }) => {
  hf.serveDays({ 0: today, [-1]: yesterday });
  const { context, extensionId } = await launch();
  await waitForFeed(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/digest.html`);
  await page.evaluate((settings) => chrome.storage.local.set({ settings }), WATCH_QUOKKA);
  const considered = Number(await storedState(page, 'watchedConsideredUpTo'));
  hf.serveDays({ 0: [...today, quokkaPaper], [-1]: yesterday });
  await refreshNow(page);
  // The notifier looked at the paper (the watermark moved past it) and showed nothing.
  await expect
    .poll(async () => Number(await storedState(page, 'watchedConsideredUpTo')))
    .toBeGreaterThan(considered);
  const worker = await currentWorker(context);
  expect(
    await worker.evaluate(async () => ({
      granted: await chrome.permissions.contains({ permissions: ['notifications'] }),
      api: typeof chrome.notifications,
    })),
  ).toEqual({ granted: false, api: 'undefined' });
  expect(await storedState(page, 'watchedNotifiedIds')).toEqual([]);
});

test('the digest page lists the week’s top papers and each watched topic, light, dark and at 320 px', async ({
  hf,
  launch,
}, testInfo) => {
  hf.serveDays({ 0: [...today, quokkaPaper], [-1]: yesterday });
  const { context, extensionId } = await launch();
  await waitForFeed(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/digest.html`);
  await page.evaluate(() =>
    chrome.storage.local.set({
      settings: { version: 2, weeklyDigest: true, watchedTopics: ['quokka', 'video'] },
    }),
  );
  await page.reload();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your PaperPulse week');
  const top = page.getByRole('region', { name: 'Top papers this week' });
  const topItems = top.getByRole('listitem').filter({ has: page.locator('.digest-title') });
  await expect(topItems).toHaveCount(10);
  // The week's most upvoted paper first, with its numbers and an https link.
  const best = [...today, ...yesterday].sort((a, b) => b.paper.upvotes - a.paper.upvotes)[0]!;
  const bestTitle = (best.title ?? best.paper.title).replace(/\s+/g, ' ').trim();
  await expect(topItems.first().locator('.digest-title')).toHaveText(bestTitle);
  await expect(topItems.first()).toContainText(`${best.paper.upvotes} upvote`);
  await expect(topItems.first().locator('.digest-title')).toHaveAttribute(
    'href',
    `https://huggingface.co/papers/${best.paper.id}`,
  );
  const quokka = page.getByRole('region', { name: 'quokka' });
  await expect(quokka.getByRole('heading', { level: 3 })).toHaveText('quokka');
  await expect(quokka.locator('.digest-title')).toHaveText([quokkaPaper.paper.title]);
  await expect(page.getByRole('region', { name: 'video' }).locator('.digest-title').first()).toBeVisible();

  // Keyboard: the first Tab reaches the section links, before the lists.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Top papers' })).toBeFocused();

  // No accessibility violations (axe-core), in light and dark.
  const axe = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.evaluate(axe);
    const violations = await page.evaluate(async () => {
      const result = await (
        window as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } }
      ).axe.run();
      return result.violations.map((violation) => violation.id);
    });
    expect(violations, colorScheme).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`digest-${colorScheme}.png`), fullPage: true });
  }

  // Readable at 320 px: nothing wider than the window.
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.screenshot({ path: testInfo.outputPath('digest-320.png'), fullPage: true });

  // A batched notification's link shows just its papers.
  await page.goto(
    `chrome-extension://${extensionId}/digest.html?papers=${quokkaPaper.paper.id},${best.paper.id}`,
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New on your watched topics');
  await expect(page.locator('.digest-title')).toHaveText([quokkaPaper.paper.title, bestTitle]);
  await expect(page.locator('.digest-topics').first()).toHaveText('On quokka');
});
