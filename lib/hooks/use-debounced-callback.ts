import { useCallback, useEffect, useRef } from 'preact/hooks';

/**
 * Calls `callback` once the calls stop for `delayMs`, with the latest arguments. `flush` runs a
 * pending call now (on blur); unmounting flushes too, because a virtualised row scrolled out of
 * view, or a popup closing, must not lose what was typed.
 */
export function useDebouncedCallback<Args extends unknown[]>(
  callback: (...args: Args) => void,
  delayMs: number,
) {
  const latest = useRef(callback);
  latest.current = callback;
  const pending = useRef<{ args: Args; timer: ReturnType<typeof setTimeout> } | null>(null);

  const flush = useCallback(() => {
    const call = pending.current;
    if (!call) return;
    clearTimeout(call.timer);
    pending.current = null;
    latest.current(...call.args);
  }, []);

  const schedule = useCallback(
    (...args: Args) => {
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = { args, timer: setTimeout(flush, delayMs) };
    },
    [delayMs, flush],
  );

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return { schedule, flush, isPending: () => pending.current !== null };
}
