import browser from 'webextension-polyfill';
import type { MessageRequest, MessageResult, MessageType, ProtocolResponses } from './contract';

/**
 * The sending side of lib/messaging/contract.ts. Imports only types from it, so content scripts stay free
 * of zod: validation happens where messages are received.
 */
export async function sendMessage<T extends MessageType>(
  type: T,
  payload: MessageRequest<T>,
): Promise<ProtocolResponses[T]> {
  const result = (await browser.runtime.sendMessage({ type, payload })) as MessageResult<T> | undefined;
  if (!result) throw new Error('PaperPulse background did not answer');
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
