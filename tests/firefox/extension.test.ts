import { readFileSync } from 'node:fs';
import type Browser from 'webextension-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAPER_URL_CASES } from '../cases/paper-urls';
import { ConsoleLog, formatEntries } from './support/console-log';
import { evaluate, Watcher, type TargetForm } from './support/devtools';
import {
  EXTENSION_DIR,
  installedFirefoxes,
  launchFirefox,
  NO_FIREFOX_MESSAGE,
  type RunningFirefox,
} from './support/firefox';
import { RdpClient } from './support/rdp-client';
import { StandInServer } from './support/stand-in-server';
import { waitFor } from './support/wait';

/** The functions sent to the extension run where `browser` is Firefox's promise-based API (wxt's
 *  global `browser` is typed after Chrome's). */
declare const browser: Browser.Browser;

const ADDON_ID = 'paperpulse@paperpulse.dev';
const realDay = JSON.parse(readFileSync('tests/fixtures/feed/hf-daily-2024-10-25.json', 'utf8')) as {
  paper: { id: string; title: string; upvotes: number };
}[];
/** All 29 items of the fixture are valid and distinct (tests/fixtures/README.md). */
const PAPERS_IN_FEED = 29;
const mostUpvoted = [...realDay].sort((a, b) => b.paper.upvotes - a.paper.upvotes)[0]!.paper;
const arxivPage = PAPER_URL_CASES.find(
  (c) => c.url === 'https://arxiv.org/abs/2410.17243' && c.page === 'arxiv-abs-2410.17243.html',
)!;
const arxivPaper = realDay.find((item) => `arxiv:${item.paper.id}` === arxivPage.key)!.paper;
const CONSOLE_MARKER = 'PaperPulse Firefox test: watching this console';

const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

const firefoxes = installedFirefoxes();

if (!firefoxes.length) {
  it('finds a Firefox to test with', () => {
    expect.fail(NO_FIREFOX_MESSAGE);
  });
}

