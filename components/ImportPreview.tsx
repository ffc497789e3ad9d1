import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportPreview as Preview } from '@/lib/library/import/preview';
import type { ComparedField } from '@/lib/library/import/merge';

export interface ImportPreviewProps {
  fileName: string;
  preview: Preview;
  busy: boolean;
  /** The file is a full export that holds settings too (offered on the options page). */
  hasSettings?: boolean;
  onConfirm: (overwriteUserFields: boolean, restoreSettings: boolean) => void;
  onCancel: () => void;
}

const FIELD_NAMES: Record<ComparedField, string> = {
  title: 'title',
  authors: 'authors',
  arxivId: 'arXiv id',
  doi: 'DOI',
  site: 'site',
  absUrl: 'link',
  pdfUrl: 'PDF link',
  publishedAt: 'date',
  venue: 'venue',
  summary: 'abstract',
  tags: 'tags',
  note: 'note',
  read: 'read state',
};

/** Long imports list their first entries only: the counts say the rest. */
const SHOWN = 100;

function More({ total }: { total: number }) {
  return total > SHOWN ? <li class="muted">and {total - SHOWN} more</li> : null;
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
      <h2 id="import-preview-title">Import “{fileName}”</h2>
      <ul class="import-counts">
        <li>
          <strong>{preview.new.length}</strong> new
        </li>
        <li>
          <strong>{preview.existing.length}</strong> already there
          {conflicted.length > 0 && `, ${conflicted.length} with differences`}
        </li>
        <li>
          <strong>{preview.invalid.length}</strong> invalid
        </li>
      </ul>
      <div class="import-lists">
        {preview.new.length > 0 && (
          <details>
            <summary>New ({preview.new.length})</summary>
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
            <summary>Already there, with differences ({conflicted.length})</summary>
            <ul>
              {conflicted.slice(0, SHOWN).map(({ current, conflicts }) => (
                <li key={current.key}>
                  {current.title}{' '}
                  <span class="muted">
                    — differs in {conflicts.map((field) => FIELD_NAMES[field]).join(', ')}
                  </span>
                </li>
              ))}
              <More total={conflicted.length} />
            </ul>
          </details>
        )}
        {preview.invalid.length > 0 && (
          <details open>
            <summary>Invalid ({preview.invalid.length})</summary>
            <ul>
              {preview.invalid.slice(0, SHOWN).map(({ index, label, reason }) => (
                <li key={`${index}-${label ?? ''}`}>
                  Entry {index + 1}
                  {label ? ` (${label})` : ''}: {reason}
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
          Overwrite notes and tags of {conflicted.length} existing{' '}
          {conflicted.length === 1 ? 'bookmark' : 'bookmarks'}
        </label>
      )}
      {hasSettings && (
        <label class="checkbox">
          <input
            type="checkbox"
            checked={restoreSettings}
            onChange={(event) => setRestoreSettings((event.currentTarget as HTMLInputElement).checked)}
          />
          Also replace my settings with this file’s (watched topics, badge, sites, schedule)
        </label>
      )}
      <div class="dialog-actions">
        <button type="button" class="text-button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          class="primary-button"
          disabled={busy}
          onClick={() => onConfirm(overwrite, restoreSettings)}
        >
          {busy ? 'Importing…' : 'Import'}
        </button>
      </div>
    </dialog>
  );
}
