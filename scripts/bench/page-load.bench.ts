import { test, type BrowserContext } from '@playwright/test';
import { FakeHuggingFace } from '../../tests/e2e/support/hf-server';
import { waitForFeed } from '../../tests/e2e/support/test';
import { BUDGETS } from './budgets';
import {
  contenders,
  fastForwardAlarms,
  launchBrowser,
  serviceWorker,
  servePagesOnly,
  type Contender,
  type LaunchedBrowser,
} from './browsers';
import { profile, selfTimesUnder, timeUnder } from './cpu-profile';
import { fixtureDay } from './feed-data';
import { benchPages, type Annotation, type BenchPage } from './pages';
import { ms, signedMs, writeResult, type Check, type Table } from './results';
import { median, summarize } from './stats';
import { untilQuiet } from './stand-in';

/**
 * Added main-thread time per page load, measured from outside as a performance reviewer would:
 * DevTools `Performance.getMetrics` one second after `load`, for PaperPulse and for the browsers it
 * is compared with (no extension, an extension whose content script is empty, and any BENCH_PEERS).
 *
 * How one load is measured: a new tab (about:blank) gets its own CDP session, `Performance.enable`
 * is sent, and the tab navigates to the page. The page is another site than about:blank, so it gets
 * a new renderer whose DevTools agent starts enabled and counts from zero: the metrics are this
 * load's alone. When `load` has fired and one more second has passed (the content scripts have run
 * as the page is parsed and PaperPulse has had its worker's answer and drawn), the metrics are read, then
 * the tab is closed. TaskDuration is every task of the renderer's main thread; ScriptDuration the
 * JavaScript (page and extension worlds); LayoutDuration + RecalcStyleDuration the layout and
 * style work, forced or not. These are wall-clock durations: on a busy machine a task that is
 * descheduled counts the wait, so ThreadTime (the main thread's CPU time) is reported next to them.
 *
 * Every browser is its own Chromium with its own profile, all kept open, and the loads alternate:
 * for each round, for each page, each browser in turn (the order rotating from round to round), so
 * whatever else the machine does falls on all of them alike. One round is a warm-up and is dropped.
 * A second, shorter pass runs the same loads under the V8 sampling profiler for the breakdown
 * column (the profiler's overhead must not touch the main figures).
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const PROFILE_RUNS = Number(process.env.BENCH_PROFILE_RUNS ?? 5);
const AFTER_LOAD_MS = 1000;

interface LoadMetrics {
  task: number;
  /** CPU time of the main thread (ThreadTime): steadier than task time when the machine is busy. */
  cpu: number;
  script: number;
  layout: number;
  style: number;
  layoutCount: number;
  styleCount: number;
}

const layoutStyle = (m: LoadMetrics) => m.layout + m.style;

async function withFreshTab<T>(
  context: BrowserContext,
  url: string,
  during: (cdp: import('@playwright/test').CDPSession, load: () => Promise<void>) => Promise<T>,
  check: (page: import('@playwright/test').Page) => Promise<void>,
): Promise<T> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const result = await during(cdp, async () => {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(AFTER_LOAD_MS);
    });
    await check(page);
    await cdp.detach();
    return result;
  } finally {
    await page.close();
  }
}

async function measureLoad(
  context: BrowserContext,
  url: string,
  check: (page: import('@playwright/test').Page) => Promise<void>,
) {
  return withFreshTab(
    context,
    url,
    async (cdp, load) => {
      await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
      await load();
      const { metrics } = await cdp.send('Performance.getMetrics');
      const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? NaN;
      return {
        task: value('TaskDuration') * 1000,
        cpu: value('ThreadTime') * 1000,
        script: value('ScriptDuration') * 1000,
        layout: value('LayoutDuration') * 1000,
        style: value('RecalcStyleDuration') * 1000,
        layoutCount: value('LayoutCount'),
        styleCount: value('RecalcStyleCount'),
      } satisfies LoadMetrics;
    },
    check,
  );
}

