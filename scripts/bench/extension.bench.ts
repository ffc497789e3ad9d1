import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../../tests/e2e/support/extension';
import { expect, readJson, servePage, test, waitForFeed } from '../../tests/e2e/support/test';
import { median, percentile, profile, timeUnder } from './measure';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const results: Record<string, unknown> = {};
const report = (name: string, value: string, target: string, ok: boolean) => {
  results[name] = { value, target, ok };
  console.log(`${ok ? '✓' : '✗'} ${name.padEnd(44)} ${value.padEnd(28)} target ${target}`);
};

test.afterAll(() => {
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/latest.json',
    JSON.stringify({ at: new Date().toISOString(), runs: RUNS, results }, null, 2),
  );
});

test('content script size', () => {
  const script = readFileSync(join(EXTENSION_DIR, 'content-scripts/paper.js'));
  const gzipped = gzipSync(script, { level: 9 }).length;
  report(
    'content script, gzipped',
    `${(gzipped / 1024).toFixed(2)} KB (${script.length} B raw)`,
    '≤ 8 KB',
    gzipped <= 8192,
  );
});

test('content script main-thread time', async ({ hf, launch }) => {
  hf.serveDays({ 0: readJson('tests/fixtures/feed/hf-daily-2024-10-25.json') });
  const { context } = await launch();
  await waitForFeed(context);
  await servePage(context, 'https://arxiv.org/abs/2410.17243', 'arxiv-abs-2410.17243.html');
  await servePage(context, 'https://arxiv.org/abs/2403.02310', 'arxiv-abs-2403.02310.html');
  await servePage(context, 'https://arxiv.org/search/?query=batch', 'arxiv-list-cs.LG-new.html');
  const page = await context.newPage();
  await page.goto('https://arxiv.org/search/?query=batch');
  const cdp = await context.newCDPSession(page);
  const cases = [
    ['paper page (in the feed)', 'https://arxiv.org/abs/2410.17243', 8],
    ['paper page (not in the feed)', 'https://arxiv.org/abs/2403.02310', 8],
    ['not a paper (arXiv search)', 'https://arxiv.org/search/?query=batch', 1],
  ] as const;
  for (const [name, url, target] of cases) {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const cpu = await profile(cdp, async () => {
        await page.goto(url);
        if (url.includes('/abs/')) await expect(page.locator('paperpulse-annotation .card')).toBeVisible();
        await page.waitForTimeout(150);
      });
      times.push(timeUnder(cpu, '/content-scripts/paper.js'));
    }
    report(
      `content script on a ${name}`,
      `median ${median(times).toFixed(2)} ms, p90 ${percentile(times, 90).toFixed(2)} ms`,
      `< ${target} ms`,
      median(times) < target,
    );
  }
});

/** 90 days of ~50 papers and 3,000 bookmarks, written straight into the extension's database. */
async function seedLargeLibrary(page: import('@playwright/test').Page) {
  await page.evaluate(async () => {
    const open = indexedDB.open('paperpulse');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['papers', 'feedDays', 'bookmarks'], 'readwrite');
    const now = Date.now();
    const words =
      'batch serving attention diffusion contrastive normalization video privacy graph agent'.split(' ');
    for (let day = 0; day < 90; day++) {
      const date = new Date(now - (day + 2) * 86_400_000).toISOString().slice(0, 10);
      const ids: string[] = [];
      for (let i = 0; i < 50; i++) {
        const id = `24${String(10 + (day % 2)).padStart(2, '0')}.${String(day * 100 + i).padStart(5, '0')}`;
        ids.push(id);
        tx.objectStore('papers').put({
          id,
          title: `Paper ${day}-${i} on ${words[i % 10]} and ${words[(i + day) % 10]}`,
          summary: `An abstract about ${words[i % 10]}. `.repeat(20),
          authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra'],
          upvotes: (i * 7) % 97,
          numComments: i % 5,
          dailyDate: date,
          firstSeenAt: now - day * 86_400_000,
          updatedAt: now,
        });
      }
      tx.objectStore('feedDays').put({ date, paperIds: ids, fetchedAt: now, dropped: [] });
    }
    for (let i = 0; i < 3000; i++) {
      tx.objectStore('bookmarks').put({
        key: `doi:10.5555/bench.${i}`,
        title: `Bookmarked paper ${i} about ${words[i % 10]}`,
        authors: ['Ada Lovelace'],
        tags: [words[i % 10]!],
        note: i % 3 ? '' : 'A note.',
        read: i % 2 === 0,
        addedAt: now - i * 60_000,
        updatedAt: now - i * 60_000,
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

test('popup first row vs a blank extension page, with 90 days and 3,000 bookmarks stored', async ({
  hf,
  launch,
}) => {
  // A copy of the build with a blank page in it: the baseline is an extension page that does nothing.
  const dir = mkdtempSync(join(tmpdir(), 'paperpulse-bench-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>blank</title><p>.</p>');
  hf.serveDays({
    0: readJson('tests/fixtures/feed/hf-daily-2024-10-25.json'),
    [-1]: [],
  });
  const { context, extensionId } = await launch({ extensionDir: dir });
  await waitForFeed(context);
  const seeder = await context.newPage();
  await seeder.goto(`chrome-extension://${extensionId}/blank.html`);
  await seedLargeLibrary(seeder);
  await seeder.close();

  const measure = async (path: string, read: () => number) => {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      await page.waitForFunction(read, undefined, { timeout: 10_000 });
      times.push(await page.evaluate(read));
      await page.close();
    }
    return times;
  };
  const blank = await measure(
    'blank.html',
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
  );
  // The popup's first contentful paint is its first row: nothing is drawn before the first screen,
  // which draws the header and the rows together. (The `paperpulse:first-row` mark, set in the
  // frame callback before that paint, would flatter it by the frame's style, layout and paint.)
  const popup = await measure('popup.html', () =>
    performance.getEntriesByName('paperpulse:first-row').length
      ? (performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0)
      : 0,
  );
  const ratio = median(popup) / median(blank);
  report('blank extension page, first paint', `median ${median(blank).toFixed(1)} ms`, 'baseline', true);
  report(
    'popup, first row painted',
    `median ${median(popup).toFixed(1)} ms (${ratio.toFixed(2)}×)`,
    '< 1.5× blank',
    ratio < 1.5,
  );
});
