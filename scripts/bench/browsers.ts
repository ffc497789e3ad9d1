import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { EXTENSION_DIR } from '../../tests/e2e/support/extension';
import { arxivApiAnswer, type BenchPage } from './pages';

/**
 * The browsers a figure is compared across. Each is its own Chromium with its own profile, started
 * with the same flags: none has no extension, `empty` has an extension whose content script is an
 * empty file on PaperPulse's matches (what any content script costs), `paperpulse` the build (and
 * any BENCH_VARIANTS), and each peer its unpacked folder from BENCH_PEERS.
 */
export interface Contender {
  id: string;
  label: string;
  extensionDir?: string;
  kind: 'none' | 'empty' | 'paperpulse' | 'peer';
}

interface Manifest {
  name: string;
  version: string;
  content_scripts?: { matches: string[]; js?: string[]; run_at?: string }[];
}

export const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

/** An extension with an empty content script on exactly PaperPulse's matches and run_at, built into a temp dir. */
export function buildEmptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'paperpulse-bench-empty-'));
  const scripts = readManifest(EXTENSION_DIR).content_scripts ?? [];
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Empty content script',
      version: '1.0.0',
      content_scripts: scripts.map(({ matches, run_at }) => ({ matches, run_at, js: ['empty.js'] })),
    }),
  );
  writeFileSync(join(dir, 'empty.js'), '');
  return dir;
}

/** A comma-separated list from the environment, its entries trimmed, empty ones dropped. */
const envList = (name: string) =>
  (process.env[name] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

/** A name as it goes into a contender's id: lower case, runs of other characters as one dash. */
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** BENCH_PEERS=/path/a,/path/b: unpacked extension folders to measure next to PaperPulse. */
export function peerContenders(): Contender[] {
  return envList('BENCH_PEERS').map((path) => {
    const dir = resolve(path);
    const { name, version } = readManifest(dir);
    return {
      id: `peer:${slug(name)}`,
      label: `${name} ${version}`,
      extensionDir: dir,
      kind: 'peer',
    };
  });
}

/**
 * BENCH_VARIANTS=name=/path/a,other=/path/b: other builds of PaperPulse (a change being tried, the
 * last release), measured in the same alternating run as the build and set up as it is (its worker's
 * feed stored, each page checked for its card or chips). They are rows of the page-load tables
 * only, never the figure a budget is checked against: this is how a change is compared with the
 * build it would replace when the machine's noise is larger than the change.
 */
export function variantContenders(): Contender[] {
  return envList('BENCH_VARIANTS').map((entry) => {
    // The first `=` ends the name: a path may hold more.
    const at = entry.indexOf('=');
    const dir = resolve(at < 0 ? entry : entry.slice(at + 1));
    readManifest(dir); // an unpacked extension, or this throws naming the manifest it could not read
    const id = slug((at < 0 ? '' : entry.slice(0, at)) || basename(dir));
    return { id: `variant:${id}`, label: `PaperPulse (${id})`, extensionDir: dir, kind: 'paperpulse' };
  });
}

export function contenders(): Contender[] {
  return [
    { id: 'none', label: 'no extension', kind: 'none' },
    { id: 'empty', label: 'empty content script', extensionDir: buildEmptyExtension(), kind: 'empty' },
    { id: 'paperpulse', label: 'PaperPulse', extensionDir: EXTENSION_DIR, kind: 'paperpulse' },
    ...variantContenders(),
    ...peerContenders(),
  ];
}

export interface LaunchedBrowser {
  context: BrowserContext;
  userDataDir: string;
}

/**
 * Chromium as the browser tests start it (tests/e2e/support/extension.ts), with every host but the
 * local Hugging Face stand-in resolving to nothing: pages come from routes, and a request that no
 * route answers (a peer's worker calling an API, say) fails here instead of leaving the machine.
 * `debuggingPort` also opens a DevTools port, for reaching the service worker's heap (puppeteer).
 */
export async function launchBrowser({
  extensionDir,
  hfPort,
  debuggingPort = false,
}: {
  extensionDir?: string;
  hfPort: number;
  debuggingPort?: boolean;
}): Promise<LaunchedBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'paperpulse-bench-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      ...(extensionDir
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : []),
      ...(debuggingPort ? ['--remote-debugging-port=0'] : []),
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      `--host-resolver-rules=MAP huggingface.co 127.0.0.1:${hfPort}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
      '--ignore-certificate-errors',
    ],
  });
  return { context, userDataDir };
}

/** The extension's service worker, once it has started (undefined for an extension without one). */
export async function serviceWorker(context: BrowserContext, timeout = 10_000): Promise<Worker | undefined> {
  return (
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout }).catch(() => undefined))
  );
}

/**
 * Serves `pages` from memory and answers everything else locally: huggingface.co goes on to the
 * stand-in (the host resolver maps it), arXiv's API is answered from the abstract pages' tags (peers
 * ask it for titles), and anything else is a 404. Routes see the extension workers' requests too.
 */
export async function servePagesOnly(context: BrowserContext, pages: readonly BenchPage[]): Promise<void> {
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  // Web requests only: Playwright routes extension pages' own chrome-extension:// files too.
  const isWeb = (url: URL) => url.protocol === 'https:' || url.protocol === 'http:';
  await context.route(isWeb, (route) => {
    const url = new URL(route.request().url());
    const page = byUrl.get(url.href);
    if (page) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page.html });
    if (url.hostname === 'huggingface.co') return route.continue();
    if (url.hostname === 'export.arxiv.org' && url.pathname === '/api/query') {
      const answer = arxivApiAnswer(url.searchParams.get('id_list') ?? '', pages);
      if (answer) return route.fulfill({ status: 200, contentType: 'application/atom+xml', body: answer });
    }
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not served by the bench' });
  });
}

/**
 * Lets a worker finish what it was going to do soon: each one-shot alarm due within `horizonMs` (a
 * follow-up refresh, a retry) is moved to now, until none is left. Alarms are read and re-created
 * through the public chrome.alarms API, so this knows nothing of PaperPulse's alarm names.
 * `idle` waits until the worker's work after an alarm is done.
 */
export async function fastForwardAlarms(
  worker: Worker,
  idle: () => Promise<void>,
  horizonMs = 5 * 60_000,
  /**
   * A count that grows while the worker does something (requests served): once a round of alarms
   * moved to now leaves it unchanged, what is left is waiting on purpose (the request cap) and is
   * left to its time.
   */
  progress?: () => number,
): Promise<number> {
  let fired = 0;
  let before = progress?.();
  for (let round = 0; round < 20; round++) {
    await idle();
    if (progress && round > 0) {
      const now = progress();
      if (now === before) return fired;
      before = now;
    }
    const soon = await worker.evaluate(async (horizon) => {
      const alarms = await chrome.alarms.getAll();
      return alarms
        .filter((alarm) => alarm.periodInMinutes === undefined && alarm.scheduledTime - Date.now() < horizon)
        .map((alarm) => alarm.name);
    }, horizonMs);
    if (soon.length === 0) return fired;
    await worker.evaluate(async (names) => {
      for (const name of names) await chrome.alarms.create(name, { when: Date.now() });
    }, soon);
    fired += soon.length;
  }
  throw new Error('the worker keeps scheduling alarms');
}
