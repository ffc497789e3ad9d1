import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

export interface UndoToastProps {
  /** What was done, or null when there is nothing to undo. Changing it restarts the timer. */
  message: string | null;
  /** Tells one action from the next with the same message. */
  id: number;
  timeoutMs?: number;
  onUndo: () => void;
  onDismiss: () => void;
}

/**
 * "Removed “…”. Undo" for a few seconds. The region is always in the page so that screen readers
 * announce the message; the timer waits while the pointer or focus is on the toast, and
 * Ctrl/⌘+Z (outside text fields, where it undoes typing) undoes too.
 */
export function UndoToast({ message, id, timeoutMs = 8000, onUndo, onDismiss }: UndoToastProps) {
  const [held, setHeld] = useState(false);
  const latest = useRef({ onUndo, onDismiss });
  latest.current = { onUndo, onDismiss };

  // The toast leaves the page under the pointer or focus without a leave event: start afresh.
  useEffect(() => {
    if (message === null) setHeld(false);
  }, [message]);

  useEffect(() => {
    if (message === null || held) return;
    const timer = setTimeout(() => latest.current.onDismiss(), timeoutMs);
    return () => clearTimeout(timer);
  }, [message, id, held, timeoutMs]);

  useEffect(() => {
    if (message === null) return;
    const onKey = (event: KeyboardEvent) => {
      const typing = /^(INPUT|TEXTAREA)$/.test((event.target as HTMLElement).tagName);
      if (typing || event.key !== 'z' || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      latest.current.onUndo();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [message, id]);

  return (
    <div
      class={message === null ? 'toast-region' : 'toast-region shown'}
      role="status"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocusIn={() => setHeld(true)}
      onFocusOut={() => setHeld(false)}
    >
      {message !== null && (
        <div class="toast">
          <span>{message}</span>
          <button type="button" class="text-button" onClick={onUndo}>
            {t('undo')}
          </button>
        </div>
      )}
    </div>
  );
}
