import { t } from '../../i18n';
import { IMPORT_LIMITS } from '../../limits';
import type { ImportResult } from '.';
import type { ImportFile } from './file-limits';
import { messageTable, type MessageTable } from '../../i18n';
import { IMPORT_WORKER_MESSAGES } from './worker-messages';

/**
 * Parsing an import file in a dedicated Worker (./parse-worker.ts), stopped after a time limit.
 * The page's main thread only posts the `File` (a handle: the Worker reads it) and receives the
 * parsed rows, so a slow or hostile file costs the popup nothing but the wait.
 */

export interface ParseRequest {
  /** A `File`; posting it copies a handle, not the contents. */
  file: ImportFile;
  now: number;
  /** The messages the Worker may say, in the user's language: it has no extension API to read them. */
  messages: MessageTable;
}
export type ParseAnswer = ImportResult;

/** What is used of a `Worker`, so that tests can hand in another. */
export interface ParsePort {
  onmessage: ((event: MessageEvent<ParseAnswer>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(request: ParseRequest): void;
  terminate(): void;
}

export function startParseWorker(): ParsePort {
  // Vite's pattern: the Worker is bundled as a module of the extension itself, which Manifest V3's
  // `script-src 'self'` allows (a blob: or data: Worker would be refused).
  return new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module', name: 'import' });
}

export interface OffThreadOptions {
  start?: () => ParsePort;
  timeLimitMs?: number;
}

export function tookTooLongMessage(timeLimitMs: number): string {
  return t('importTookTooLong', Math.round(timeLimitMs / 1000));
}

/** Parses `file` in a fresh Worker; never throws. The Worker is stopped when done or out of time. */
export function parseOffThread(
  file: ImportFile,
  now: number,
  { start = startParseWorker, timeLimitMs = IMPORT_LIMITS.seconds * 1000 }: OffThreadOptions = {},
): Promise<ImportResult> {
  return new Promise((resolve) => {
    let port: ParsePort | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (result: ImportResult) => {
      clearTimeout(timer);
      port?.terminate();
      port = undefined;
      resolve(result);
    };
    try {
      port = start();
      port.onmessage = ({ data }) => finish(data);
      port.onerror = (event) => {
        event.preventDefault();
        finish({
          ok: false,
          error: t('importUnreadable', event.message || t('importReaderStopped')),
        });
      };
      timer = setTimeout(() => finish({ ok: false, error: tookTooLongMessage(timeLimitMs) }), timeLimitMs);
      port.postMessage({ file, now, messages: messageTable(IMPORT_WORKER_MESSAGES) });
    } catch (error) {
      finish({ ok: false, error: t('importUnreadable', (error as Error).message) });
    }
  });
}
