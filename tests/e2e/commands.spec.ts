import type { BrowserContext, Page } from '@playwright/test';
import { PAPER_URL_CASES } from '../cases/paper-urls';
import { FLASH_MARKS } from '../../lib/worker/badge-flash';
import { TOGGLE_COMMAND, TOGGLE_SHORTCUT } from '../../lib/worker/commands';
import { pageUi, readCard, waitForCard } from './support/card';
import { badgeText, currentWorker } from './support/extension';
import { expect, launchWithFeed, readJson, servePage, test } from './support/test';

/**
 * The bookmark shortcut in Chromium with the built extension. Playwright's `keyboard.press` goes
 * to the page only, but a raw key event sent through the DevTools protocol passes the browser's
 * own shortcut handling first, as a real key press does: Chromium itself fires
 * `commands.onCommand`, with the tab (and the URL activeTab grants). The context menu cannot be
 * opened or clicked that way (the protocol has no access to the browser's menus): its clicks are
 * covered by tests/unit/commands-*.test.ts with the worker's real modules.
 */

type Item = { paper: { id: string; title: string; authors: { name: string }[] } };
const realDay = readJson<Item[]>('tests/fixtures/feed/hf-daily-2024-10-25.json');

/** The Alt+Shift+<letter> key press, as the keyboard sends it (rawKeyDown is what shortcuts see). */
async function pressShortcut(page: Page) {
  const letter = /^Alt\+Shift\+([A-Z])$/.exec(TOGGLE_SHORTCUT)?.[1];
  if (!letter) throw new Error(`pressShortcut knows Alt+Shift+<letter>, not ${TOGGLE_SHORTCUT}`);
  await page.bringToFront();
  const cdp = await page.context().newCDPSession(page);
  // Chromium on Linux matches shortcuts on the native key code: without it, no command fires.
  const keyCode = letter.charCodeAt(0);
  const key = {
    key: letter,
    code: `Key${letter}`,
    windowsVirtualKeyCode: keyCode,
    nativeVirtualKeyCode: keyCode,
  };
  const ALT_SHIFT = 1 | 8;
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', modifiers: ALT_SHIFT, ...key });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', modifiers: ALT_SHIFT, ...key });
  await cdp.detach();
}

/** The bookmarks as stored, read in the worker (an extension page would be the popup, which clears the badge). */
async function storedBookmarks(context: BrowserContext) {
  const worker = await currentWorker(context);
  return worker.evaluate(async () => {
    const request = indexedDB.open('paperpulse');
    await new Promise((resolve) => (request.onsuccess = resolve));
    const read = request.result.transaction('bookmarks').objectStore('bookmarks').getAll();
    await new Promise((resolve) => (read.onsuccess = resolve));
    request.result.close();
    return read.result as { key: string; title: string; authors: string[]; site?: string }[];
  });
}

