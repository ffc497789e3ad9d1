import { expect, launchWithFeed, openPopup, readJson, servePage, test, waitForFeed } from './support/test';

type Item = { paper: { id: string; title: string; upvotes: number } };
const realDay = readJson<Item[]>('tests/fixtures/feed/hf-daily-2024-10-25.json');
const seed = readJson<Item[]>('tests/fixtures/feed/seed-listing.json');
const topics = readJson<{ topics: Record<string, string> }>('tests/fixtures/related-topics.json').topics;

test.describe('Trending', () => {
  test('day navigation, week view, search and keyboard', async ({ hf, launch }) => {
    const { context, extensionId } = await launchWithFeed({ hf, launch }, { 0: realDay, [-1]: seed });
    const popup = await openPopup(context, extensionId);
    const rows = popup.locator('#panel-trending .paper-row');
    await expect(rows.first()).toBeVisible();
    // A day's list is short enough to be rendered whole (lists are virtualised from 60 rows).
    await expect(popup.locator('#panel-trending [aria-label^="Daily Papers"] > li')).toHaveCount(
      realDay.length,
    );
    const ranked = [...realDay].sort((a, b) => b.paper.upvotes - a.paper.upvotes);
    await expect(rows.first().locator('.title')).toContainText(
      ranked[0]!.paper.title.replace(/\s+/g, ' ').slice(0, 30),
    );

    // Previous day: yesterday's (seed) papers.
    await popup.getByRole('button', { name: 'Previous day' }).click();
    const seedTop = [...seed].sort((a, b) => b.paper.upvotes - a.paper.upvotes)[0]!;
    await expect(popup.locator(`#panel-trending [data-paper-id="${seedTop.paper.id}"]`)).toHaveCount(1);
    await popup.getByRole('button', { name: 'Next day' }).click();
    await expect(popup.locator(`#panel-trending [data-paper-id="${ranked[0]!.paper.id}"]`)).toHaveCount(1);

    // Week: both days merged by upvotes.
    await popup.getByRole('button', { name: 'Week' }).click();
    await expect(popup.locator('#panel-trending .day-heading')).toContainText('Week');
    // The heading follows the button at once; the list follows when the week's rows are read.
    await expect(popup.locator('#panel-trending .virtual-row').first()).toHaveAttribute(
      'aria-setsize',
      String(realDay.length + seed.length),
    );

    // Search filters as you type, `/` focuses it.
    await popup.locator('body').click();
    await popup.keyboard.press('/');
    await expect(popup.getByRole('searchbox')).toBeFocused();
    await popup.keyboard.type('sarathi');
    await expect(popup.locator('#panel-trending .paper-row')).toHaveCount(2);

    // A pasted arXiv URL shows that paper, ready to bookmark.
    await popup.getByRole('searchbox').fill('https://arxiv.org/pdf/2403.02310v2');
    const lookup = popup.locator('.lookup');
    await expect(lookup).toContainText('Sarathi-Serve');
    await lookup.getByRole('button', { name: /^Bookmark:/ }).click();
    await expect(lookup.getByRole('button', { name: /^Bookmark:/ })).toHaveAttribute('aria-pressed', 'true');

    // Keyboard: ↓ moves between rows, → expands, b bookmarks.
    await popup.getByRole('searchbox').fill('');
    const first = popup.locator('#panel-trending .virtual-row').first();
    await first.focus();
    await popup.keyboard.press('ArrowDown');
    const second = popup.locator('#panel-trending .virtual-row[data-index="1"]');
    await expect(second).toBeFocused();
    await popup.keyboard.press('ArrowRight');
    await expect(second.locator('.details')).toBeVisible();
    await expect(second.locator('.details a', { hasText: 'PDF' })).toHaveAttribute(
      'href',
      /arxiv\.org\/pdf\//,
    );
    await popup.keyboard.press('b');
    await expect(second.locator('.star')).toHaveAttribute('aria-pressed', 'true');
  });

  test('a weekend: the latest weekday is shown', async ({ hf, launch }) => {
    // Nothing today or yesterday; papers three days ago.
    const { context, extensionId } = await launchWithFeed({ hf, launch }, { [-3]: realDay });
    const popup = await openPopup(context, extensionId);
    await expect(popup.locator('#panel-trending .paper-row').first()).toBeVisible();
    await expect(popup.locator('.quiet-note')).toContainText('weekends and holidays');
    expect(hf.askedOffsets.every((offset) => offset !== undefined && offset <= 0)).toBe(true);
  });
});

