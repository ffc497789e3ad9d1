import type { BrowserContext } from '@playwright/test';
import { currentWorker } from './extension';

/**
 * Writes refresh state rows (lib/storage/records.ts, StateValues) straight into the extension's
 * IndexedDB, from its worker: how a test makes "the last refresh was two hours ago" true without
 * waiting two hours.
 */
export async function writeState(context: BrowserContext, values: Record<string, unknown>): Promise<void> {
  const worker = await currentWorker(context);
  await worker.evaluate(async (entries) => {
    const open = indexedDB.open('paperpulse');
    await new Promise((resolve, reject) => {
      open.onsuccess = resolve;
      open.onerror = reject;
    });
    const transaction = open.result.transaction('state', 'readwrite');
    for (const [key, value] of entries) transaction.objectStore('state').put({ key, value });
    await new Promise((resolve, reject) => {
      transaction.oncomplete = resolve;
      transaction.onerror = reject;
    });
    open.result.close();
  }, Object.entries(values));
}

/** Makes the last refresh `ago` old: the next browser start or popup opening is due to refresh. */
export async function ageLastRefresh(context: BrowserContext, ago: number): Promise<void> {
  const then = Date.now() - ago;
  await writeState(context, {
    lastRefreshStartedAt: then,
    lastRefreshFinishedAt: then,
    lastRefreshOkAt: then,
    followUpAt: 0,
  });
}
