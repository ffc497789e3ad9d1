import { useState } from 'preact/hooks';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ImportButton } from '@/components/ImportButton';
import { ImportPreview } from '@/components/ImportPreview';
import { OptionsSection } from '@/components/OptionsSection';
import { useBookmarkImport } from '@/lib/hooks/use-bookmark-import';
import { useLiveQuery } from '@/lib/hooks/use-live-query';
import { exportEverything } from '@/lib/library/export-library';
import { formatBytes, storageSummary, type StorageSummary } from '@/lib/library/storage-summary';
import { sendMessage } from '@/lib/messaging/send';
import type { PaperPulseDB } from '@/lib/storage/db';
import type { Settings } from '@/lib/storage/settings';
import { t, tp, type PluralKey } from '@/lib/i18n';
import { LIMITS } from '@/lib/limits';

/** "1,234 bookmarks": the plural message of `key`, with the count in the browser's number format. */
const plural = (key: PluralKey, count: number) => tp(key, count, count.toLocaleString());

/** "12 bookmarks (3 with notes or tags), 1 recently removed bookmark, 90 days of Daily Papers (…); 4.2 MB in all." */
function dataSummary(summary: StorageSummary): string {
  const parts = [
    plural('bookmarkCount', summary.bookmarks),
    summary.withNotesOrTags.toLocaleString(),
    plural('removedBookmarkCount', summary.removed),
    plural('dayCount', summary.days),
    plural('paperCount', summary.papers),
  ] as const;
  return summary.bytes === undefined
    ? t('dataSummary', ...parts)
    : t('dataSummaryBytes', ...parts, formatBytes(summary.bytes));
}

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
        text: what === 'feed' ? t('dataFeedCleared') : t('dataCleared'),
      });
    } catch (error) {
      setMessage({ text: t('dataNotCleared', (error as Error).message), error: true });
    } finally {
      setBusy(false);
      setAsking(null);
    }
  }

  return (
    <OptionsSection id="data" title={t('optionsDataSection')}>
      <p class="data-summary">{summary ? dataSummary(summary) : t('counting')}</p>
      <div class="data-actions">
        <button
          type="button"
          class="text-button"
          onClick={() =>
            void exportEverything(db, settings, Date.now()).catch((error: Error) =>
              setMessage({ text: t('exportFailed', error.message), error: true }),
            )
          }
        >
          {t('exportEverything')}
        </button>
        <ImportButton
          busy={state.stage === 'reading' || state.stage === 'applying'}
          onFile={(file) => void importer.choose(file)}
        />
        <button type="button" class="text-button" onClick={() => setAsking('feed')}>
          {t('clearFeed')}
        </button>
        <button type="button" class="danger-button" onClick={() => setAsking('everything')}>
          {t('clearEverythingButton')}
        </button>
      </div>
      <p class="hint">{t('dataHint')}</p>
      {(message || state.stage === 'done' || state.stage === 'error' || state.stage === 'reading') && (
        <p
          class={message?.error || state.stage === 'error' ? 'field-error' : 'hint'}
          role={message?.error || state.stage === 'error' ? 'alert' : 'status'}
        >
          {state.stage === 'done' || state.stage === 'error'
            ? state.message
            : state.stage === 'reading'
              ? t('importReading', state.fileName)
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
          title={t('clearFeedTitle')}
          confirmLabel={t('clearFeed')}
          busy={busy}
          onConfirm={() => void clear('feed')}
          onCancel={() => setAsking(null)}
        >
          <p>{t('clearFeedBody', plural('storedDayCount', summary?.days ?? 0))}</p>
        </ConfirmDialog>
      )}
      {asking === 'everything' && (
        <ConfirmDialog
          title={t('clearEverythingTitle')}
          confirmLabel={t('clearEverything')}
          busy={busy}
          onConfirm={() => void clear('everything')}
          onCancel={() => setAsking(null)}
        >
          <p>{t('clearEverythingIntro')}</p>
          <ul>
            <li>
              {t(
                'clearItemBookmarks',
                plural('bookmarkCount', summary?.bookmarks ?? 0),
                plural('bookmarkCount', summary?.withNotesOrTags ?? 0),
              )}
            </li>
            <li>{plural('removedBookmarkCount', summary?.removed ?? 0)}</li>
            <li>{t('clearItemDays', plural('dayCount', summary?.days ?? 0))}</li>
            <li>{t('clearItemSettings')}</li>
          </ul>
          {settings.syncBookmarks && <p>{t('clearEverythingSync', LIMITS.trashDays)}</p>}
          <p>{t('clearEverythingLast')}</p>
        </ConfirmDialog>
      )}
    </OptionsSection>
  );
}
