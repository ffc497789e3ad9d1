import type { BrowserContext, Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { PAPER_URL_CASES } from '../cases/paper-urls';
import { CARD, CHIP, clickBookmark, pageUi, readCard, readChips, waitForCard } from './support/card';
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
    const ui = await pageUi(tab);
    const card = await waitForCard(ui, c.url);
    expect(card.shadowRootType, c.url).toBe('closed');
    expect(card.button?.attributes['aria-label'], c.url).toBe('Bookmark in PaperPulse');
    expect(await ui.box(card.button!), c.url).toMatchObject({ width: expect.any(Number) });
    const arxivId = c.key!.startsWith('arxiv:') ? c.key!.slice(6) : undefined;
    if (arxivId && realDay.some((item) => item.paper.id === arxivId)) {
      expect(card.upvotes, c.url).toBe(String(upvotesOf(arxivId)));
      expect(card.rank, c.url).toContain('on Daily Papers');
    } else {
      expect(card.notInFeed, c.url).toContain('Look it up on Hugging Face');
    }
    await tab.close();
  }
  for (const c of otherPages) {
    const tab = await openCase(context, c.url, c.page!);
    const ui = await pageUi(tab);
    await tab.waitForTimeout(300);
    expect((await ui.hosts(CARD)).length + (await ui.hosts(CHIP)).length, c.url).toBe(0);
    await tab.close();
  }
});

test('the bookmark button adds the paper to the bookmarks and stays in step across tabs', async ({
  hf,
  launch,
}) => {
  const { context, extensionId } = await start(launch, hf);
  const first = await openCase(context, 'https://arxiv.org/abs/2410.17243', 'arxiv-abs-2410.17243.html');
  const second = await openCase(
    context,
    'https://huggingface.co/papers/2410.17243',
    'hf-paper-2410.17243.html',
  );
  const [firstUi, secondUi] = [await pageUi(first), await pageUi(second)];
  await waitForCard(firstUi);
  await waitForCard(secondUi);
  expect((await clickBookmark(firstUi)).pressed).toBe('true');
  // The same paper on another site, in another tab, follows.
  await expect.poll(async () => (await readCard(secondUi)).pressed).toBe('true');

  const popup = await openPopup(context, extensionId);
  const stored = (await storedBookmarks(popup)) as { key: string; title: string; authors: string[] }[];
  expect(stored).toHaveLength(1);
  expect(stored[0]!.key).toBe('arxiv:2410.17243');
  expect(stored[0]!.title).toContain('Breaking the Memory Barrier');
  expect(stored[0]!.authors[0]).toBe('Zesen Cheng');

  // Removing it from the other tab updates the first.
  expect((await clickBookmark(secondUi)).pressed).toBe('false');
  await expect.poll(async () => (await readCard(firstUi)).pressed).toBe('false');
  expect(await storedBookmarks(popup)).toHaveLength(0);
});

test('a hostile page: its markup is shown as text and nothing of ours runs it', async ({ hf, launch }) => {
  const { context, extensionId } = await start(launch, hf);
  const hostile = PAPER_URL_CASES.find((c) => c.page === 'arxiv-abs-hostile.html')!;
  const tab = await openCase(context, hostile.url, hostile.page!);
  const ui = await pageUi(tab);
  await waitForCard(ui);
  expect((await clickBookmark(ui)).pressed).toBe('true');
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
  const listings = pageCases.filter((c) => c.note === 'listing');
  expect(listings.length).toBeGreaterThan(1);
  for (const c of listings) {
    const tab = await openCase(context, c.url, c.page!);
    const ui = await pageUi(tab);
    await expect.poll(async () => (await readChips(ui)).length, c.url).toBeGreaterThan(0);
    const chips = await readChips(ui);
    expect(
      chips.every((chip) => chip.button && chip.shadowRootType === 'closed'),
      c.url,
    ).toBe(true);
    expect(
      chips.some((chip) => /^\d+$/.test(chip.upvotes ?? '')),
      c.url,
    ).toBe(true);
    // Toggle the first entry (an earlier listing may have bookmarked the same paper already).
    const before = chips[0]!.pressed;
    await ui.click(chips[0]!.button!);
    await expect
      .poll(async () => (await readChips(ui))[0]!.pressed, c.url)
      .toBe(before === 'true' ? 'false' : 'true');
    await tab.close();
  }
});

test('the card takes the page’s own colours: light text on a dark page, dark on a light one', async ({
  hf,
  launch,
}) => {
  const { context } = await start(launch, hf);
  await context.route('https://arxiv.org/abs/2410.17243', async (route: Route) => {
    const html = readFileSync('tests/fixtures/pages/arxiv-abs-2410.17243.html', 'utf8').replace(
      '<head>',
      '<head><style>html,body{background:#111;color:#eeeeee}</style>',
    );
    await route.fulfill({ contentType: 'text/html', body: html });
  });
  await servePage(context, 'https://arxiv.org/abs/2403.02310', 'arxiv-abs-2403.02310.html');
  for (const [url, text] of [
    ['https://arxiv.org/abs/2410.17243', 'rgb(238, 238, 238)'],
    ['https://arxiv.org/abs/2403.02310', 'rgb(0, 0, 0)'],
  ] as const) {
    const tab = await context.newPage();
    await tab.goto(url);
    const ui = await pageUi(tab);
    await waitForCard(ui);
    const card = (await ui.find(CARD, (element) =>
      (element.attributes.class ?? '').split(' ').includes('card'),
    ))!;
    const style = await ui.computedStyle(card);
    expect(style.color, url).toBe(text);
    expect(style['background-color'], url).toBe('rgba(0, 0, 0, 0)');
    await tab.close();
  }
});

test('single-page sites: the card follows in-app navigation to the paper on screen', async ({
  hf,
  launch,
}) => {
  const { context } = await start(launch, hf);
  const tab = await openCase(context, 'https://huggingface.co/papers/2410.17243', 'hf-paper-2410.17243.html');
  const ui = await pageUi(tab);
  expect((await waitForCard(ui)).upvotes).toBe(String(upvotesOf('2410.17243')));
  // The app swaps the paper without a page load, as Hugging Face does.
  await tab.evaluate(() => {
    history.pushState({}, '', '/papers/2410.16251');
    document.querySelector('h1')!.textContent = 'Can Knowledge Editing Really Correct Hallucinations?';
  });
  await expect.poll(async () => (await readCard(ui)).upvotes).toBe(String(upvotesOf('2410.16251')));
  expect((await readCard(ui)).count).toBe(1);
  // Leaving for a list removes the card.
  await tab.evaluate(() => history.pushState({}, '', '/papers/trending'));
  await expect.poll(async () => (await readCard(ui)).count).toBe(0);
});
