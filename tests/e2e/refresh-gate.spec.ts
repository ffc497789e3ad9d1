import { expect, openPopup, readJson, test } from './support/test';
import { badgeText } from './support/extension';
import { dayOffset } from './support/hf-server';
import { ageLastRefresh } from './support/refresh-state';

/** Issue 8, "What will be checked": the refresh gate in the built extension. */

const realDay = readJson('tests/fixtures/feed/hf-daily-2024-10-25.json');

/** Lets any refresh the browser may start settle, then returns how many feed requests were sent. */
async function settledRequests(hf: { feedRequests(): URL[] }): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  return hf.feedRequests().length;
}

test('with Hugging Face answering 429 and Retry-After: 3600, the popup and a browser restart send nothing more', async ({
  hf,
  launch,
}) => {
  hf.handler = () => ({ status: 429, headers: { 'retry-after': '3600' }, body: { error: 'rate limited' } });
  const first = await launch();
  await expect.poll(() => hf.feedRequests().length).toBeGreaterThan(0);
  const sent = await settledRequests(hf);
  // A 429 ends the run at once.
  expect(sent).toBe(1);

  const popup = await openPopup(first.context, first.extensionId);
  await expect(popup.locator('body')).toContainText('429');
  await popup.reload();
  expect(await settledRequests(hf)).toBe(sent);

  // Even a browser start that would otherwise be due (the last success hours ago) waits.
  await ageLastRefresh(first.context, 3 * 60 * 60_000);
  await first.context.close();
  const second = await launch({ userDataDir: first.userDataDir });
  await openPopup(second.context, second.extensionId);
  expect(await settledRequests(hf)).toBe(sent);
});

test("with every earlier day failing, today's papers are still counted and listed", async ({
  hf,
  launch,
}) => {
  hf.serveDays({ 0: realDay });
  const serveToday = hf.handler;
  hf.handler = (url) =>
    dayOffset(url.searchParams.get('date') ?? '') === 0
      ? serveToday(url)
      : { status: 500, body: { error: 'boom' } };
  const { context, extensionId } = await launch();
  await expect.poll(() => badgeText(context), { timeout: 30_000 }).toBe('29');
  const popup = await openPopup(context, extensionId);
  await expect(popup.locator('.paper-row')).toHaveCount(29);
  // Yesterday failed: the run ends there (the backfill waits for a run that works) and is retried
  // after 30 s, two requests a try.
  expect(hf.feedRequests().length).toBeLessThanOrEqual(4);
});
