import { t } from '../i18n';
import { useState } from 'preact/hooks';

/**
 * Every write the popup asks the worker for either succeeds or says why it did not: `attempt`
 * runs one, and a failure becomes the message the panel shows (and is passed on to the caller,
 * which may keep what the user typed).
 */
export function useWriteErrors() {
  const [error, setError] = useState<string | null>(null);
  function attempt<T>(what: string, write: () => Promise<T>): Promise<T> {
    return write().then(
      (value) => value,
      (failure: unknown) => {
        setError(t('writeFailed', what, failure instanceof Error ? failure.message : String(failure)));
        throw failure;
      },
    );
  }
  return { error, attempt, dismiss: () => setError(null) };
}