async function stopWorker(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** The badge shows `mark`, then, within the flash and some slack, the normal badge again. */
async function expectFlash(context: BrowserContext, mark: keyof typeof FLASH_MARKS, normal: string) {
  await expect
    .poll(() => badgeText(context), { timeout: 5_000, intervals: [50] })
    .toBe(FLASH_MARKS[mark].text);
  const shownAt = Date.now();
  await expect.poll(() => badgeText(context), { timeout: 6_000, intervals: [100] }).toBe(normal);
  return Date.now() - shownAt;
}

const sarathi = PAPER_URL_CASES.find((c) => c.page === 'arxiv-abs-2403.02310.html')!;

test('the browser lists the shortcut and assigns the key it suggests', async ({ hf, launch }) => {
  const { worker } = await launchWithFeed({ hf, launch }, { 0: realDay });
  const commands = await worker.evaluate(() => chrome.commands.getAll());
  expect(commands.find((command) => command.name === TOGGLE_COMMAND)).toEqual({
    name: TOGGLE_COMMAND,
    description: 'Bookmark the paper in this tab (or remove it)',
    shortcut: TOGGLE_SHORTCUT,
  });
});

test('the shortcut bookmarks the paper in the tab with what its page said, then removes it; badge and card follow', async ({
  hf,
  launch,
}) => {
  const { context } = await launchWithFeed({ hf, launch }, { 0: realDay });
  const normal = await badgeText(context);
  expect(normal).toBe(String(realDay.length));
  // Not in the feed and unknown to the Hugging Face stand-in (it answers 404): the title and
  // authors can only come from the page.
  await servePage(context, sarathi.url, sarathi.page!);
  const tab = await context.newPage();
  await tab.goto(sarathi.url);
  const ui = await pageUi(tab);
  expect((await waitForCard(ui)).pressed).toBe('false');

  await pressShortcut(tab);
  const flashMs = await expectFlash(context, 'added', normal);
  test.info().annotations.push({ type: 'flash shown (ms)', description: String(flashMs) });
  expect(flashMs).toBeGreaterThan(1_000);
  expect(await storedBookmarks(context)).toEqual([
    expect.objectContaining({ key: sarathi.key, title: sarathi.title, authors: sarathi.authors }),
  ]);
  await expect.poll(async () => (await readCard(ui)).pressed).toBe('true');

  await pressShortcut(tab);
  await expectFlash(context, 'removed', normal);
  expect(await storedBookmarks(context)).toEqual([]);
  await expect.poll(async () => (await readCard(ui)).pressed).toBe('false');
});

test("on a PDF tab the shortcut bookmarks from the URL, with Hugging Face's title for a paper not in the cache", async ({
  hf,
  launch,
}) => {
  const [lookedUp, ...rest] = realDay;
  const { context } = await launchWithFeed({ hf, launch }, { 0: rest });
  const feed = hf.handler;
  hf.handler = (url) =>
    url.pathname === `/api/papers/${lookedUp!.paper.id}` ? { body: lookedUp!.paper } : feed(url);
  const normal = await badgeText(context);
  const pdfUrl = `https://arxiv.org/pdf/${lookedUp!.paper.id}v1`;
  await context.route(pdfUrl, (route) =>
    route.fulfill({ status: 200, contentType: 'application/pdf', body: MINIMAL_PDF }),
  );
  const tab = await context.newPage();
  await tab.goto(pdfUrl).catch(() => undefined);
  await expect.poll(() => tab.url()).toBe(pdfUrl);

  await pressShortcut(tab);
  await expectFlash(context, 'added', normal);
  expect(hf.requests.map((url) => url.pathname)).toContain(`/api/papers/${lookedUp!.paper.id}`);
  expect(await storedBookmarks(context)).toEqual([
    expect.objectContaining({
      key: `arxiv:${lookedUp!.paper.id}`,
      // The feed's titles carry line breaks; stored titles have single spaces.
      title: lookedUp!.paper.title.replace(/\s+/g, ' '),
      authors: lookedUp!.paper.authors.map((author) => author.name),
    }),
  ]);
});

test('a tab that shows no paper: the badge says so and nothing is written', async ({ hf, launch }) => {
  const { context } = await launchWithFeed({ hf, launch }, { 0: realDay });
  const normal = await badgeText(context);
  const listing = PAPER_URL_CASES.find((c) => c.note === 'listing' && c.page?.startsWith('arxiv-list'))!;
  await servePage(context, listing.url, listing.page!);
  const tab = await context.newPage();
  await tab.goto(listing.url);

  await pressShortcut(tab);
  await expectFlash(context, 'not-a-paper', normal);
  expect(await storedBookmarks(context)).toEqual([]);
});

test('a worker stopped in the middle of a flash: the normal badge is back once it wakes', async ({
  hf,
  launch,
}) => {
  const { context } = await launchWithFeed({ hf, launch }, { 0: realDay });
  const normal = await badgeText(context);
  await servePage(context, sarathi.url, sarathi.page!);
  const tab = await context.newPage();
  await tab.goto(sarathi.url);
  await waitForCard(await pageUi(tab));

  await pressShortcut(tab);
  await expect.poll(() => badgeText(context), { intervals: [50] }).toBe(FLASH_MARKS.added.text);
  await stopWorker(tab);
  // Longer than the flash: the stopped worker's timer is gone with it.
  await tab.waitForTimeout(2_500);
  // Any event wakes it; here, a paper page asking about its paper.
  await tab.reload();
  await waitForCard(await pageUi(tab));
  await expect.poll(() => badgeText(context)).toBe(normal);
  expect(await storedBookmarks(context)).toEqual([expect.objectContaining({ key: sarathi.key })]);
});

/** One blank page: enough for Chromium's viewer to open the tab as a PDF. */
const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
