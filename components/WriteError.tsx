import { t } from '@/lib/i18n';

export interface WriteErrorProps {
  message: string | null;
  onDismiss: () => void;
}

/** What a failed save could not do, until dismissed. An alert: screen readers say it at once. */
export function WriteError({ message, onDismiss }: WriteErrorProps) {
  if (message === null) return null;
  return (
    <div class="write-error" role="alert">
      <span>{message}</span>
      <button type="button" class="text-button" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
