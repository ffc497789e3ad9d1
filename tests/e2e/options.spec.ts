import type { BrowserContext, Page } from '@playwright/test';
import { currentWorker } from './support/extension';
import { badgeText } from './support/extension';
import { expect, readJson, test } from './support/test';

type Item = {
  paper: { id: string; title: string; summary?: string; ai_keywords?: string[] };
  title?: string;
  summary?: string;
};
const realDay = readJson<Item[]>('tests/fixtures/feed/hf-daily-2024-10-25.json');

/**
 * A day the tests have not seen: the real day's items, with new ids, three of them renamed to be about
 * "state space models" in different spellings (the real day has one more of its own).
 */
function unseenDay(): Item[] {
  return realDay.map((item, i) => {
    const id = `2611.${String(70000 + i)}`;
    const spelling = [
      'State-Space Models for Long Video',
      'Selective State Space Model Scaling',
      'A state space model of attention',
    ][i];
    const title = spelling ?? `${item.title ?? item.paper.title} (${i})`;
    return { ...item, title, paper: { ...item.paper, id, title, ai_keywords: undefined } };
  });
}

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'PaperPulse options' })).toBeVisible();
  return page;
}

test('watched topics and the badge mode change the badge at once, without another refresh', async ({
  hf,
  launch,
}) => {
  hf.serveDays({ 0: unseenDay() });
  const { context, extensionId } = await launch();
  await expect.poll(() => badgeText(context)).toBe(String(realDay.length));
  const requestsBefore = hf.feedRequests().length;

  const options = await openOptions(context, extensionId);
  const topics = options.getByRole('textbox', { name: 'Watched topics' });
  await topics.fill('state space model\n');
  await topics.blur();
  await options.getByRole('radio', { name: 'New papers matching watched topics' }).check();
  // The three renamed papers, and the real day's item 8, which is itself about state-space models.
  await expect.poll(() => badgeText(context), { timeout: 5_000 }).toBe('4');
  await options.getByRole('radio', { name: 'Nothing' }).check();
  await expect.poll(() => badgeText(context), { timeout: 5_000 }).toBe('');
  await options.getByRole('radio', { name: 'All new papers' }).check();
  await expect.poll(() => badgeText(context), { timeout: 5_000 }).toBe(String(realDay.length));
  // None of it asked Hugging Face again.
  expect(hf.feedRequests().length).toBe(requestsBefore);

  // The choices survive a reload of the page.
  await options.reload();
  await expect(options.getByRole('textbox', { name: 'Watched topics' })).toHaveValue('state space model');
  await expect(options.getByRole('radio', { name: 'All new papers' })).toBeChecked();
});

test('settings of an older version are migrated; a damaged one falls back to its default and the page says so', async ({
  hf,
  launch,
}) => {
  hf.serveDays({ 0: realDay });
  const { context, extensionId } = await launch();
  const worker = await currentWorker(context);
  await worker.evaluate(() =>
    chrome.storage.local.set({ settings: { version: 1, refreshIntervalMinutes: 15, retentionDays: 7 } }),
  );
  const options = await openOptions(context, extensionId);
  await expect(options.getByRole('combobox', { name: 'Refresh every' })).toHaveValue('30');
  await expect(options.getByRole('combobox', { name: 'Keep feed for' })).toHaveValue('14');
  await expect(options.locator('.reset-notice')).toHaveCount(0);

  await worker.evaluate(() =>
    chrome.storage.local.set({ settings: { version: 2, badgeMode: 'sometimes', retentionDays: 30 } }),
  );
  await options.reload();
  await expect(options.getByRole('alert').filter({ hasText: 'could not be read' })).toContainText(
    'Badge counts',
  );
  await expect(options.getByRole('radio', { name: 'All new papers' })).toBeChecked();
  await expect(options.getByRole('combobox', { name: 'Keep feed for' })).toHaveValue('30');
});

test('a site switched off gets no card; switched on again, it does', async ({ hf, launch }) => {
  hf.serveDays({ 0: realDay });
  const { context, extensionId } = await launch();
  await expect.poll(() => badgeText(context)).not.toBe('');
  const { servePage } = await import('./support/test');
  const { pageUi, readCard, waitForCard } = await import('./support/card');
  await servePage(context, 'https://arxiv.org/abs/2410.17243', 'arxiv-abs-2410.17243.html');
  const options = await openOptions(context, extensionId);
  await options.getByRole('switch', { name: 'arXiv', exact: true }).uncheck();
  const off = await context.newPage();
  await off.goto('https://arxiv.org/abs/2410.17243');
  await off.waitForTimeout(800);
  expect((await readCard(await pageUi(off))).count).toBe(0);
  await options.getByRole('switch', { name: 'arXiv', exact: true }).check();
  const on = await context.newPage();
  await on.goto('https://arxiv.org/abs/2410.17243');
  await waitForCard(await pageUi(on));
});