test.describe('Related', () => {
  test('on the arXiv page of a chunked-prefill serving paper, its sibling serving papers rank first', async ({
    hf,
    launch,
  }) => {
    const { context, extensionId } = await launchWithFeed({ hf, launch }, { 0: realDay, [-1]: seed });
    await servePage(context, 'https://arxiv.org/abs/2403.02310', 'arxiv-abs-2403.02310.html');
    const page = await context.newPage();
    await page.goto('https://arxiv.org/abs/2403.02310');
    await expect(page.locator('paperpulse-annotation')).toHaveCount(1);

    const popup = await openPopup(context, extensionId);
    await popup.getByRole('tab', { name: 'Related' }).click();
    await expect(popup.locator('.related-basis')).toContainText('Sarathi-Serve');
    const related = popup.locator('#panel-related .paper-row');
    await expect(related.first()).toBeVisible();
    const ids = await related.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-paper-id')));
    expect(ids).not.toContain('2403.02310');
    const top3 = ids.slice(0, 3).map((id) => topics[id!]);
    expect(top3).toEqual(['llm-serving', 'llm-serving', 'llm-serving']);
    await expect(related.first().locator('.term').first()).toBeVisible();
  });

  test('when the tab is not a paper, related titles for the latest bookmark, saying so', async ({
    hf,
    launch,
  }) => {
    const { context, extensionId } = await launchWithFeed({ hf, launch }, { 0: realDay, [-1]: seed });
    const popup = await openPopup(context, extensionId);
    await popup.getByRole('searchbox').fill('1607.06450');
    await popup
      .locator('.lookup')
      .getByRole('button', { name: /^Bookmark:/ })
      .click();
    await popup.getByRole('tab', { name: 'Related' }).click();
    await expect(popup.locator('.related-basis')).toContainText('latest bookmark');
    await expect(popup.locator('.related-basis')).toContainText('Layer Normalization');
  });
});

test('watched topics: rows are marked, Trending filters to them, a keyword chip watches its keyword', async ({
  hf,
  launch,
}) => {
  // Two papers of the real day get keywords no other paper's title or abstract has.
  const withKeywords = realDay.map((item, i) =>
    i === 3 || i === 9
      ? { ...item, paper: { ...item.paper, ai_keywords: ['quokka tracking', `marsupial study ${i}`] } }
      : item,
  );
  const { context, extensionId } = await launchWithFeed({ hf, launch }, { 0: withKeywords });
  const popup = await openPopup(context, extensionId);
  const trending = popup.locator('#panel-trending');
  await expect(trending.locator('.paper-row').first()).toBeVisible();
  // No watched topics: no marks, and no filter to offer.
  await expect(trending.locator('.watched-mark')).toHaveCount(0);
  await expect(popup.getByRole('button', { name: 'Watched only' })).toHaveCount(0);

  // The options page's box, as the user fills it; the open popup follows at once.
  await popup.evaluate(() =>
    chrome.storage.local.set({ settings: { version: 2, watchedTopics: ['Quokkas'] } }),
  );
  const marked = trending.locator('.paper-row:has(.watched-mark)');
  await expect(marked).toHaveCount(2);
  await expect(marked.first().locator('.watched-mark')).toHaveText('◆ On your watched topics: Quokkas');
  const ids = [realDay[3]!.paper.id, realDay[9]!.paper.id];
  expect(await marked.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-paper-id')))).toEqual(
    expect.arrayContaining(ids),
  );

  const filter = popup.getByRole('button', { name: 'Watched only' });
  await filter.click();
  await expect(filter).toHaveAttribute('aria-pressed', 'true');
  await expect(trending.locator('.paper-row')).toHaveCount(2);

  // Expand one and watch one of its keywords from its chip.
  const row = trending.locator(`.paper-row[data-paper-id="${ids[1]}"]`);
  await row.getByRole('button', { name: /^Show abstract/ }).click();
  const chip = row.getByRole('button', { name: 'marsupial study 9' });
  await expect(chip).toHaveAttribute('aria-pressed', 'false');
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  const stored = await popup.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
  expect((stored as { watchedTopics: string[] }).watchedTopics).toEqual(['Quokkas', 'marsupial study 9']);
  await expect(row.locator('.watched-mark')).toHaveText(
    '◆ On your watched topics: Quokkas, marsupial study 9',
  );
  // For a look at it (test-results/…/watched-topics.png).
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.screenshot({ path: test.info().outputPath('watched-topics.png') });

  // Filter off: every paper again.
  await filter.click();
  await expect(trending.locator('.paper-row')).toHaveCount(realDay.length);
});

test('the popup follows the system dark theme', async ({ hf, launch }) => {
  hf.serveDays({ 0: realDay });
  const { context, extensionId } = await launch({ colorScheme: 'dark' });
  await waitForFeed(context);
  const popup = await openPopup(context, extensionId);
  await expect(popup.locator('.paper-row').first()).toBeVisible();
  const background = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(22, 24, 29)');
});
