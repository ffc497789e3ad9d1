import { readFileSync } from 'node:fs';
import { clickBookmark, pageUi, readCard, waitForCard } from './support/card';
import { currentWorker } from './support/extension';
import { launchWithGranted } from './support/granted';
import { expect, openPopup, readJson, servePage, storedBookmarks, test, waitForFeed } from './support/test';

/**
 * New versions of saved preprints in Chromium with the built extension. export.arxiv.org resolves
 * to the local stand-in (tests/e2e/support/extension.ts), which answers `/api/query` with the
 * fixture built on arXiv's API manual (tests/fixtures/arxiv/batch-two-entries.xml: 2410.17243 v3).
 *
 * The export.arxiv.org permission is optional and Chromium asks before granting it, which a headless
 * browser cannot answer: `launchWithGranted` (tests/e2e/support/granted.ts) starts the profile with
 * it granted, as after the user accepted, so the options switch's `permissions.request` resolves at once.
 */

const ORIGIN = 'https://export.arxiv.org/*';
const PAPER_V1 = 'https://arxiv.org/abs/2410.17243v1';
const ATOM = readFileSync('tests/fixtures/arxiv/batch-two-entries.xml', 'utf8');
const realDay = readJson('tests/fixtures/feed/hf-daily-2024-10-25.json');

test('a bookmark saved as v1 of a paper now at v3 shows "v3 available" after the daily check, once', async ({
  hf,
  launch,
}) => {
  hf.serveDays({ 0: realDay });
  const feed = hf.handler;
  hf.handler = (url) =>
    url.pathname === '/api/query'
      ? { text: ATOM, headers: { 'content-type': 'application/atom+xml; charset=utf-8' } }
      : feed(url);
  const arxivRequests = () => hf.requests.filter((url) => url.pathname === '/api/query');

  const { context, extensionId, extensionDir, userDataDir } = await launchWithGranted(
    { launch },
    { origins: [ORIGIN] },
  );
  const worker = await currentWorker(context);
  expect(await worker.evaluate(() => chrome.runtime.getManifest().host_permissions)).not.toContain(ORIGIN);
  expect(await worker.evaluate((origin) => chrome.permissions.contains({ origins: [origin] }), ORIGIN)).toBe(
    true,
  );
  await waitForFeed(context);

  // Saved from the v1 abstract page, with the card's button.
  await servePage(context, PAPER_V1, 'arxiv-abs-2410.17243.html');
  const tab = await context.newPage();
  await tab.goto(PAPER_V1);
  const ui = await pageUi(tab);
  await waitForCard(ui);
  expect((await clickBookmark(ui)).pressed).toBe('true');
  const popup = await openPopup(context, extensionId);
  await expect.poll(async () => (await storedBookmarks(popup))[0]?.savedVersion).toBe(1);
  expect(arxivRequests()).toEqual([]);

  // Turned on in the options: the permission is there, so the switch saves at once, and the
  // worker's check (due: it never ran) asks arXiv about the bookmark.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const toggle = options.getByRole('switch', { name: /saved arXiv paper has a new version/ });
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect.poll(() => arxivRequests().length, { timeout: 20_000 }).toBe(1);
  expect(arxivRequests()[0]!.searchParams.get('id_list')).toBe('2410.17243');
  expect(await worker.evaluate(async () => (await chrome.alarms.get('version-check'))?.periodInMinutes)).toBe(
    60,
  );

  // The popup row says it, with a link to v3's abstract page (its submission history).
  await popup.reload();
  await popup.getByRole('tab', { name: 'Bookmarks' }).click();
  const alert = popup.locator('.bookmark-row .version-alert a');
  await expect(alert).toHaveText('v3 available', { timeout: 10_000 });
  await expect(alert).toHaveAttribute('href', 'https://arxiv.org/abs/2410.17243v3');
  await expect(alert).toHaveAttribute('target', '_blank');
  await expect(alert).toHaveAttribute('rel', /noopener/);
  await expect(popup.locator('.version-alert')).toHaveCount(1);

  // And the card on the paper's page, coming back to it.
  await tab.reload();
  await expect
    .poll(async () => (await readCard(await pageUi(tab))).text, { timeout: 10_000 })
    .toContain('v3 available');

  // Dismissed in the popup: gone, and it does not come back, not even after a restart.
  await popup.getByRole('button', { name: /^Dismiss “v3 available”/ }).click();
  await expect(popup.locator('.version-alert')).toHaveCount(0);
  await expect.poll(async () => (await storedBookmarks(popup))[0]?.alertedVersion).toBe(3);
  // Alarms can be lost: take it away, and the restarted worker must put it back.
  await worker.evaluate(() => chrome.alarms.clear('version-check'));
  await context.close();

  // (No waitForFeed: every paper was seen when the popup opened, so the badge stays empty.)
  const again = await launch({ extensionDir, userDataDir });
  const popupAgain = await openPopup(again.context, again.extensionId);
  await popupAgain.getByRole('tab', { name: 'Bookmarks' }).click();
  await expect(popupAgain.locator('.bookmark-row')).toHaveCount(1);
  // The restarted worker put its alarm back and asked nothing: the day's check was made.
  const restarted = await currentWorker(again.context);
  await expect
    .poll(async () => restarted.evaluate(async () => !!(await chrome.alarms.get('version-check'))))
    .toBe(true);
  await popupAgain.waitForTimeout(1_000);
  expect(arxivRequests()).toHaveLength(1);
  await expect(popupAgain.locator('.version-alert')).toHaveCount(0);
});

test('a permission taken back in the browser turns the switch off and says why', async ({ hf, launch }) => {
  hf.serveDays({ 0: realDay });
  const { context, extensionId } = await launchWithGranted({ launch }, { origins: [ORIGIN] });
  const worker = await currentWorker(context);
  await waitForFeed(context);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const toggle = options.getByRole('switch', { name: /saved arXiv paper has a new version/ });
  await toggle.click();
  await expect(toggle).toBeChecked();

  // Removed as from the browser's extension settings: the setting stays on, the switch shows off.
  expect(await worker.evaluate((origin) => chrome.permissions.remove({ origins: [origin] }), ORIGIN)).toBe(
    true,
  );
  await expect(toggle).not.toBeChecked();
  await expect(
    options.getByRole('status').filter({ hasText: 'permission for this was taken back' }),
  ).toBeVisible();
  expect(
    await worker.evaluate(
      async () =>
        ((await chrome.storage.local.get('settings')).settings as { versionAlerts?: boolean })?.versionAlerts,
    ),
  ).toBe(true);

  // And it stays so on a fresh look at the page.
  await options.reload();
  await expect(toggle).not.toBeChecked();
  await expect(
    options.getByRole('status').filter({ hasText: 'permission for this was taken back' }),
  ).toBeVisible();
});
