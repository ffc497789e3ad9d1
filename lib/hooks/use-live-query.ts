import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * Subscribes a Preact component to a Dexie query: it re-renders when the rows it read change,
 * including writes made by the background worker (Dexie propagates them across contexts).
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  // A layout effect, so the query starts as soon as the component renders, not after the first
  // paint (when plain effects run): the popup's first row comes one frame sooner.
  useLayoutEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error) => console.error('PaperPulse: query failed', error),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
