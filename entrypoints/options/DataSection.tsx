import { useState } from 'preact/hooks';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ImportButton } from '@/components/ImportButton';
import { ImportPreview } from '@/components/ImportPreview';
import { OptionsSection } from '@/components/OptionsSection';
import { useBookmarkImport } from '@/lib/hooks/use-bookmark-import';
import { useLiveQuery } from '@/lib/hooks/use-live-query';
import { exportEverything } from '@/lib/library/export-library';
import { formatBytes, storageSummary } from '@/lib/library/storage-summary';
import { sendMessage } from '@/lib/messaging/send';
import type { PaperPulseDB } from '@/lib/storage/db';
import type { Settings } from '@/lib/storage/settings';

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString()} ${count === 1 ? one : many}`;

/** How much is stored; export and import everything; clear the feed cache or everything. */
export function DataSection({ db, settings }: { db: PaperPulseDB; settings: Settings }) {
  const summary = useLiveQuery(() => storageSummary(db), [db], undefined);
  const importer = useBookmarkImport(db);
  const [asking, setAsking] = useState<'feed' | 'everything' | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const { state } = importer;

  async function clear(what: 'feed' | 'everything') {
    setBusy(true);
    try {
      await sendMessage('data.clear', { what });
      setMessage({
        text:
          what === 'feed'
            ? 'The feed cache is cleared; it is being fetched again.'
            : 'Everything is cleared.',
      });
    } catch (error) {
      setMessage({ text: `Nothing was cleared: ${(error as Error).message}`, error: true });
    } finally {
      setBusy(false);
      setAsking(null);
    }
  }

  return (
    <OptionsSection id="data" title="Data">
      <p class="data-summary">
        {summary
          ? `${plural(summary.bookmarks, 'bookmark')} (${summary.withNotesOrTags.toLocaleString()} with notes or tags), ` +
            `${plural(summary.removed, 'recently removed bookmark')}, ${plural(summary.days, 'day')} of Daily Papers ` +
            `(${plural(summary.papers, 'paper')})${summary.bytes !== undefined ? `; ${formatBytes(summary.bytes)} in all` : ''}.`
          : 'Counting…'}
      </p>
      <div class="data-actions">
        <button
          type="button"
          class="text-button"
          onClick={() =>
            void exportEverything(db, settings, Date.now()).catch((error: Error) =>
              setMessage({ text: `The export failed: ${error.message}`, error: true }),
            )
          }
        >
          Export everything
        </button>
        <ImportButton
          busy={state.stage === 'reading' || state.stage === 'applying'}
          onFile={(file) => void importer.choose(file)}
        />
        <button type="button" class="text-button" onClick={() => setAsking('feed')}>
          Clear the feed cache
        </button>
        <button type="button" class="danger-button" onClick={() => setAsking('everything')}>
          Clear everything…
        </button>
      </div>
      <p class="hint">
        “Export everything” writes one file with your library and these settings; “Import…” reads it back (or
        a library backup, or BibTeX) with a preview first.
      </p>
      {(message || state.stage === 'done' || state.stage === 'error' || state.stage === 'reading') && (
        <p
          class={message?.error || state.stage === 'error' ? 'field-error' : 'hint'}
          role={message?.error || state.stage === 'error' ? 'alert' : 'status'}
        >
          {state.stage === 'done' || state.stage === 'error'
            ? state.message
            : state.stage === 'reading'
              ? `Reading ${state.fileName}…`
              : message?.text}
        </p>
      )}
      {(state.stage === 'preview' || state.stage === 'applying') && (
        <ImportPreview
          fileName={state.fileName}
          preview={state.preview}
          busy={state.stage === 'applying'}
          hasSettings={state.settings !== undefined}
          onConfirm={(overwrite, restoreSettings) => void importer.confirm(overwrite, restoreSettings)}
          onCancel={importer.cancel}
        />
      )}
      {asking === 'feed' && (
        <ConfirmDialog
          title="Clear the feed cache?"
          confirmLabel="Clear the feed cache"
          busy={busy}
          onConfirm={() => void clear('feed')}
          onCancel={() => setAsking(null)}
        >
          <p>
            The {plural(summary?.days ?? 0, 'stored day')} of Daily Papers go, and PaperPulse fetches the
            latest ones again. Your bookmarks, notes and tags stay.
          </p>
        </ConfirmDialog>
      )}
      {asking === 'everything' && (
        <ConfirmDialog
          title="Clear everything?"
          confirmLabel="Clear everything"
          busy={busy}
          onConfirm={() => void clear('everything')}
          onCancel={() => setAsking(null)}
        >
          <p>This deletes, on this browser:</p>
          <ul>
            <li>
              {plural(summary?.bookmarks ?? 0, 'bookmark')}, with the notes and tags of{' '}
              {plural(summary?.withNotesOrTags ?? 0, 'bookmark')}
            </li>
            <li>{plural(summary?.removed ?? 0, 'recently removed bookmark')}</li>
            <li>{plural(summary?.days ?? 0, 'day')} of Daily Papers</li>
            <li>your watched topics and every setting on this page</li>
          </ul>
          {settings.syncBookmarks && (
            <p>
              Sync is on: the bookmarks are removed from your other browsers too (each keeps them in “Recently
              removed” for 30 days).
            </p>
          )}
          <p>It cannot be undone. “Export everything” first keeps a copy.</p>
        </ConfirmDialog>
      )}
    </OptionsSection>
  );
}
