/**
 * The part of chrome.storage.sync / browser.storage.sync the engine uses; both browsers' objects
 * fit it as they are, and tests pass an in-memory one.
 */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export type QuotaErrorKind =
  'bytes' | 'item-bytes' | 'items' | 'writes-per-minute' | 'writes-per-hour' | 'quota';

/**
 * Which quota a failed write ran into. Chrome rejects with "<NAME> quota exceeded" (NAME one of
 * QUOTA_BYTES, QUOTA_BYTES_PER_ITEM, MAX_ITEMS, MAX_WRITE_OPERATIONS_PER_MINUTE / _PER_HOUR);
 * Firefox with a QuotaExceededError that names none. Undefined: not a quota error.
 */
export function quotaErrorKind(error: unknown): QuotaErrorKind | undefined {
  const message = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (/QUOTA_BYTES_PER_ITEM/.test(message)) return 'item-bytes';
  if (/QUOTA_BYTES/.test(message)) return 'bytes';
  if (/MAX_ITEMS/.test(message)) return 'items';
  if (/MAX_WRITE_OPERATIONS_PER_MINUTE/.test(message)) return 'writes-per-minute';
  if (/MAX_WRITE_OPERATIONS_PER_HOUR/.test(message)) return 'writes-per-hour';
  if (/quota/i.test(message)) return 'quota';
  return undefined;
}
