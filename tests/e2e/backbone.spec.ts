import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { FakeHuggingFace } from './support/hf-server';
import { badgeText, badgeTitle, launchWithExtension, utcToday } from './support/extension';

const hostileDay = JSON.parse(readFileSync('tests/fixtures/feed/hostile-day.json', 'utf8')) as unknown[];
const realDay = JSON.parse(readFileSync('tests/fixtures/feed/hf-daily-2024-10-25.json', 'utf8')) as unknown[];

let hf: FakeHuggingFace;
test.beforeEach(async () => {
  hf = await new FakeHuggingFace().start();
});
test.afterEach(async () => {
  await hf.stop();
});

test('install fetches the feed, badges the valid distinct papers, the popup lists them by upvotes', async () => {
  hf.serveDays({ [utcToday()]: hostileDay });
  const { context, extensionId } = await launchWithExtension({ hfPort: hf.port });
  try {
    // 8 valid distinct papers: duplicates and malformed items are dropped.
    await expect.poll(() => badgeText(context)).toBe('8');
    expect(await badgeTitle(context)).toContain('8 new Daily Papers');
    const requests = hf.feedRequests();
    expect(requests.every((url) => url.searchParams.get('limit') === '100')).toBe(true);
    expect(requests.every((url) => (url.searchParams.get('date') ?? '') <= utcToday())).toBe(true);

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const rows = popup.locator('.paper-row');
    await expect(rows).toHaveCount(8);
    // Ranked by upvotes: the hard-wrapped title (300 upvotes) first, whitespace collapsed.
    await expect(rows.first().locator('.title')).toHaveText('A Hard-Wrapped Title About Scaling');
    const upvotes = await rows.locator('.upvotes').allTextContents();
    const numbers = upvotes.map((text) => Number(text.replace(/\D/g, '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    // HTML in a title is shown as text and runs nothing.
    await expect(popup.getByText('<img src=x onerror="window.__pwned=1">Attention <b>Is</b> All')).toBeVisible();
    expect(await popup.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(popup.locator('.paper-row img')).toHaveCount(0);
    // Opening the popup clears the badge.
    await expect.poll(() => badgeText(context)).toBe('');
  } finally {
    await context.close();
  }
});

test('offline: the popup keeps the cached day and says it could not refresh', async () => {
  hf.serveDays({ [utcToday()]: realDay });
  const first = await launchWithExtension({ hfPort: hf.port });
  await expect.poll(() => badgeText(first.context)).toBe('29');
  await first.context.close();

  // Restart the browser on the same profile with the network gone.
  hf.goOffline();
  const { context, extensionId } = await launchWithExtension({ hfPort: hf.port, userDataDir: first.userDataDir });
  try {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.locator('.paper-row')).toHaveCount(29);
    await expect(popup.locator('.status')).toContainText('Couldn’t refresh', { timeout: 30_000 });
    await expect(popup.locator('.status')).toContainText('Showing saved papers');
  } finally {
    await context.close();
  }
});

test('first run while offline explains itself, then recovers when the network returns', async () => {
  hf.goOffline();
  const { context, extensionId } = await launchWithExtension({ hfPort: hf.port });
  try {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.locator('.empty')).toContainText('could not reach Hugging Face');
    hf.serveDays({ [utcToday()]: realDay });
    // Reopening the popup retries the failed refresh at once.
    await popup.reload();
    await expect(popup.locator('.paper-row')).toHaveCount(29);
  } finally {
    await context.close();
  }
});
