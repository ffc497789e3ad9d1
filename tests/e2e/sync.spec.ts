import type { BrowserContext, Page } from '@playwright/test';
import { bucketKey, bucketOf } from '../../lib/sync/buckets';
import { encodeBucket } from '../../lib/sync/encode';
import { recordAfterEdit } from '../../lib/sync/local-edit';
import { DEFAULT_SYNC_QUOTA } from '../../lib/sync/quota';
import { currentWorker } from './support/extension';
import { expect, openPopup, readJson, storedBookmarks, test, waitForFeed } from './support/test';

/**
 * Bookmark sync in the built extension, through Chromium's real chrome.storage.sync (which, with no
 * signed-in profile, stores locally and uploads nothing: no network). Another browser is played by
 * writing a bucket item into the area, encoded by lib/sync as that browser's PaperPulse would.
 */

const realDay = readJson<{ paper: { id: string; title: string } }[]>(
  'tests/fixtures/feed/hf-daily-2024-10-25.json',
);
const FIRST = realDay[0]!.paper.title.replace(/\s+/g, ' ').trim();
const FIRST_KEY = `arxiv:${realDay[0]!.paper.id}`;
const ELSEWHERE_TITLE = 'A Paper Bookmarked in Another Browser';

type Fixtures = Parameters<Parameters<typeof test>[2]>[0];

async function start({ hf, launch }: Pick<Fixtures, 'hf' | 'launch'>) {
  hf.serveDays({ 0: realDay });
  const launched = await launch();
  await waitForFeed(launched.context);
  return launched;
}

async function syncArea(context: BrowserContext): Promise<Record<string, unknown>> {
  const worker = await currentWorker(context);
  return worker.evaluate(() => chrome.storage.sync.get(null));
}

/** The bucket items, as JSON text (entries carry their bookmark's key). */
async function bucketsText(context: BrowserContext): Promise<string> {
  const area = await syncArea(context);
  return JSON.stringify(Object.entries(area).filter(([key]) => key.startsWith('bm.')));
}

async function syncStatus(context: BrowserContext): Promise<{ at: number; status: string } | undefined> {
  const worker = await currentWorker(context);
  const stored = await worker.evaluate(() => chrome.storage.local.get('syncStatus'));
  return stored.syncStatus as { at: number; status: string } | undefined;
}

/** Another browser's bookmark, in a bucket item none of this browser's bookmarks shares. */
function bucketFromElsewhere(avoid: readonly string[]): Record<string, unknown> {
  const taken = new Set(avoid.map((key) => bucketOf(key, DEFAULT_SYNC_QUOTA.bucketCount)));
  for (let n = 0; ; n++) {
    const arxivId = `2501.${String(10000 + n)}`;
    const key = `arxiv:${arxivId}`;
    const index = bucketOf(key, DEFAULT_SYNC_QUOTA.bucketCount);
    if (taken.has(index)) continue;
    const at = Date.now() - 60_000;
    const record = recordAfterEdit({
      record: undefined,
      before: undefined,
      after: {
        key,
        title: ELSEWHERE_TITLE,
        arxivId,
        tags: ['elsewhere'],
        note: 'from the desktop',
        read: false,
        addedAt: at,
        updatedAt: at,
      },
      now: at,
      replicaId: 'desktop042',
    })!;
    return { [bucketKey(index)]: encodeBucket([record]) };
  }
}

async function writeFromElsewhere(context: BrowserContext, items: Record<string, unknown>): Promise<void> {
  const worker = await currentWorker(context);
  await worker.evaluate((values) => chrome.storage.sync.set(values), items);
}

async function bookmarkFirst(popup: Page) {
  const row = popup.locator('.paper-row', { hasText: FIRST });
  await row.getByRole('button', { name: `Bookmark: ${FIRST}`, exact: true }).click();
  await expect(row.locator('.star')).toHaveAttribute('aria-pressed', 'true');
}

async function bookmarkTitles(context: BrowserContext, extensionId: string): Promise<string[]> {
  const popup = await openPopup(context, extensionId);
  await popup.getByRole('tab', { name: 'Bookmarks' }).click();
  await expect(popup.locator('#panel-bookmarks')).toBeVisible();
  const titles = await popup.locator('.bookmark-row .title').allTextContents();
  await popup.close();
  return titles;
}

test('a bookmark goes to storage.sync, and one another browser synced appears in the popup', async ({
  hf,
  launch,
}) => {
  const { context, extensionId } = await start({ hf, launch });
  const popup = await openPopup(context, extensionId);
  await bookmarkFirst(popup);
  await expect.poll(() => bucketsText(context), { timeout: 20_000 }).toContain(FIRST_KEY);

  await writeFromElsewhere(context, bucketFromElsewhere([FIRST_KEY]));
  await expect
    .poll(() => bookmarkTitles(context, extensionId), { timeout: 20_000 })
    .toEqual(expect.arrayContaining([ELSEWHERE_TITLE, FIRST]));
  const rows = await storedBookmarks(popup);
  expect(rows.find((row) => row.title === ELSEWHERE_TITLE)).toMatchObject({
    note: 'from the desktop',
    tags: ['elsewhere'],
    absUrl: expect.stringContaining('https://arxiv.org/abs/2501.'),
  });
  // What this browser had is still there, and still in the area.
  expect(await bucketsText(context)).toContain(FIRST_KEY);
});

test('switched off in the options, nothing goes out or comes in; switched on, both libraries merge', async ({
  hf,
  launch,
}) => {
  const { context, extensionId } = await start({ hf, launch });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const toggle = options.getByRole('switch', { name: 'Sync bookmarks across my browsers' });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(options.getByText('Sync is off: your bookmarks stay on this browser.')).toBeVisible();

  const popup = await openPopup(context, extensionId);
  const before = Date.now();
  await bookmarkFirst(popup);
  // The run after the write (debounced) says "off", and writes nothing.
  await expect
    .poll(async () => (await syncStatus(context))?.at ?? 0, { timeout: 20_000 })
    .toBeGreaterThan(before + 1000);
  expect((await syncStatus(context))?.status).toBe('off');
  expect(await bucketsText(context)).not.toContain(FIRST_KEY);

  const written = Date.now();
  await writeFromElsewhere(context, bucketFromElsewhere([FIRST_KEY]));
  await expect
    .poll(async () => (await syncStatus(context))?.at ?? 0, { timeout: 20_000 })
    .toBeGreaterThan(written);
  expect(await bookmarkTitles(context, extensionId)).toEqual([FIRST]);

  await toggle.check();
  await expect.poll(() => bucketsText(context), { timeout: 20_000 }).toContain(FIRST_KEY);
  await expect
    .poll(() => bookmarkTitles(context, extensionId), { timeout: 20_000 })
    .toEqual(expect.arrayContaining([ELSEWHERE_TITLE, FIRST]));
  await expect(options.getByText('All 2 bookmarks are synced.')).toBeVisible();
});
