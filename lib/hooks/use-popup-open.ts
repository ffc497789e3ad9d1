import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../messaging/send';

/**
 * Opening the popup marks everything seen (the badge clears) and returns when the user had last
 * looked, so rows keep their "new" dot for this visit. A failed or stale refresh is retried now
 * rather than an hour later. The popup never waits on the worker to paint.
 */
export function usePopupOpen(knownSeenBefore?: number): number | undefined {
  // Known from the first screen's read: the "new" dots stay put when the app takes over.
  const [seenBefore, setSeenBefore] = useState<number | undefined>(knownSeenBefore);
  useEffect(() => {
    sendMessage('popup.opened', {})
      .then(({ seenBefore: before }) => setSeenBefore((known) => known ?? before))
      .catch(() => undefined);
    // Ask the browser not to evict the library (a no-op where storage is already persistent);
    // when idle, as it is a round trip to the browser that the first paint need not wait for.
    requestIdleCallback(() => void navigator.storage?.persist?.().catch(() => undefined));
  }, []);
  return seenBefore;
}
