import browser, { type Runtime } from 'webextension-polyfill';
import { parseBroadcast, type BroadcastEvent } from './events';

/**
 * Content scripts: calls `onEvent` for each valid event the worker sends this tab (lib/messaging/
 * broadcast.ts), and for nothing else. Returns the unsubscribe function.
 */
export function watchBroadcasts(onEvent: (event: BroadcastEvent) => void): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return;
    const event = parseBroadcast(message);
    if (event) onEvent(event);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
