import type { BrowserContext, Page } from '@playwright/test';
import { currentWorker } from './support/extension';
import { expect, openPopup, readJson, test } from './support/test';

type Item = { paper: { id: string; title: string; upvotes: number }; title?: string };
const realDay = readJson<Item[]>('tests/fixtures/feed/hf-daily-2024-10-25.json');

/** 3 days of 150 papers each (two pages a day), made from the real day with fresh ids. */
function bigDays(): Record<number, Item[]> {
  const days: Record<number, Item[]> = {};
  for (let back = 0; back < 3; back++) {
    days[-back] = Array.from({ length: 150 }, (_, i) => {
      const base = realDay[i % realDay.length]!;
      const id = `2611.${String(back * 1000 + i).padStart(5, '0')}`;
      return { ...base, paper: { ...base.paper, id, upvotes: 500 - i } };
    });
  }
  return days;
}

async function stopWorker(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Fires a write at the worker from an extension page, without waiting for it. */
function startImport(page: Page, batch: number) {
  return page.evaluate((batch) => {
    const rows = Array.from({ length: 200 }, (_, i) => ({
      key: `doi:10.5555/fault.${batch}.${i}`,
      title: `Fault batch ${batch}, paper ${i}`,
      authors: ['Ada Lovelace'],
      tags: ['fault'],
      note: `note ${batch}.${i}`,
      read: false,
      addedAt: 1_764_000_000_000 + batch * 1000 + i,
      updatedAt: 1_764_000_000_000 + batch * 1000 + i,
    }));
    const sent = chrome.runtime.sendMessage({
      type: 'library.import',
      payload: { rows, overwriteUserFields: false, restore: false },
    });
    (window as unknown as { __writes: Promise<unknown>[] }).__writes ??= [];
    (window as unknown as { __writes: Promise<unknown>[] }).__writes.push(
      sent.then((answer: { ok?: boolean }) => answer?.ok === true).catch(() => false),
    );
  }, batch);
}

async function readStore(page: Page) {
  return page.evaluate(async () => {
    const open = indexedDB.open('paperpulse');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const [days, papers, bookmarks] = await Promise.all([
      all<{ date: string; paperIds: string[] }>('feedDays'),
      all<{ id: string }>('papers'),
      all<{ key: string; note: string; tags: string[] }>('bookmarks'),
    ]);
    db.close();
    return { days, paperIds: papers.map((paper) => paper.id), bookmarks };
  });
}

async function settled(context: BrowserContext, page: Page) {
  // Wake the worker and let whatever it resumes finish.
  await currentWorker(context);
  const results = await page.evaluate(() =>
    Promise.all((window as unknown as { __writes?: Promise<boolean>[] }).__writes ?? []),
  );
  return results;
}

test('the worker stopped twenty times mid-refresh and mid-write: every day whole or absent, every bookmark kept', async ({
  hf,
  launch,
}) => {
  const days = bigDays();
  hf.serveDays(days);
  // A slow upstream, so that stops land in the middle of a day's pages.
  const serve = hf.handler;
  hf.handler = (url) => ({ ...serve(url), delayMs: 40 + Math.floor(Math.random() * 160) });
  const { context, extensionId } = await launch();
  const page = await openPopup(context, extensionId);
  // The install refresh is under way (its first request is out) before the first stop: a worker
  // stopped earlier leaves a cut-off run whose backoff would hold back every refresh of the rounds.
  await expect.poll(() => hf.feedRequests().length).toBeGreaterThan(0);

  for (let round = 0; round < 20; round++) {
    await startImport(page, round);
    // Ask for a refresh too (the gate decides whether it may go out).
    await page.evaluate(() => chrome.alarms.create('refresh-retry', { when: Date.now() }));
    // Odd rounds stop the worker at once, in the middle of the write; even rounds once it is
    // confirmed, while the refresh it started is under way.
    if (round % 2 === 0) {
      await page.evaluate(
        (round) => (window as unknown as { __writes: Promise<boolean>[] }).__writes[round],
        round,
      );
    } else {
      await page.waitForTimeout(Math.floor(Math.random() * 20));
    }
    await stopWorker(page);
  }
  const answered = await settled(context, page);
  // Let a resumed refresh store what the gate allows, then read what is stored.
  await page.waitForTimeout(3000);
  const { days: stored, paperIds, bookmarks } = await readStore(page);
  // Refreshes were under way while the worker was stopped (the gate bounds how many).
  expect(hf.feedRequests().length).toBeGreaterThan(0);

  // Every stored day is whole: all of its papers stored, and as many as the feed had that day.
  const known = new Set(paperIds);
  for (const day of stored) {
    expect(
      day.paperIds.every((id) => known.has(id)),
      day.date,
    ).toBe(true);
    if (day.paperIds.length > 0) expect(day.paperIds, day.date).toHaveLength(150);
  }
  // Each write is all or nothing, and every write the worker confirmed is there, notes and tags.
  for (let batch = 0; batch < 20; batch++) {
    const rows = bookmarks.filter((row) => row.key.startsWith(`doi:10.5555/fault.${batch}.`));
    expect([0, 200], `batch ${batch}`).toContain(rows.length);
    if (answered[batch]) expect(rows, `batch ${batch}`).toHaveLength(200);
    for (const row of rows)
      expect(row).toMatchObject({ note: expect.stringMatching(/^note /), tags: ['fault'] });
  }
  // The stops really cut writes short, and the confirmed ones are all there.
  expect(answered.filter(Boolean).length).toBeLessThan(20);
  expect(answered.filter((ok, batch) => batch % 2 === 0 && ok)).toHaveLength(10);
});
