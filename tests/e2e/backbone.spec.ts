import { expect, openPopup, readJson, test } from './support/test';
import { badgeText, badgeTitle } from './support/extension';
import { ageLastRefresh } from './support/refresh-state';

const hostileDay = readJson('tests/fixtures/feed/hostile-day.json');
const realDay = readJson('tests/fixtures/feed/hf-daily-2024-10-25.json');

test('install fetches the feed, badges the valid distinct papers, the popup lists them by upvotes', async ({
  hf,
  launch,
}) => {
  hf.serveDays({ 0: hostileDay });
  const { context, extensionId } = await launch();
  // 8 valid distinct papers: duplicates and malformed items are dropped.
  await expect.poll(() => badgeText(context)).toBe('8');
  expect(await badgeTitle(context)).toContain('8 new Daily Papers');
  const requests = hf.feedRequests();
  expect(requests.every((url) => url.searchParams.get('limit') === '100')).toBe(true);
  // Never a day after today (the API answers those with an error).
  expect(hf.askedOffsets.length).toBeGreaterThan(0);
  expect(hf.askedOffsets.every((offset) => offset !== undefined && offset <= 0)).toBe(true);

  const popup = await openPopup(context, extensionId);
  const rows = popup.locator('.paper-row');
  await expect(rows).toHaveCount(8);
  // Ranked by upvotes: the hard-wrapped title (300 upvotes) first, whitespace collapsed.
  await expect(rows.first().locator('.title')).toHaveText('A Hard-Wrapped Title About Scaling');
  const upvotes = await rows.locator('.upvotes').allTextContents();
  const numbers = upvotes.map((text) => Number(text.replace(/\D/g, '')));
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  // HTML in a title is shown as text and runs nothing.
  await expect(
    popup.getByText('<img src=x onerror="window.__pwned=1">Attention <b>Is</b> All'),
  ).toBeVisible();
  expect(await popup.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(popup.locator('.paper-row img')).toHaveCount(0);
  // Opening the popup clears the badge.
  await expect.poll(() => badgeText(context)).toBe('');
});

test('offline: the popup keeps the cached day and says it could not refresh', async ({ hf, launch }) => {
  hf.serveDays({ 0: realDay });
  const first = await launch();
  await expect.poll(() => badgeText(first.context)).toBe('29');
  // Two hours later: a browser start refreshes only when a refresh is due.
  await ageLastRefresh(first.context, 2 * 60 * 60_000);
  await first.context.close();

  // Restart the browser on the same profile with the network gone.
  hf.goOffline();
  const { context, extensionId } = await launch({ userDataDir: first.userDataDir });
  const popup = await openPopup(context, extensionId);
  await expect(popup.locator('.paper-row')).toHaveCount(29);
  await expect(popup.locator('.status')).toContainText('Couldn’t refresh', { timeout: 30_000 });
  await expect(popup.locator('.status')).toContainText('Showing saved papers');
});

test('first run while offline explains itself, then recovers when the network returns', async ({
  hf,
  launch,
}) => {
  hf.goOffline();
  const { context, extensionId } = await launch();
  const popup = await openPopup(context, extensionId);
  await expect(popup.locator('.empty')).toContainText('could not reach Hugging Face');
  hf.serveDays({ 0: realDay });
  // The failed refresh is retried by itself once its 30 s backoff has passed (opening the popup
  // does not skip it), and the open popup shows the papers as they are stored.
  await expect(popup.locator('.paper-row')).toHaveCount(29, { timeout: 60_000 });
});
