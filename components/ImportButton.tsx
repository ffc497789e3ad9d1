import { useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';

export interface ImportButtonProps {
  busy: boolean;
  onFile: (file: File) => void;
  /** Set where a file picker would close the page (the toolbar popup): called instead of picking. */
  onPickElsewhere?: () => void;
}

/** A button that opens the file picker: a bare file input cannot be styled or labelled well. */
export function ImportButton({ busy, onFile, onPickElsewhere }: ImportButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        class="text-button"
        disabled={busy}
        title={onPickElsewhere ? t('importElsewhereTitle') : t('importTitle')}
        onClick={() => (onPickElsewhere ? onPickElsewhere() : input.current?.click())}
      >
        {t('importButton')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.bib,.bibtex"
        hidden
        aria-label={t('importInputLabel')}
        onChange={(event) => {
          const element = event.currentTarget as HTMLInputElement;
          const file = element.files?.[0];
          // Cleared so that choosing the same file again (after fixing it) fires `change` again.
          element.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
