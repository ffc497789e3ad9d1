import type { ExportFormatId } from '@/lib/library/export';
import { ExportMenu } from './ExportMenu';
import { ImportButton } from './ImportButton';

export interface LibraryBarProps {
  shown: number;
  total: number;
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
          {shown === total ? '' : `${shown} of `}
          {total === 1 ? '1 bookmark' : `${total} bookmarks`}
        </span>
        <ExportMenu formats={formats} count={total} onExport={onExport} />
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
