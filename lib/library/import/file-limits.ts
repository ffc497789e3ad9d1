import { t } from '../../i18n';
import { IMPORT_LIMITS } from '../../limits';

/**
 * What the popup checks of a chosen file before any parser runs. No parser is imported here: this
 * module is loaded by the popup, the parsers only by the import's Worker.
 */

/** Only what an import needs of a `File`, so that tests can pass a plain object. */
export interface ImportFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

/** "This file is too large to import (50.0 MB; the limit is 20 MB)." */
export function tooLargeMessage(bytes: number): string {
  const megabytes = (bytes / 1024 / 1024).toFixed(1);
  return t('importTooLarge', megabytes, IMPORT_LIMITS.bytes / 1024 / 1024);
}

export function isTooLarge(bytes: number): boolean {
  return bytes > IMPORT_LIMITS.bytes;
}
