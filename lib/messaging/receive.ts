import browser, { type Runtime } from 'webextension-polyfill';
import { z } from '../zod';
import { t } from '../i18n';
import {
  PROTOCOL,
  type Handlers,
  type MessageContext,
  type MessageResult,
  type MessageType,
} from './contract';

/**
 * Is the sender one of this extension's own pages (the popup, in its window or a tab), not a content script? A content
 * script's `sender.url` is the web page's; only our pages have our origin. (`sender.tab` is no test:
 * the popup opened in a tab has one.)
 */
export function isExtensionPage(
  sender: Runtime.MessageSender,
  extensionId: string,
  extensionOrigin: string,
): boolean {
  return (
    sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)
  );
}

/**
 * What the sender can show of a failure. IndexedDB's quota error (Dexie keeps its name) says the
 * browser's storage is full, which the user can act on; its own text does not.
 */
export function describeError(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') {
    return t('errorStorageFull');
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Validates a raw message against the contract and runs its handler; fails closed with an error
 * the sender can show. Never throws: a hostile page cannot crash the worker through it.
 */
export async function dispatchMessage(
  raw: unknown,
  sender: Runtime.MessageSender,
  handlers: Handlers,
  self: { id: string; origin: string },
): Promise<MessageResult<MessageType>> {
  if (sender.id !== self.id) return { ok: false, error: 'unknown sender' };
  const envelope = z.object({ type: z.string(), payload: z.unknown() }).safeParse(raw);
  if (!envelope.success || !Object.hasOwn(PROTOCOL, envelope.data.type)) {
    return { ok: false, error: 'unknown message' };
  }
  const type = envelope.data.type as MessageType;
  const spec = PROTOCOL[type];
  if (!spec.untrusted && !isExtensionPage(sender, self.id, self.origin)) {
    return { ok: false, error: `${type} is only accepted from extension pages` };
  }
  const request = spec.request.safeParse(envelope.data.payload);
  if (!request.success) return { ok: false, error: `invalid ${type}: ${z.prettifyError(request.error)}` };
  try {
    const handler = handlers[type] as (r: unknown, c: MessageContext) => Promise<unknown>;
    const context: MessageContext = {
      sender,
      fromExtensionPage: isExtensionPage(sender, self.id, self.origin),
    };
    return { ok: true, value: (await handler(request.data, context)) as never };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

/** Registers the worker's side of the contract. Call synchronously from the background's main(). */
export function registerHandlers(handlers: Handlers): void {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) =>
    dispatchMessage(raw, sender, handlers, self),
  );
}
