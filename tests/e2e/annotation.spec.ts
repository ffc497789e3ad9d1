import type { BrowserContext, Route } from '@playwright/test';
import { PAPER_URL_CASES } from '../cases/paper-urls';
import { isInjected } from './support/manifest';
import {
  expect,
  openPopup,
  readJson,
  servePage,
  test,
  launchWithFeed,
  storedBookmarks,
  type PaperPulseFixtures,
} from './support/test';

const realDay = readJson<{ paper: { id: string; upvotes: number } }[]>(
  'tests/fixtures/feed/hf-daily-2024-10-25.json',
);
const upvotesOf = (id: string) => realDay.find((item) => item.paper.id === id)!.paper.upvotes;

const pageCases = PAPER_URL_CASES.filter((c) => c.page && isInjected(c.url));
const paperPages = pageCases.filter((c) => c.key);
const otherPages = pageCases.filter((c) => !c.key && c.note !== 'listing');

function start(launch: PaperPulseFixtures['launch'], hf: PaperPulseFixtures['hf']) {
  return launchWithFeed({ hf, launch }, { 0: realDay });
}

async function openCase(context: BrowserContext, url: string, page: string) {
  await servePage(context, url, page);
  const tab = await context.newPage();
  await tab.goto(url);
  return tab;
}

test('every paper page gets its card, every other page nothing', async ({ hf, launch }) => {
  // The table must hold both kinds, or this test would pass by checking nothing.
  expect(paperPages.length).toBeGreaterThan(10);
  expect(otherPages.length).toBeGreaterThan(1);
  const { context } = await start(launch, hf);
  for (const c of paperPages) {
    const tab = await openCase(context, c.url, c.page!);
    const card = tab.locator('paperpulse-annotation');
    await expect(card, c.url).toHaveCount(1);
    await expect(card.getByRole('button', { name: /bookmark/i }), c.url).toBeVisible();
    const arxivId = c.key!.startsWith('arxiv:') ? c.key!.slice(6) : undefined;
    if (arxivId && realDay.some((item) => item.paper.id === arxivId)) {
      await expect(card.locator('.upvotes'), c.url).toHaveText(`▲ ${upvotesOf(arxivId)}`);
      await expect(card.locator('.rank'), c.url).toContainText('on Daily Papers');
    } else {
      await expect(card.locator('.not-in-feed'), c.url).toContainText('Look it up on Hugging Face');
    }
    await tab.close();
  }
  for (const c of otherPages) {
    const tab = await openCase(context, c.url, c.page!);
    await tab.waitForTimeout(300);
    await expect(tab.locator('paperpulse-annotation, paperpulse-chip'), c.url).toHaveCount(0);
    await tab.close();
  }
});

test('the bookmark button adds the paper to the bookmarks and stays in step across tabs', async ({
  hf,
  launch,
}) => {
  const { context, extensionId } = await start(launch, hf);
  const url = 'https://arxiv.org/abs/2410.17243';
  const first = await openCase(context, url, 'arxiv-abs-2410.17243.html');
  const second = await openCase(
    context,
    'https://huggingface.co/papers/2410.17243',
    'hf-paper-2410.17243.html',
  );
  const button = first
    .locator('paperpulse-annotation')
    .getByRole('button', { name: 'Bookmark in PaperPulse' });
  await button.click();
  await expect(first.locator('paperpulse-annotation button')).toHaveAttribute('aria-pressed', 'true');
  // The same paper on another site, in another tab, follows.
  await expect(second.locator('paperpulse-annotation button')).toHaveAttribute('aria-pressed', 'true');

  const popup = await openPopup(context, extensionId);
  const stored = (await storedBookmarks(popup)) as { key: string; title: string; authors: string[] }[];
  expect(stored).toHaveLength(1);
  expect(stored[0]!.key).toBe('arxiv:2410.17243');
  expect(stored[0]!.title).toContain('Breaking the Memory Barrier');
  expect(stored[0]!.authors[0]).toBe('Zesen Cheng');

  // Removing it from the other tab updates the first.
  await second.locator('paperpulse-annotation button').click();
  await expect(first.locator('paperpulse-annotation button')).toHaveAttribute('aria-pressed', 'false');
});

test('a hostile page: its markup is shown as text and nothing of ours runs it', async ({ hf, launch }) => {
  const { context, extensionId } = await start(launch, hf);
  const hostile = PAPER_URL_CASES.find((c) => c.page === 'arxiv-abs-hostile.html')!;
  const tab = await openCase(context, hostile.url, hostile.page!);
  const card = tab.locator('paperpulse-annotation');
  await expect(card).toHaveCount(1);
  await card.getByRole('button', { name: 'Bookmark in PaperPulse' }).click();
  await expect(card.locator('button')).toHaveAttribute('aria-pressed', 'true');
  expect(await tab.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();

  const popup = await openPopup(context, extensionId);
  const title = ((await storedBookmarks(popup)) as { title: string; pdfUrl?: string }[])[0];
  expect(title!.title).toBe(hostile.title);
  expect(title!.pdfUrl ?? '').not.toContain('javascript:');
});

test('listing pages: feed papers get an upvote chip, every entry a bookmark button', async ({
  hf,
  launch,
}) => {
  const { context } = await start(launch, hf);
  for (const c of pageCases.filter((c) => c.note === 'listing')) {
    const tab = await openCase(context, c.url, c.page!);
    const chips = tab.locator('paperpulse-chip');
    await expect.poll(() => chips.count(), c.url).toBeGreaterThan(0);
    const count = await chips.count();
    await expect(chips.locator('button')).toHaveCount(count);
    await expect(chips.locator('.chip').first()).toContainText('▲');
    // Toggle the first entry (an earlier listing may have bookmarked the same paper already).
    const button = chips.first().locator('button');
    const before = await button.getAttribute('aria-pressed');
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', before === 'true' ? 'false' : 'true');
    await tab.close();
  }
});

test('a dark page gets a dark card', async ({ hf, launch }) => {
  const { context } = await start(launch, hf);
  await context.route('https://arxiv.org/abs/2410.17243', async (route: Route) => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync('tests/fixtures/pages/arxiv-abs-2410.17243.html', 'utf8').replace(
      '<head>',
      '<head><style>html,body{background:#111;color:#eee}</style>',
    );
    await route.fulfill({ contentType: 'text/html', body: html });
  });
  const tab = await context.newPage();
  await tab.goto('https://arxiv.org/abs/2410.17243');
  await expect(tab.locator('paperpulse-annotation .card')).toHaveClass(/dark/);
});

test('single-page sites: the card follows in-app navigation to the paper on screen', async ({
  hf,
  launch,
}) => {
  const { context } = await start(launch, hf);
  const tab = await openCase(context, 'https://huggingface.co/papers/2410.17243', 'hf-paper-2410.17243.html');
  const card = tab.locator('paperpulse-annotation');
  await expect(card.locator('.upvotes')).toHaveText(`▲ ${upvotesOf('2410.17243')}`);
  // The app swaps the paper without a page load, as Hugging Face does.
  await tab.evaluate(() => {
    history.pushState({}, '', '/papers/2410.16251');
    document.querySelector('h1')!.textContent = 'Can Knowledge Editing Really Correct Hallucinations?';
  });
  await expect(card.locator('.upvotes')).toHaveText(`▲ ${upvotesOf('2410.16251')}`);
  await expect(card).toHaveCount(1);
  // Leaving for a list removes the card.
  await tab.evaluate(() => history.pushState({}, '', '/papers/trending'));
  await expect(card).toHaveCount(0);
});
