import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExportFormatId } from '@/lib/library/export';
import { t, tp } from '@/lib/i18n';

export interface ExportMenuProps {
  formats: readonly { id: ExportFormatId; label: string }[];
  /** The size of the whole library: export ignores the search and filters. */
  count: number;
  onExport: (formatId: ExportFormatId) => void;
}

/** A disclosure (`<details>`) rather than an ARIA menu: it needs no focus juggling to be accessible. */
export function ExportMenu({ formats, count, onExport }: ExportMenuProps) {
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const close = () => details.current?.removeAttribute('open');

  // Like any drop-down, it closes when the user clicks elsewhere.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!details.current?.contains(event.target as Node)) close();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const what = t('exportWhat', tp('bookmarkCount', count));
  if (count === 0) {
    return (
      <button type="button" class="text-button" disabled>
        {t('exportButton')}
      </button>
    );
  }
  return (
    <details
      ref={details}
      class="export-menu"
      onToggle={() => setOpen(details.current?.open ?? false)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !details.current?.open) return;
        event.stopPropagation();
        close();
        details.current.querySelector('summary')?.focus();
      }}
    >
      <summary class="text-button">{t('exportButton')}</summary>
      <div class="export-options">
        <p class="export-heading">{t('exportHeading', what)}</p>
        <ul>
          {formats.map((format) => (
            <li key={format.id}>
              <button
                type="button"
                aria-label={t('exportAsLabel', what, format.label)}
                onClick={() => {
                  close();
                  onExport(format.id);
                }}
              >
                {format.label}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
