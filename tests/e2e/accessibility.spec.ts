import type { Page } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { CARD, CHIP, pageUi, readChips, waitForCard } from './support/card';
import { expect, launchWithFeed, openPopup, readJson, servePage, test } from './support/test';

const realDay = readJson('tests/fixtures/feed/hf-daily-2024-10-25.json');

/**
 * Closed shadow roots are closed to axe too. In the content script's own world (which the
 * DevTools protocol can enter) the card's root is reachable through chrome.dom: an exact copy of
 * it, styles included, goes into an open root next to the card, in the page, and axe audits that.
 */
async function openCopies(page: Page, tag: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const isolated = contexts.find(
    (context) => context.auxData?.type === 'isolated' && context.name === 'PaperPulse',
  );
  if (!isolated) throw new Error('no PaperPulse content-script world in this page');
  const { result } = await cdp.send('Runtime.evaluate', {
    contextId: isolated.id,
    returnByValue: true,
    expression: `(() => {
      let copies = 0;
      for (const host of document.querySelectorAll(${JSON.stringify(tag)})) {
        const root = chrome.dom.openOrClosedShadowRoot(host);
        if (!root) continue;
        const copy = document.createElement('axe-copy');
        copy.setAttribute('data-copy-of', ${JSON.stringify(tag)});
        const open = copy.attachShadow({ mode: 'open' });
        open.adoptedStyleSheets = root.adoptedStyleSheets;
        for (const node of root.childNodes) open.append(node.cloneNode(true));
        host.after(copy);
        copies++;
      }
      return copies;
    })()`,
  });
  await cdp.detach();
  return result.value as number;
}

test('the popup’s four tabs and the options page, light and dark: no serious or critical violation', async ({
  hf,
  launch,
}) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    hf.serveDays({ 0: realDay });
    const { context, extensionId } = await launch({ colorScheme });
    await expect
      .poll(async () => await context.serviceWorkers()[0]!.evaluate(() => chrome.action.getBadgeText({})))
      .not.toBe('');
    const popup = await openPopup(context, extensionId);
    await expect(popup.locator('.paper-row').first()).toBeVisible();
    // One bookmark, so the Bookmarks tab has a row to audit.
    await popup.locator('.paper-row').first().locator('.star').click();
    for (const tab of ['Trending', 'Trends', 'Related', 'Bookmarks']) {
      await popup.getByRole('tab', { name: new RegExp(tab) }).click();
      await popup.waitForTimeout(400);
      expect(await seriousViolations(popup), `${tab}, ${colorScheme}`).toEqual([]);
    }
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByRole('heading', { name: 'PaperPulse options' })).toBeVisible();
    expect(await seriousViolations(options), `options, ${colorScheme}`).toEqual([]);
    await context.close();
  }
});

test('the card and the listing chips: no serious or critical violation', async ({ hf, launch }) => {
  const { context } = await launchWithFeed({ hf, launch }, { 0: realDay });
  await servePage(context, 'https://arxiv.org/abs/2410.17243', 'arxiv-abs-2410.17243.html');
  await servePage(context, 'https://arxiv.org/list/cs.LG/new', 'arxiv-list-cs.LG-new.html');
  const paper = await context.newPage();
  await paper.goto('https://arxiv.org/abs/2410.17243');
  await waitForCard(await pageUi(paper));
  expect(await openCopies(paper, CARD)).toBe(1);
  expect(await seriousViolations(paper, 'axe-copy')).toEqual([]);

  const listing = await context.newPage();
  await listing.goto('https://arxiv.org/list/cs.LG/new');
  const ui = await pageUi(listing);
  await expect.poll(async () => (await readChips(ui)).length).toBeGreaterThan(0);
  expect(await openCopies(listing, CHIP)).toBeGreaterThan(0);
  expect(await seriousViolations(listing, 'axe-copy')).toEqual([]);
});
