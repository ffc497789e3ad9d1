import type { Page } from '@playwright/test';
import { CARD, CHIP, clickBookmark, pageUi, readCard, readChips, waitForCard } from './support/card';
import {
  expect,
  launchWithFeed,
  openPopup,
  readJson,
  servePage,
  storedBookmarks,
  test,
} from './support/test';

const realDay = readJson('tests/fixtures/feed/hf-daily-2024-10-25.json');
const PAPER = 'https://arxiv.org/abs/2410.17243';
const LISTING = 'https://arxiv.org/list/cs.LG/new';

/**
 * What a script of the page can do to PaperPulse's UI, run in the page's own world: reach into
 * it, press it, type at it, and read what it can of it.
 */
async function attack(tab: Page, tag: string) {
  return tab.evaluate(async (tag) => {
    const hosts = [...document.querySelectorAll<HTMLElement>(tag)];
    const reachable = hosts.map((host) => host.shadowRoot !== null);
    for (const host of hosts) {
      host.click();
      const box = host.getBoundingClientRect();
      // A click where the button is drawn, as far as the page can aim one.
      const target = document.elementFromPoint(box.right - 20, box.top + box.height / 2) ?? host;
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
        target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true }));
      }
      host.focus();
      for (const key of ['Enter', ' ', 'b']) {
        host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        document.activeElement?.dispatchEvent(
          new KeyboardEvent('keydown', { key, bubbles: true, composed: true }),
        );
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    return {
      count: hosts.length,
      reachable,
      recorded: (window as { __roots?: number }).__roots ?? 0,
      // Everything the page can observe of a host: its markup, size and style.
      observed: hosts.map((host) => {
        const { width, height } = host.getBoundingClientRect();
        return { html: host.outerHTML, width, height, display: getComputedStyle(host).display };
      }),
    };
  }, tag);
}

/**
 * Before anything of ours runs, the page wraps attachShadow to keep every root it can catch, and
 * listens for any message an extension might post to it (WXT's own context posts one naming the
 * extension id at every start; PaperPulse's does not).
 */
const SPY_ON_SHADOW_ROOTS = () => {
  const heard: string[] = [];
  (window as { __heard?: string[] }).__heard = heard;
  window.addEventListener('message', (event) => heard.push(JSON.stringify(event.data)));
  const original = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    (window as { __roots?: number }).__roots = ((window as { __roots?: number }).__roots ?? 0) + 1;
    return original.call(this, { ...init, mode: 'open' });
  };
};

test('page scripts can neither press nor read the card and the chips; a real click still bookmarks', async ({
  hf,
  launch,
}) => {
  const { context, extensionId } = await launchWithFeed({ hf, launch }, { 0: realDay });
  await context.addInitScript(SPY_ON_SHADOW_ROOTS);
  await servePage(context, PAPER, 'arxiv-abs-2410.17243.html');
  await servePage(context, LISTING, 'arxiv-list-cs.LG-new.html');
  const popup = await openPopup(context, extensionId);

  const tab = await context.newPage();
  await tab.goto(PAPER);
  const ui = await pageUi(tab);
  await waitForCard(ui);
  const before = await attack(tab, CARD);
  expect(before.count).toBe(1);
  expect(before.reachable).toEqual([false]);
  // Content scripts run in their own world: the page's wrapped attachShadow never saw our root,
  // and nothing of ours told the page it is there.
  expect(before.recorded).toBe(0);
  expect(await tab.evaluate(() => (window as { __heard?: string[] }).__heard)).toEqual([]);
  expect((await readCard(ui)).pressed).toBe('false');
  expect(await storedBookmarks(popup)).toEqual([]);
  // Even a script holding the button itself only makes untrusted clicks, which it ignores.
  await ui.syntheticClick((await readCard(ui)).button!);
  await tab.waitForTimeout(300);
  expect((await readCard(ui)).pressed).toBe('false');
  expect(await storedBookmarks(popup)).toEqual([]);

  // The user clicks for real: bookmarked. Nothing the page can observe tells the two states apart.
  expect((await clickBookmark(ui)).pressed).toBe('true');
  expect(await storedBookmarks(popup)).toHaveLength(1);
  const after = await attack(tab, CARD);
  expect(after.observed).toEqual(before.observed);
  // And the page's clicks did not remove it either.
  expect((await readCard(ui)).pressed).toBe('true');
  expect(await storedBookmarks(popup)).toHaveLength(1);

  // Listing chips: the same.
  const listing = await context.newPage();
  await listing.goto(LISTING);
  const listingUi = await pageUi(listing);
  await expect.poll(async () => (await readChips(listingUi)).length).toBeGreaterThan(2);
  const chipsBefore = await readChips(listingUi);
  const attacked = await attack(listing, CHIP);
  expect(attacked.reachable.every((reachable) => !reachable)).toBe(true);
  expect((await readChips(listingUi)).map((chip) => chip.pressed)).toEqual(
    chipsBefore.map((chip) => chip.pressed),
  );
  expect(await storedBookmarks(popup)).toHaveLength(1);
  await listingUi.click(chipsBefore[1]!.button!);
  await expect.poll(async () => (await readChips(listingUi))[1]!.pressed).toBe('true');
  expect(await storedBookmarks(popup)).toHaveLength(2);
});

test('a page never removes a bookmark that holds notes or tags: it offers to open PaperPulse', async ({
  hf,
  launch,
}) => {
  const { context, extensionId } = await launchWithFeed({ hf, launch }, { 0: realDay });
  await servePage(context, PAPER, 'arxiv-abs-2410.17243.html');
  const tab = await context.newPage();
  await tab.goto(PAPER);
  const ui = await pageUi(tab);
  await waitForCard(ui);
  await clickBookmark(ui);

  // A note, written in the popup.
  const popup = await openPopup(context, extensionId);
  await popup.getByRole('tab', { name: /Bookmarks/ }).click();
  const row = popup.locator('.bookmark-row').first();
  await row.getByRole('button', { name: /^Tags, note and links of/ }).click();
  const note = row.getByRole('textbox', { name: /^Note on/ });
  await note.fill('Compare with SigLIP');
  await note.blur();
  await expect
    .poll(async () => ((await storedBookmarks(popup))[0] as { note: string }).note)
    .toBe('Compare with SigLIP');

  // On the page, the user clicks to remove it: kept, and the card says where to do it.
  await ui.click((await readCard(ui)).button!);
  await expect.poll(async () => (await readCard(ui)).notice).toContain('has your notes or tags');
  expect((await readCard(ui)).pressed).toBe('true');
  expect(await storedBookmarks(popup)).toMatchObject([{ note: 'Compare with SigLIP' }]);

  const opened = context.waitForEvent('page');
  const card = await ui.hosts(CARD);
  const open = (await ui.find(
    CARD,
    (element) => element.localName === 'button' && element.text === 'Open in PaperPulse',
  ))!;
  expect(card).toHaveLength(1);
  await ui.click(open);
  const library = await opened;
  await library.waitForLoadState();
  expect(library.url()).toContain(`chrome-extension://${extensionId}/popup.html?panel=bookmarks&search=`);
  await expect(library.locator('.bookmark-row')).toHaveCount(1);
  await expect(library.getByRole('searchbox', { name: /Search bookmarks/ })).toHaveValue(
    /Breaking the Memory Barrier/,
  );
});
