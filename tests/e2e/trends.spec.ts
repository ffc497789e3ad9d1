import type { BrowserContext, Page } from '@playwright/test';
import { normalizeTopic } from '../../lib/topics/normalize';
import { trendFeed, type DailyPaperItem } from '../support/trend-feed';
import { completeInstallBackfill } from './support/backfill';
import { seriousViolations } from './support/axe';
import { expect, openPopup, test, waitForFeed } from './support/test';

/**
 * Trends end to end (issue 11): fourteen days of a generated feed the tests have not seen, in
 * which one topic grows sharply in the last week. Days are served as offsets from the server's
 * today, so the test holds on any date.
 */

const DAY = 86_400_000;
const TOKEN = 'zebrafish';

/** The generated days as offsets from today (0 today, -1 yesterday …), every day with papers. */
function feedAsOffsets(
  days: Record<string, DailyPaperItem[]>,
  endDay: string,
): Record<number, DailyPaperItem[]> {
  const end = Date.parse(`${endDay}T00:00:00Z`);
  return Object.fromEntries(
    Object.entries(days).map(([day, items]) => [
      Math.round((Date.parse(`${day}T00:00:00Z`) - end) / DAY),
      items,
    ]),
  );
}

/** The stored trends record, read in an extension page straight from IndexedDB. */
async function storedTrends(
  page: Page,
): Promise<{ basis: { feedDays: number }; rising: { id: string }[] } | undefined> {
  return page.evaluate(async () => {
    const open = indexedDB.open('paperpulse');
    await new Promise((resolve) => (open.onsuccess = resolve));
    const read = open.result.transaction('trends').objectStore('trends').get('current');
    await new Promise((resolve) => (read.onsuccess = resolve));
    open.result.close();
    return (read.result as { record: never } | undefined)?.record;
  });
}

async function topTopics(popup: Page, count = 3): Promise<string[]> {
  const topics = popup.locator('#panel-trends ol.trend-topics > li');
  await expect(topics.first()).toBeVisible();
  return (
    await topics.evaluateAll((items) => items.map((item) => item.getAttribute('data-topic') ?? ''))
  ).slice(0, count);
}

