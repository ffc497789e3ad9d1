import { mkdirSync } from 'node:fs';
import { expect, openPopup, readJson, servePage, test, waitForFeed } from '../../tests/e2e/support/test';
import { trendFeed } from '../../tests/support/trend-feed';
import { completeInstallBackfill } from '../../tests/e2e/support/backfill';

/**
 * The demo: the built extension in headless Chromium, fed the bundled sample feed by a local
 * stand-in for huggingface.co (no network), on an arXiv paper page and in the popup.
 */
const OUT = 'demo';
mkdirSync(OUT, { recursive: true });

for (const colorScheme of ['light', 'dark'] as const) {
  test(`demo (${colorScheme})`, async ({ hf, launch }) => {
    // Two real days, and twelve generated ones before them (tests/support/trend-feed.ts) so that
    // the Trends tab has two weeks to compare.
    const now = Date.now();
    const generated = trendFeed({ endDay: new Date(now).toISOString().slice(0, 10), at: now, emptyWeekends: false });
    const older = Object.values(generated.days).reverse().slice(2);
    hf.serveDays({
      0: readJson('tests/fixtures/feed/hf-daily-2024-10-25.json'),
      [-1]: readJson('tests/fixtures/feed/seed-listing.json'),
      ...Object.fromEntries(older.map((items, index) => [-2 - index, items])),
    });
    const { context, extensionId } = await launch({ colorScheme });
    await waitForFeed(context);
    await completeInstallBackfill(context, hf);

    await servePage(context, 'https://arxiv.org/abs/2410.17243', 'arxiv-abs-2410.17243.html');
    await servePage(context, 'https://arxiv.org/abs/2403.02310', 'arxiv-abs-2403.02310.html');
    await servePage(context, 'https://arxiv.org/list/cs.LG/new', 'arxiv-list-cs.LG-new.html');
    const page = await context.newPage();
    await page.setViewportSize({ width: 1100, height: 700 });
    for (const [url, name] of [
      ['https://arxiv.org/abs/2410.17243', 'arxiv-paper'],
      ['https://arxiv.org/list/cs.LG/new', 'arxiv-listing'],
      ['https://arxiv.org/abs/2403.02310', 'arxiv-paper-not-in-feed'],
    ] as const) {
      await page.goto(url);
      await expect(page.locator('paperpulse-annotation, paperpulse-chip').first()).toBeVisible();
      // Bookmark the papers on the way, so the popup's library has something in it.
      const bookmark = page.locator('paperpulse-annotation').getByRole('button', { name: 'Bookmark in PaperPulse' });
      if (await bookmark.count()) await bookmark.click();
      await page.screenshot({ path: `${OUT}/${name}-${colorScheme}.png` });
    }

    const popup = await openPopup(context, extensionId);
    for (const [width, suffix] of [
      [420, ''],
      [320, '-narrow'],
    ] as const) {
      await popup.setViewportSize({ width, height: 600 });
      await popup.getByRole('tab', { name: 'Trending' }).click();
      await expect(popup.locator('#panel-trending .paper-row').first()).toBeVisible();
      await popup.screenshot({ path: `${OUT}/popup-trending-${colorScheme}${suffix}.png` });
    }
    await popup.locator('#panel-trending .expand').first().click();
    await popup.screenshot({ path: `${OUT}/popup-trending-expanded-${colorScheme}.png` });
    // Rising, with each row's sparkline; a row expanded shows its chart.
    await popup.locator('#panel-trending .expand').first().click();
    await popup.getByRole('button', { name: 'Rising' }).click();
    await expect(popup.locator('#panel-trending svg.sparkline').first()).toBeVisible();
    await popup.locator('#panel-trending .expand').first().click();
    await popup.screenshot({ path: `${OUT}/popup-rising-sparkline-${colorScheme}.png` });
    await popup.getByRole('button', { name: 'Top' }).click();
    for (const [width, suffix] of [
      [420, ''],
      [320, '-narrow'],
    ] as const) {
      await popup.setViewportSize({ width, height: 600 });
      await popup.getByRole('tab', { name: 'Trends' }).click();
      await expect(popup.locator('#panel-trends .trends-basis')).toBeVisible();
      await popup.screenshot({ path: `${OUT}/popup-trends-${colorScheme}${suffix}.png` });
    }
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.getByRole('tab', { name: 'Related' }).click();
    await expect(popup.locator('.related-basis')).toBeVisible();
    await popup.screenshot({ path: `${OUT}/popup-related-${colorScheme}.png` });
    await popup.getByRole('tab', { name: 'Bookmarks' }).click();
    await popup.screenshot({ path: `${OUT}/popup-bookmarks-${colorScheme}.png` });
  });
}
