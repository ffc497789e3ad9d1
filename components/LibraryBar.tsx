import type { ExportFormatId } from '@/lib/library/export';
import { ExportMenu } from './ExportMenu';
import { ImportButton } from './ImportButton';
import { t, tp } from '@/lib/i18n';

export interface LibraryBarProps {
  shown: number;
  /** Undefined while the library is still being read: the bar says so instead of "0 bookmarks". */
  total: number | undefined;
  formats: readonly { id: ExportFormatId; label: string }[];
  busy: boolean;
  /** The last import's (or export's) outcome: an error is an alert, anything else a status. */
  error?: string;
  status?: string;
  onExport: (formatId: ExportFormatId) => void;
  onFile: (file: File) => void;
  onPickElsewhere?: () => void;
}

/** How many bookmarks, export and import, and what the last import did. */
export function LibraryBar({
  shown,
  total,
  formats,
  busy,
  error,
  status,
  onExport,
  onFile,
  onPickElsewhere,
}: LibraryBarProps) {
  return (
    <>
      <div class="library-bar">
        <span class="library-count">
          {total === undefined
            ? t('loading')
            : shown === total
              ? tp('bookmarkCount', total)
              : t('libraryShownOf', shown, tp('bookmarkCount', total))}
        </span>
        <ExportMenu formats={formats} count={total ?? 0} onExport={onExport} />
        <ImportButton busy={busy} onFile={onFile} onPickElsewhere={onPickElsewhere} />
      </div>
      {error && (
        <p class="library-message status-error" role="alert">
          {error}
        </p>
      )}
      {/* Always in the page, so that screen readers announce what is written into it. */}
      <p class="library-message" role="status">
        {status}
      </p>
    </>
  );
}
