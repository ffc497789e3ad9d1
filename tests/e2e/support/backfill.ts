import { expect, type BrowserContext } from '@playwright/test';
import { currentWorker } from './extension';
import type { FakeHuggingFace } from './hf-server';
import { writeState } from './refresh-state';

async function lastRefreshFinishedAt(context: BrowserContext): Promise<number> {
  const worker = await currentWorker(context);
  return worker.evaluate(async () => {
    const open = indexedDB.open('paperpulse');
    await new Promise((resolve) => (open.onsuccess = resolve));
    const read = open.result.transaction('state').objectStore('state').get('lastRefreshFinishedAt');
    await new Promise((resolve) => (read.onsuccess = resolve));
    open.result.close();
    return ((read.result as { value?: number } | undefined)?.value ?? 0) as number;
  });
}

/**
 * The install backfill's second run, brought forward: the first run spends its ten requests and
 * sets a follow-up three minutes later; this makes that follow-up due now and rings the retry
 * alarm, so it goes through the same gate, until the 14th day back (`oldestOffset`) was asked.
 * The alarm is rung again while waiting: one that fires as the first run is still finishing (the
 * badge, the trends) joins that run instead of starting its own.
 */
export async function completeInstallBackfill(
  context: BrowserContext,
  hf: FakeHuggingFace,
  oldestOffset = -13,
): Promise<void> {
  await expect.poll(() => lastRefreshFinishedAt(context), { timeout: 30_000 }).toBeGreaterThan(0);
  await writeState(context, { followUpAt: Date.now() - 1000 });
  await expect
    .poll(
      async () => {
        if (hf.askedOffsets.includes(oldestOffset)) return true;
        const worker = await currentWorker(context);
        await worker.evaluate(() => chrome.alarms.create('refresh-retry', { when: Date.now() }));
        return false;
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .toBe(true);
}