test('Trends: rising topics after the install backfill, Rising after Refresh now, offline after a restart', async ({
  hf,
  launch,
}) => {
  const now = Date.now();
  const endDay = new Date(now).toISOString().slice(0, 10);
  const feed = trendFeed({ endDay, at: now, emptyWeekends: false, surgeAt: now + 365 * DAY, seed: 11 });
  const offsets = feedAsOffsets(feed.days, endDay);
  // Yesterday's top paper stays still; its last one gets upvotes on "Refresh now". Both carry a
  // word no other title has, so a search shows the two side by side.
  const yesterday = offsets[-1]!;
  const still = yesterday[0]!;
  const jumper = yesterday.at(-1)!;
  for (const item of [still, jumper]) item.title = `${item.title} (${TOKEN})`;
  expect(still.paper.upvotes - jumper.paper.upvotes).toBeGreaterThan(2);
  hf.serveDays(offsets);

  const { context, extensionId, userDataDir } = await launch();
  await waitForFeed(context);
  // The install backfill: the first run's ten requests, then its follow-up (three minutes later in
  // the browser, brought forward here through the same gate).
  await completeInstallBackfill(context, hf);

  const popup = await openPopup(context, extensionId);
  await expect
    .poll(async () => (await storedTrends(popup))?.basis.feedDays, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(14);
  await popup.getByRole('tab', { name: 'Trends' }).click();
  await expect(popup.locator('#panel-trends')).toContainText('days of Daily Papers');
  await expect(popup.locator('#panel-trends')).toContainText('upvotes gained in the last 24 hours');
  const topThree = await topTopics(popup);
  expect(topThree).toContain(normalizeTopic(feed.growingTopic));
  for (const flat of feed.flatTopics) expect(topThree).not.toContain(normalizeTopic(flat));
  // The tab with its topics and charts, audited (the accessibility spec sees it with one day only).
  expect(await seriousViolations(popup)).toEqual([]);

  // Choosing the topic filters Trending to this week's papers on it.
  const growing = popup.locator(`#panel-trends li[data-topic="${normalizeTopic(feed.growingTopic)}"]`);
  await growing.getByRole('button', { name: /^Show in Trending: / }).click();
  await expect(popup.getByRole('tab', { name: 'Trending' })).toHaveAttribute('aria-selected', 'true');
  await expect(popup.locator('.topic-filter')).toBeVisible();
  await expect(popup.locator('#panel-trending .paper-row').first()).toBeVisible();
  await popup.getByRole('button', { name: 'Show all' }).click();
  await expect(popup.locator('.topic-filter')).toHaveCount(0);

  // "Watch" adds it to the watched topics.
  await popup.getByRole('tab', { name: 'Trends' }).click();
  await growing.getByRole('button', { name: /^Watch / }).click();
  await expect(growing.getByRole('button', { name: /^Watching / })).toBeDisabled();
  const watched = await popup.evaluate(
    async () =>
      ((await chrome.storage.local.get('settings')) as { settings?: { watchedTopics?: string[] } }).settings
        ?.watchedTopics,
  );
  expect((watched as string[]).map(normalizeTopic)).toContain(normalizeTopic(feed.growingTopic));

  // "Refresh now" brings new upvotes for yesterday's last paper only.
  const jumped = structuredClone(offsets);
  jumped[-1]!.find((item) => item.paper.id === jumper.paper.id)!.paper.upvotes = still.paper.upvotes - 1;
  hf.serveDays(jumped);
  const before = (await storedTrends(popup))!;
  await popup.getByRole('button', { name: 'Refresh now' }).click();
  await expect
    .poll(
      async () => {
        const record = await storedTrends(popup);
        return (
          record !== undefined &&
          JSON.stringify(record) !== JSON.stringify(before) &&
          record.rising.map((entry) => entry.id)
        );
      },
      { timeout: 30_000 },
    )
    .toBeTruthy();
  await popup.getByRole('tab', { name: 'Trending' }).click();
  const trending = popup.locator('#panel-trending');
  await popup.getByRole('searchbox').fill(TOKEN);
  await trending.getByRole('button', { name: 'Week' }).click();
  // Top: the paper with more upvotes first.
  await expect(trending.locator('.paper-row')).toHaveCount(2);
  await expect(trending.locator('.paper-row').first()).toHaveAttribute('data-paper-id', still.paper.id);
  await trending.getByRole('button', { name: 'Rising' }).click();
  await expect(trending.locator('.day-heading')).toHaveText('Rising this week');
  await expect(trending.locator('.paper-row').first()).toHaveAttribute('data-paper-id', jumper.paper.id);
  await expect(trending.locator('.paper-row').nth(1)).toHaveAttribute('data-paper-id', still.paper.id);
  // Its sparkline, with its words; the expanded row's chart.
  const row = trending.locator(`.paper-row[data-paper-id="${jumper.paper.id}"]`);
  await expect(row.locator('svg.sparkline')).toHaveAttribute(
    'aria-label',
    /^Upvotes since it joined Daily Papers/,
  );
  await row.locator('.expand').click();
  await expect(row.locator('.spark-chart svg')).toHaveAttribute('aria-label', /now \(\+\d+ recently\)/);

  // Offline after a restart: the server answers errors, the tab shows what was computed.
  await popup.getByRole('tab', { name: 'Trends' }).click();
  const shown = await topTopics(popup, 5);
  await context.close();
  hf.handler = () => ({ status: 503, body: { error: 'unavailable' } });
  const again = await launch({ userDataDir });
  const reopened = await openPopup(again.context, again.extensionId);
  await reopened.getByRole('tab', { name: 'Trends' }).click();
  expect(await topTopics(reopened, 5)).toEqual(shown);
  await expect(reopened.locator('#panel-trends .week-chart').first()).toHaveAttribute(
    'aria-label',
    /^Papers per week/,
  );
});
