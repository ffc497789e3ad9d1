import type { BrowserContext } from '@playwright/test';

/**
 * A timing observer the bench puts into a page before any of the page's own scripts run (CDP
 * `Page.addScriptToEvaluateOnNewDocument`), so that the popup and the blank page are timed the same
 * way, from outside, without the app's own marks:
 *
 * - `shownAt`: performance.now() two animation frames after `shown` first appears in the page's
 *   text: the first frame callback runs before the frame that draws it, the second once that frame
 *   has been produced.
 * - then, when `typed` is given, the observer types it into the page's first search box (sets the
 *   value and fires `input`, as typing does) and `answeredAt` is two frames after the page's text
 *   holds `answer` and no longer holds `shown`: the search has been answered from the data.
 */
export interface TextTiming {
  appearedAt?: number;
  /** Date.now() at appearedAt, to compare with DevTools' network timestamps. */
  appearedWall?: number;
  shownAt?: number;
  typedAt?: number;
  answeredAt?: number;
}

export interface ObserverSpec {
  shown: string;
  typed?: string;
  answer?: string;
}

function observer(spec: ObserverSpec) {
  const result: Record<string, number> = {};
  (window as unknown as { __benchTiming: Record<string, number> }).__benchTiming = result;
  const afterTwoFrames = (then: (at: number) => void) =>
    requestAnimationFrame(() => requestAnimationFrame(() => then(performance.now())));
  const text = () => document.body?.textContent ?? '';
  let seen = false;
  let typed = false;
  let answered = false;
  const type = () => {
    const box = document.querySelector<HTMLInputElement>('input[type="search"]');
    if (!box) return false;
    box.value = spec.typed!;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    result.typedAt = performance.now();
    return true;
  };
  const check = () => {
    if (!seen && text().includes(spec.shown)) {
      seen = true;
      result.appearedAt = performance.now();
      result.appearedWall = Date.now();
      afterTwoFrames((at) => {
        result.shownAt = at;
        if (spec.typed) typed = type();
        check();
      });
    }
    if (spec.typed && result.shownAt !== undefined && !typed) typed = type();
    if (typed && !answered) {
      const now = text();
      if (now.includes(spec.answer!) && !now.includes(spec.shown)) {
        answered = true;
        afterTwoFrames((at) => (result.answeredAt = at));
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
}

export interface Request {
  url: string;
  /** ms since the epoch. */
  wallTime: number;
}

/**
 * Opens `url` in a new 420 × 600 tab (the toolbar popup's size) with the observer in it and returns
 * its timings once all are in. `recordRequests` also lists what the tab requested, through the CDP
 * Network domain (it has a cost of its own: use it on a run that is not measured).
 */
export async function timeTextInNewTab(
  context: BrowserContext,
  url: string,
  spec: ObserverSpec,
  { recordRequests = false } = {},
): Promise<{ timing: TextTiming; requests: Request[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  try {
    await page.setViewportSize({ width: 420, height: 600 });
    const cdp = await context.newCDPSession(page);
    const requests: Request[] = [];
    if (recordRequests) {
      cdp.on('Network.requestWillBeSent', (event) =>
        requests.push({ url: event.request.url, wallTime: event.wallTime * 1000 }),
      );
      await cdp.send('Network.enable');
    }
    // Page must be enabled in this session for the script to follow the tab into the extension's process.
    await cdp.send('Page.enable');
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
      source: `(${observer.toString()})(${JSON.stringify(spec)});`,
    });
    await page.goto(url, { waitUntil: 'load' });
    const done = (timing: TextTiming) =>
      timing.shownAt !== undefined && (!spec.typed || timing.answeredAt !== undefined);
    const deadline = Date.now() + 15_000;
    let timing: TextTiming = {};
    while (!done(timing)) {
      if (Date.now() > deadline) {
        const state = await page.evaluate(() => ({
          observer: '__benchTiming' in window,
          text: document.body?.textContent?.replace(/\s+/g, ' ').slice(0, 300),
        }));
        throw new Error(
          `${url}: timed out, timing ${JSON.stringify(timing)}, page ${JSON.stringify(state)}, errors ${JSON.stringify(errors)}`,
        );
      }
      await page.waitForTimeout(50);
      timing = await page.evaluate(() => ({
        ...(window as unknown as { __benchTiming: TextTiming }).__benchTiming,
      }));
    }
    await cdp.detach();
    return { timing, requests };
  } finally {
    await page.close();
  }
}
