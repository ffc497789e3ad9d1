import browser from 'webextension-polyfill';
import type { BroadcastEvent } from './events';

/**
 * The worker's side of the events: sends each to the given tabs (the ones that show the paper,
 * lib/worker/tab-papers.ts), never to every tab. Never fails the write it reports: a tab whose
 * content script is gone just refuses.
 */
export async function sendToTabs(tabIds: readonly number[], event: BroadcastEvent): Promise<void> {
  await Promise.all(
    tabIds.map(async (tabId) => {
      try {
        await browser.tabs.sendMessage(tabId, event);
      } catch {
        // The tab navigated away or closed since it reported the paper.
      }
    }),
  );
}