/** PaperPulse must have annotated the page as it should, or the load measured something else. */
function annotationCheck(contender: Contender, page: BenchPage) {
  return async (tab: import('@playwright/test').Page) => {
    if (contender.kind !== 'paperpulse') return;
    const found = await tab.evaluate(() => {
      const entries = [...document.querySelectorAll('dl dt a[href*="/abs/"]')];
      const chipped = (a: Element) => a.nextElementSibling?.localName === 'paperpulse-chip';
      return {
        card: document.querySelectorAll('paperpulse-annotation').length,
        chips: document.querySelectorAll('paperpulse-chip').length,
        // Chips go in as their entries come near the viewport: every entry on screen has one.
        onScreen: entries.filter((a) => a.getBoundingClientRect().top < innerHeight).length,
        onScreenChipped: entries.filter((a) => a.getBoundingClientRect().top < innerHeight && chipped(a))
          .length,
      };
    });
    const expected: Record<Annotation, boolean> = {
      card: found.card === 1,
      chips: found.onScreen > 0 && found.onScreenChipped === found.onScreen,
      nothing: found.card + found.chips === 0,
    };
    if (!expected[page.paperpulse]) {
      throw new Error(
        `PaperPulse on ${page.url}: expected ${page.paperpulse}, found ${JSON.stringify(found)}`,
      );
    }
  };
}

/** The browsers whose extension has JavaScript to profile (the empty content script has none). */
const profiledBrowsers = (browsers: readonly Contender[]) =>
  browsers.filter((contender) => contender.kind === 'paperpulse' || contender.kind === 'peer');

/** Rotates `items` by `round`, so no browser is always first after a page change. */
const rotated = <T>(items: readonly T[], round: number) =>
  items.map((_, i) => items[(i + round) % items.length]!);

test('added main-thread time per page load', async () => {
  const pages = benchPages();
  const browsers = contenders();
  test.setTimeout((RUNS + 1 + PROFILE_RUNS) * pages.length * browsers.length * 5_000 + 120_000);

  const hf = await new FakeHuggingFace().start();
  hf.serveDays({ 0: fixtureDay() });
  const launched = new Map<string, LaunchedBrowser>();
  try {
    for (const contender of browsers) {
      const browser = await launchBrowser({ extensionDir: contender.extensionDir, hfPort: hf.port });
      launched.set(contender.id, browser);
      await servePagesOnly(browser.context, pages);
      if (contender.kind === 'paperpulse') {
        const worker = (await serviceWorker(browser.context))!;
        // Keep the feed 14 days: the backfill of the default 90 goes on for a quarter of an hour
        // within the request cap, which is not what a page load costs. Page loads do not read it.
        await worker.evaluate(() =>
          chrome.storage.local.set({ settings: { version: 2, retentionDays: 14 } }),
        );
        await waitForFeed(browser.context);
        // The first refresh leaves a follow-up for the rest of its backfill: run it now, not mid-bench.
        await fastForwardAlarms(
          worker,
          () => untilQuiet(hf),
          undefined,
          () => hf.feedRequests().length,
        );
      } else {
        await serviceWorker(browser.context, 2_000);
      }
    }

    const samples: Record<string, Record<string, LoadMetrics[]>> = {};
    for (let round = 0; round <= RUNS; round++) {
      for (const page of pages) {
        for (const contender of rotated(browsers, round)) {
          const metrics = await measureLoad(
            launched.get(contender.id)!.context,
            page.url,
            annotationCheck(contender, page),
          );
          if (round === 0) continue; // warm-up
          ((samples[page.id] ??= {})[contender.id] ??= []).push(metrics);
        }
      }
    }

    // The breakdown: JavaScript under the extension's own scripts (each browser has one extension).
    const profiled = profiledBrowsers(browsers);
    const profileMs: Record<string, Record<string, number[]>> = {};
    const hotspots: Record<string, Record<string, Map<string, number>>> = {};
    for (let round = 0; round < PROFILE_RUNS; round++) {
      for (const page of pages) {
        for (const contender of rotated(profiled, round)) {
          const cpu = await withFreshTab(
            launched.get(contender.id)!.context,
            page.url,
            (cdp, load) => profile(cdp, load),
            async () => undefined,
          );
          ((profileMs[page.id] ??= {})[contender.id] ??= []).push(timeUnder(cpu, 'chrome-extension://'));
          const totals = ((hotspots[page.id] ??= {})[contender.id] ??= new Map());
          for (const [frame, ms] of selfTimesUnder(cpu, 'chrome-extension://'))
            totals.set(frame, (totals.get(frame) ?? 0) + ms / PROFILE_RUNS);
        }
      }
    }

    writeResult('page-load', report(pages, browsers, samples, profileMs, hotspots));
  } finally {
    for (const browser of launched.values()) await browser.context.close().catch(() => undefined);
    await hf.stop();
  }
});

