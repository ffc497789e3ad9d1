import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportPreview as Preview } from '@/lib/library/import/preview';
import type { ComparedField } from '@/lib/library/import/merge';
import { t, tp, tParts, type MessageKey } from '@/lib/i18n';

export interface ImportPreviewProps {
  fileName: string;
  preview: Preview;
  busy: boolean;
  /** The file is a full export that holds settings too (offered on the options page). */
  hasSettings?: boolean;
  onConfirm: (overwriteUserFields: boolean, restoreSettings: boolean) => void;
  onCancel: () => void;
}

const FIELD_NAMES: Record<ComparedField, MessageKey> = {
  title: 'fieldTitle',
  authors: 'fieldAuthors',
  arxivId: 'fieldArxivId',
  doi: 'fieldDoi',
  site: 'fieldSite',
  absUrl: 'fieldLink',
  pdfUrl: 'fieldPdfLink',
  publishedAt: 'fieldDate',
  venue: 'fieldVenue',
  summary: 'fieldAbstract',
  tags: 'fieldTags',
  note: 'fieldNote',
  read: 'fieldReadState',
};

/** Long imports list their first entries only: the counts say the rest. */
const SHOWN = 100;

function More({ total }: { total: number }) {
  return total > SHOWN ? <li class="muted">{t('importMore', total - SHOWN)}</li> : null;
}

/** What an import would do, shown in a modal dialog before anything is written. */
export function ImportPreview({
  fileName,
  preview,
  busy,
  hasSettings,
  onConfirm,
  onCancel,
}: ImportPreviewProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [overwrite, setOverwrite] = useState(false);
  const [restoreSettings, setRestoreSettings] = useState(!!hasSettings);
  const conflicted = preview.existing.filter((entry) => entry.conflicts.length > 0);

  // A modal <dialog> keeps focus inside itself and closes on Escape (its `cancel` event).
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      class="import-preview"
      aria-labelledby="import-preview-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="import-preview-title">{t('importPreviewTitle', fileName)}</h2>
      <ul class="import-counts">
        <li>{tParts('importCountNew', <strong>{preview.new.length}</strong>)}</li>
        <li>
          {tParts('importCountExisting', <strong>{preview.existing.length}</strong>)}
          {conflicted.length > 0 && t('importCountDiffering', conflicted.length)}
        </li>
        <li>{tParts('importCountInvalid', <strong>{preview.invalid.length}</strong>)}</li>
      </ul>
      <div class="import-lists">
        {preview.new.length > 0 && (
          <details>
            <summary>{t('importListNew', preview.new.length)}</summary>
            <ul>
              {preview.new.slice(0, SHOWN).map((bookmark) => (
                <li key={bookmark.key}>{bookmark.title}</li>
              ))}
              <More total={preview.new.length} />
            </ul>
          </details>
        )}
        {conflicted.length > 0 && (
          <details>
            <summary>{t('importListDiffering', conflicted.length)}</summary>
            <ul>
              {conflicted.slice(0, SHOWN).map(({ current, conflicts }) => (
                <li key={current.key}>
                  {current.title}{' '}
                  <span class="muted">
                    {t('importDiffersIn', conflicts.map((field) => t(FIELD_NAMES[field])).join(', '))}
                  </span>
                </li>
              ))}
              <More total={conflicted.length} />
            </ul>
          </details>
        )}
        {preview.invalid.length > 0 && (
          <details open>
            <summary>{t('importListInvalid', preview.invalid.length)}</summary>
            <ul>
              {preview.invalid.slice(0, SHOWN).map(({ index, label, reason }) => (
                <li key={`${index}-${label ?? ''}`}>
                  {t(
                    'importInvalidReason',
                    label ? t('importEntryWithKey', index + 1, label) : t('importEntry', index + 1),
                    reason,
                  )}
                </li>
              ))}
              <More total={preview.invalid.length} />
            </ul>
          </details>
        )}
      </div>
      {conflicted.length > 0 && (
        <label class="checkbox">
          <input
            type="checkbox"
            checked={overwrite}
            onChange={(event) => setOverwrite((event.currentTarget as HTMLInputElement).checked)}
          />
          {tp('importOverwrite', conflicted.length)}
        </label>
      )}
      {hasSettings && (
        <label class="checkbox">
          <input
            type="checkbox"
            checked={restoreSettings}
            onChange={(event) => setRestoreSettings((event.currentTarget as HTMLInputElement).checked)}
          />
          {t('importRestoreSettings')}
        </label>
      )}
      <div class="dialog-actions">
        <button type="button" class="text-button" disabled={busy} onClick={onCancel}>
          {t('cancel')}
        </button>
        <button
          type="button"
          class="primary-button"
          disabled={busy}
          onClick={() => onConfirm(overwrite, restoreSettings)}
        >
          {busy ? t('importing') : t('importConfirm')}
        </button>
      </div>
    </dialog>
  );
}