for (const firefox of firefoxes) {
  describe(`the built extension in Firefox ${firefox.version}`, () => {
    const server = new StandInServer();
    let running: RunningFirefox | undefined;
    let client: RdpClient | undefined;
    let installedId: string;
    let background: TargetForm;
    let consoleLog: ConsoleLog;

    const inBackground = <R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      evaluate(client!, background, fn, arg);
    const badge = () => inBackground(() => browser.browserAction.getBadgeText({}));

    beforeAll(async () => {
      // Today as the stand-in sees it at each request (tests/e2e/support/hf-server.ts), so a run
      // across midnight (UTC) sees the same feed.
      server.huggingFace.serveDays({ 0: realDay });
      server.servePage(arxivPage.url, arxivPage.page!);
      await server.start();
      running = await launchFirefox(firefox, { resolveAllHostsTo: server.address });
      installedId = await running.browser.installExtension(EXTENSION_DIR).catch((error: unknown) => {
        throw new Error(`Firefox ${firefox.version} did not install ${EXTENSION_DIR}`, { cause: error });
      });
      client = await RdpClient.connect(running.debuggerPort);
      const addon = await Watcher.forAddon(client, ADDON_ID);
      consoleLog = new ConsoleLog(client);
      await addon.watchTargets('frame');
      await consoleLog.follow(addon);
      background = await addon.target(
        (target) => !!target.url?.endsWith('/_generated_background_page.html'),
        'the background page',
      );
      // Proves the log is live, so an empty list of errors at the end means something.
      await inBackground((marker) => console.info(marker), CONSOLE_MARKER);
    });

    afterAll(async () => {
      client?.close();
      await running?.close();
      await server.stop();
    });

    it('installs, and its background page runs', () => {
      expect(installedId).toBe(ADDON_ID);
      expect(background.url).toMatch(/^moz-extension:\/\/[\w-]+\/_generated_background_page\.html$/);
    });

    it('fetches the Daily Papers from the stand-in for huggingface.co and badges the papers', async () => {
      const text = await waitFor(badge, (value) => value !== '', 'the badge to show a count');
      expect(text).toBe(String(PAPERS_IN_FEED));
      // Today was asked for, and never a day after it.
      expect(server.huggingFace.askedOffsets).toContain(0);
      expect(server.huggingFace.askedOffsets.every((offset) => offset !== undefined && offset <= 0)).toBe(
        true,
      );
    });

    it('the popup lists the papers, the most upvoted first, and opening it clears the badge', async () => {
      await inBackground(async () => {
        await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
      });
      // The popup is an extension page: the background can read its document.
      const readPopup = () =>
        inBackground(() => {
          const popup = browser.extension
            .getViews({ type: 'tab' })
            .find((view) => view.location.pathname === '/popup.html');
          return popup
            ? [...popup.document.querySelectorAll('.paper-row')].map((row) => ({
                title: row.querySelector('.title')?.textContent,
                upvotes: row.querySelector('.upvotes')?.textContent,
              }))
            : null;
        });
      const rows = await waitFor(
        readPopup,
        (value): value is NonNullable<typeof value> => value?.length === PAPERS_IN_FEED,
        `the popup to list ${PAPERS_IN_FEED} papers`,
      );
      expect(collapse(rows[0]!.title)).toBe(collapse(mostUpvoted.title));
      const upvotes = rows.map((row) => Number((row.upvotes ?? '').replace(/\D/g, '')));
      expect(upvotes[0]).toBe(mostUpvoted.upvotes);
      expect(upvotes).toEqual([...upvotes].sort((a, b) => b - a));
      await waitFor(badge, (value) => value === '', 'the badge to clear once the popup opened');
    });

    it('an arXiv abstract page gets the card, with the paper’s upvotes and a bookmark button', async () => {
      const page = await running!.browser.newPage();
      await page.goto(arxivPage.url);
      const tab = await Watcher.forTab(client!, arxivPage.url);
      await tab.watchTargets('frame');
      await tab.watchTargets('content_script');
      await consoleLog.follow(tab);
      const contentScript = await tab.target(
        (target) => target.addonId === ADDON_ID,
        'PaperPulse’s content script in the arXiv tab',
      );
      // The tab's own frame carries what the content script prints; its sandbox is a target of its own,
      // where openOrClosedShadowRoot sees the card's shadow root even once it is closed.
      const readCard = () =>
        evaluate(client!, contentScript, () => {
          const hosts = document.querySelectorAll('paperpulse-annotation');
          const root = (hosts[0] as (Element & { openOrClosedShadowRoot?: ShadowRoot | null }) | undefined)
            ?.openOrClosedShadowRoot;
          if (!root) return { cards: hosts.length, rendered: false };
          return {
            cards: hosts.length,
            rendered: !!root.querySelector('button'),
            upvotes: root.querySelector('.upvotes')?.textContent,
            rank: root.querySelector('.rank')?.textContent,
            buttons: [...root.querySelectorAll('button')].map((button) => ({
              name: button.getAttribute('aria-label') ?? button.textContent,
              visible: button.getClientRects().length > 0,
            })),
            // The card's stylesheet applies (adopted, or a <style> where Firefox refuses that).
            display: getComputedStyle(root.querySelector('.card')!).display,
            closed: hosts[0]!.shadowRoot === null,
          };
        });
      const card = await waitFor(
        readCard,
        (value) => value.rendered,
        'the PaperPulse card on the arXiv page',
      );
      expect(card.cards).toBe(1);
      expect(card.upvotes).toBe(String(arxivPaper.upvotes));
      expect(card.rank).toContain('on Daily Papers');
      expect(card.buttons).toContainEqual({ name: expect.stringMatching(/bookmark/i), visible: true });
      expect(card.display).toBe('flex');
      expect(card.closed).toBe(true);
    });

    it('prints no errors: background page, popup, and the arXiv tab with the content script', () => {
      expect(consoleLog.entries.map((entry) => entry.text)).toContain(CONSOLE_MARKER);
      const errors = consoleLog.errors();
      expect(errors, `console errors:\n${formatEntries(errors)}`).toEqual([]);
    });
  });
}