function report(
  pages: BenchPage[],
  browsers: Contender[],
  samples: Record<string, Record<string, LoadMetrics[]>>,
  profileMs: Record<string, Record<string, number[]>>,
  hotspots: Record<string, Record<string, Map<string, number>>>,
) {
  const tables: Table[] = [];
  const checks: Check[] = [];
  const added: Record<
    string,
    Record<string, { task: number; script: number; layoutStyle: number; cpu: number }>
  > = {};
  const pick = (page: string, contender: string, of: (m: LoadMetrics) => number) =>
    samples[page]![contender]!.map(of);
  const cell = (values: number[]) => {
    const s = summarize(values);
    return `${s.median.toFixed(1)} (${s.p25.toFixed(1)}–${s.p75.toFixed(1)})`;
  };
  for (const page of pages) {
    const base = (contender: string, of: (m: LoadMetrics) => number) => median(pick(page.id, contender, of));
    const rows = browsers.map((contender) => {
      const of = (fn: (m: LoadMetrics) => number) => pick(page.id, contender.id, fn);
      const addedVs = (baseline: string, fn: (m: LoadMetrics) => number) =>
        median(of(fn)) - base(baseline, fn);
      (added[page.id] ??= {})[contender.id] = {
        task: addedVs('none', (m) => m.task),
        script: addedVs('none', (m) => m.script),
        layoutStyle: addedVs('none', layoutStyle),
        cpu: addedVs('none', (m) => m.cpu),
      };
      const profiled = profileMs[page.id]?.[contender.id];
      return [
        contender.label,
        cell(of((m) => m.task)),
        cell(of((m) => m.script)),
        cell(of(layoutStyle)),
        cell(of((m) => m.cpu)),
        `${median(of((m) => m.layoutCount))} / ${median(of((m) => m.styleCount))}`,
        contender.kind === 'none' ? '—' : signedMs(addedVs('none', (m) => m.task)),
        contender.kind === 'none' || contender.kind === 'empty'
          ? '—'
          : signedMs(addedVs('empty', (m) => m.task)),
        contender.kind === 'none' ? '—' : signedMs(addedVs('none', (m) => m.script)),
        contender.kind === 'none' ? '—' : signedMs(addedVs('none', layoutStyle)),
        contender.kind === 'none' ? '—' : signedMs(addedVs('none', (m) => m.cpu)),
        profiled ? ms(median(profiled), 2) : '—',
      ];
    });
    tables.push({
      order: 20 + pages.indexOf(page),
      title: `Page load: ${page.label} (${page.url})`,
      note:
        `Main-thread time of one load, Performance.getMetrics 1 s after load, median (p25–p75) of ${RUNS} ` +
        `alternating loads per browser in one session; added = median minus the baseline's median. ` +
        `Profile = JavaScript under the extension's scripts in a V8 CPU profile, median of ${PROFILE_RUNS} ` +
        `separate loads (a breakdown, not the figure).`,
      columns: [
        'browser',
        'task ms',
        'script ms',
        'layout + style ms',
        'main-thread CPU ms',
        'layouts / style recalcs',
        'added task vs none',
        'added task vs empty',
        'added script vs none',
        'added layout + style vs none',
        'added CPU vs none',
        'profile: extension JS',
      ],
      rows,
    });
  }

  const top = (times: Map<string, number> | undefined, count = 6) =>
    [...(times ?? new Map<string, number>())]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([frame, ms]) => `${frame} ${ms.toFixed(1)}`)
      .join('; ');
  tables.push({
    order: 29,
    title: 'Page load: where the extensions’ script time goes (CPU profile)',
    note:
      `Self time (ms per load, mean of ${PROFILE_RUNS} profiled loads) of the functions found under the ` +
      `extension's scripts: its own (minified: file:line:column) and the browser's it calls, where forced ` +
      `style and layout show up. The six largest.`,
    columns: ['page', ...profiledBrowsers(browsers).map((contender) => contender.label)],
    rows: pages.map((page) => [
      page.label,
      ...profiledBrowsers(browsers).map((contender) => top(hotspots[page.id]?.[contender.id]) || '—'),
    ]),
  });

  const paperpulse = (page: string) => added[page]!.paperpulse!;
  const arxivUtils = browsers.find((contender) => /arxiv-utils/i.test(contender.label));
  for (const pageId of ['abs-in-feed', 'abs-not-in-feed']) {
    const label = pages.find((page) => page.id === pageId)!.label;
    checks.push({
      figure: `added task time, ${label}`,
      measured: signedMs(paperpulse(pageId).task),
      budget: `≤ ${BUDGETS.abstractAddedTaskMs} ms`,
      ok: paperpulse(pageId).task <= BUDGETS.abstractAddedTaskMs,
    });
    checks.push({
      figure: `added script time, ${label}`,
      measured: signedMs(paperpulse(pageId).script),
      budget: `≤ ${BUDGETS.abstractAddedScriptMs} ms`,
      ok: paperpulse(pageId).script <= BUDGETS.abstractAddedScriptMs,
    });
    if (arxivUtils) {
      const theirs = added[pageId]![arxivUtils.id]!.task;
      checks.push({
        figure: `added task time, ${label}, vs ${arxivUtils.label}`,
        measured: `${signedMs(paperpulse(pageId).task)} vs ${signedMs(theirs)}`,
        budget: `below ${arxivUtils.label}`,
        ok: paperpulse(pageId).task < theirs,
      });
    }
  }
  checks.push({
    figure: 'added task time, arXiv listing of 50 entries',
    measured: signedMs(paperpulse('listing-50').task),
    budget: `≤ ${BUDGETS.listingAddedTaskMs} ms`,
    ok: paperpulse('listing-50').task <= BUDGETS.listingAddedTaskMs,
  });
  checks.push({
    figure: 'added task time, supported page that is not a paper',
    measured: signedMs(paperpulse('not-a-paper').task),
    budget: `≤ ${BUDGETS.nonPaperAddedTaskMs} ms`,
    ok: paperpulse('not-a-paper').task <= BUDGETS.nonPaperAddedTaskMs,
  });

  return {
    tables,
    checks,
    data: {
      runs: RUNS,
      profileRuns: PROFILE_RUNS,
      browsers: browsers.map(({ id, label, kind }) => ({ id, label, kind })),
      pages: pages.map(({ id, label, url }) => ({ id, label, url })),
      addedVsNone: added,
      // By page, browser and metric: one array of loads each (round order).
      samples: Object.fromEntries(
        Object.entries(samples).map(([page, byBrowser]) => [
          page,
          Object.fromEntries(
            Object.entries(byBrowser).map(([browser, loads]) => [
              browser,
              Object.fromEntries(
                (Object.keys(loads[0]!) as (keyof LoadMetrics)[]).map((metric) => [
                  metric,
                  loads.map((load) => Number(load[metric].toFixed(3))),
                ]),
              ),
            ]),
          ),
        ]),
      ),
      profileMs,
      hotspots: Object.fromEntries(
        Object.entries(hotspots).map(([page, byBrowser]) => [
          page,
          Object.fromEntries(
            Object.entries(byBrowser).map(([browser, times]) => [
              browser,
              Object.fromEntries(
                [...times]
                  .sort((a, b) => b[1] - a[1])
                  .slice(0, 15)
                  .map(([frame, ms]) => [frame, Number(ms.toFixed(2))]),
              ),
            ]),
          ),
        ]),
      ),
    },
  };
}
