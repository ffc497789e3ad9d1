import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export function newUserDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'paperpulse-profile-'));
}

export interface LaunchOptions {
  userDataDir?: string;
  hfPort: number;
  colorScheme?: 'light' | 'dark';
  /** Another build of the extension (the benchmark adds a blank page to a copy). */
  extensionDir?: string;
}

/** Chromium with the built extension; huggingface.co (and export.arxiv.org) resolve to the local fake. */
export async function launchWithExtension({
  userDataDir = newUserDataDir(),
  hfPort,
  colorScheme,
  extensionDir = EXTENSION_DIR,
}: LaunchOptions) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    colorScheme,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      // arXiv's API too (version alerts): the same stand-in answers /api/query, nothing leaves.
      `--host-resolver-rules=MAP huggingface.co 127.0.0.1:${hfPort}, MAP export.arxiv.org 127.0.0.1:${hfPort}`,
      '--ignore-certificate-errors',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, userDataDir };
}

export async function currentWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

export async function badgeText(context: BrowserContext): Promise<string> {
  const worker = await currentWorker(context);
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

export async function badgeTitle(context: BrowserContext): Promise<string> {
  const worker = await currentWorker(context);
  return worker.evaluate(() => chrome.action.getTitle({}));
}
