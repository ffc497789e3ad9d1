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

/** An arXiv listing of `ids`, in the markup of the fixture listing (tests/fixtures/pages/arxiv-list-*). */
function longListing(ids: string[]): string {
  const entries = ids
    .map(
      (
        id,
        i,
      ) => `<dt><a name="item${i + 1}">[${i + 1}]</a> <a href="/abs/${id}" title="Abstract" id="${id}">arXiv:${id}</a>
        [<a href="/pdf/${id}">pdf</a>]</dt>
        <dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> Paper ${i + 1}</div>
        <div class="list-authors"><a href="https://arxiv.org/a/x">Author ${i + 1}</a></div>
        <div class="list-subjects"><span class="descriptor">Subjects:</span> Machine Learning (cs.LG)</div></div></dd>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Machine Learning</title></head>
    <body><div id="dlpage"><h1>Machine Learning</h1><dl id="articles">${entries}</dl></div></body></html>`;
}

test('a long listing: chips for the first screens at load, the others as the reader scrolls to them', async ({
  hf,
  launch,
}) => {
  const { context } = await start(launch, hf);
  // The feed's papers first (they get upvote chips), then made-up ids, 120 entries in all.
  const ids = [
    ...realDay.map((item) => item.paper.id),
    ...Array.from({ length: 120 - realDay.length }, (_, i) => `2411.${String(10000 + i)}`),
  ];
  const url = 'https://arxiv.org/list/cs.LG/pastweek';
  await context.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: longListing(ids) }),
  );
  const tab = await context.newPage();
  await tab.goto(url);
  const ui = await pageUi(tab);
  await expect.poll(async () => (await readChips(ui)).filter((chip) => chip.label).length).toBeGreaterThan(0);
  // Which entries have a chip: the host follows the entry's link.
  const chipped = () =>
    tab.evaluate(() =>
      [...document.querySelectorAll('dl dt a[href*="/abs/"]')].map(
        (a) => a.nextElementSibling?.localName === 'paperpulse-chip',
      ),
    );
  const atLoad = await chipped();
  const firstScreen = await tab.evaluate(
    () =>
      [...document.querySelectorAll('dl dt a[href*="/abs/"]')].filter(
        (a) => a.getBoundingClientRect().top < innerHeight,
      ).length,
  );
  expect(firstScreen).toBeGreaterThan(2);
  expect(atLoad.slice(0, firstScreen).every(Boolean)).toBe(true);
  expect(atLoad.filter(Boolean).length).toBeLessThan(ids.length / 2);
  // Scrolled through, screen by screen, every entry has its chip, named and in its state.
  for (let y = 0; y < (await tab.evaluate(() => document.body.scrollHeight)); y += 600) {
    await tab.evaluate((top) => scrollTo(0, top), y);
    await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
  await expect.poll(async () => (await chipped()).every(Boolean)).toBe(true);
  const chips = await readChips(ui);
  expect(chips).toHaveLength(ids.length);
  expect(chips.every((chip) => chip.label?.startsWith('Bookmark') && chip.pressed)).toBe(true);
  // The feed's papers among them show their upvotes, whenever their chip was drawn.
  expect(chips.filter((chip) => /^\d+$/.test(chip.upvotes ?? '')).length).toBe(realDay.length);
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
