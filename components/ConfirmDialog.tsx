import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';

export interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  busy: boolean;
  children: ComponentChildren;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question before something that cannot be undone; Escape and Cancel keep everything. */
export function ConfirmDialog({
  title,
  confirmLabel,
  busy,
  children,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby="confirm-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      {children}
      <div class="dialog-actions">
        <button type="button" class="text-button" disabled={busy} onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="button" class="danger-button" disabled={busy} onClick={onConfirm}>
          {busy ? t('clearing') : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
