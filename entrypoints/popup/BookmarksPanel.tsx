import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BookmarkChanges } from '@/lib/messaging/contract';
import { sendMessage } from '@/lib/messaging/send';
import type { PaperPulseDB } from '@/lib/storage/db';
import { EXPORT_FORMATS } from '@/lib/library/export';
import {
  bookmarkList,
  DEFAULT_LIST_OPTIONS,
  prepareSearch,
  tagCounts,
  type BookmarkListOptions,
} from '@/lib/library/bookmark-list';
import { exportLibrary } from '@/lib/library/export-library';
import { libraryView } from '@/lib/library/library-query';
import { useBookmarkImport } from '@/lib/hooks/use-bookmark-import';
import { useUndoRemove } from '@/lib/hooks/use-undo-remove';
import { useLiveQuery } from '@/lib/hooks/use-live-query';
import { useSettings } from '@/lib/hooks/use-settings';
import type { Bookmark } from '@/lib/storage/records';
import { BookmarkList } from '@/components/BookmarkList';
import { BookmarkToolbar } from '@/components/BookmarkToolbar';
import { EmptyState } from '@/components/EmptyState';
import { LibraryBar } from '@/components/LibraryBar';
import { useInToolbarPopup } from '@/lib/hooks/use-in-toolbar-popup';
import { openInTab } from '@/lib/popup/popup-window';
import { ImportPreview } from '@/components/ImportPreview';
import { UndoToast } from '@/components/UndoToast';
import { RecentlyRemoved } from '@/components/RecentlyRemoved';
import { WriteError } from '@/components/WriteError';
import { useWriteErrors } from '@/lib/hooks/use-write-errors';
import { initialSearch } from '@/lib/popup/popup-window';
import { t } from '@/lib/i18n';

/** The Bookmarks tab: wiring only; filtering lives in lib/library/bookmark-list.ts. */
export function BookmarksPanel({ db }: { db: PaperPulseDB }) {
  // "Open in PaperPulse" from a page lands here searched for that paper.
  const [options, setOptions] = useState<BookmarkListOptions>(() => ({
    ...DEFAULT_LIST_OPTIONS,
    query: initialSearch(),
  }));
  const writes = useWriteErrors();
  const trash = useLiveQuery(() => db.trash.orderBy('removedAt').reverse().toArray(), [db], []);
  const save = (bookmark: Bookmark, changes: BookmarkChanges) =>
    writes
      .attempt(t('writeNotSaved'), () => sendMessage('bookmark.update', { key: bookmark.key, changes }))
      .then(() => undefined);
  const restore = (key: string) =>
    void writes
      .attempt(t('writeNotRestored'), () => sendMessage('bookmark.restore', { key }))
      .catch(() => undefined);
  const [exportError, setExportError] = useState('');
  const inToolbarPopup = useInToolbarPopup();
  const showVersionAlerts = useSettings().loaded?.settings.versionAlerts ?? false;
  const library = useLiveQuery(() => libraryView(db), [db], undefined);
  const all = library?.bookmarks ?? [];
  const shown = useMemo(() => bookmarkList(all, options, library?.upvotes), [library, options]);
  const tags = useMemo(() => tagCounts(all), [library]);
  // The search text of every row, built while the popup is idle, before the first keystroke.
  useEffect(() => prepareSearch(all), [library]);
  const removal = useUndoRemove();
  const importer = useBookmarkImport(db);
  const { state } = importer;
  const change = (changes: Partial<BookmarkListOptions>) =>
    setOptions((current) => ({ ...current, ...changes }));

  const list = () => {
    if (library === undefined) return null;
    if (all.length === 0) {
      return <EmptyState title={t('bookmarksEmptyTitle')}>{t('bookmarksEmptyBody')}</EmptyState>;
    }
    if (shown.length === 0) {
      return (
        <EmptyState title={t('bookmarksNoMatchTitle')}>
          <button
            type="button"
            class="text-button"
            onClick={() => setOptions({ ...DEFAULT_LIST_OPTIONS, sort: options.sort })}
          >
            {t('bookmarksClearFilters')}
          </button>
        </EmptyState>
      );
    }
    return (
      <BookmarkList
        bookmarks={shown}
        upvotes={library.upvotes}
        label={
          shown.length === all.length
            ? t('bookmarksListLabel')
            : t('bookmarksListLabelFiltered', shown.length, all.length)
        }
        onToggleRead={(bookmark) => void save(bookmark, { read: !bookmark.read }).catch(() => undefined)}
        onRemove={(bookmark) =>
          void writes.attempt(t('writeNotRemoved'), () => removal.remove(bookmark)).catch(() => undefined)
        }
        onTag={(tag) => change({ tag })}
        onSaveTags={(bookmark, tags) => save(bookmark, { tags })}
        onSaveNote={(bookmark, note) => save(bookmark, { note })}
        showVersionAlerts={showVersionAlerts}
        onDismissVersion={(bookmark) =>
          void writes
            .attempt(t('writeNotDismissed'), () =>
              sendMessage('bookmark.dismissVersionAlert', { key: bookmark.key }),
            )
            .catch(() => undefined)
        }
      />
    );
  };

  return (
    <>
      {all.length > 0 && <BookmarkToolbar options={options} tags={tags} onChange={change} />}
      <LibraryBar
        onPickElsewhere={inToolbarPopup ? () => void openInTab('bookmarks') : undefined}
        shown={shown.length}
        total={library === undefined ? undefined : all.length}
        formats={EXPORT_FORMATS}
        busy={state.stage === 'reading' || state.stage === 'applying'}
        error={state.stage === 'error' ? state.message : exportError}
        status={
          state.stage === 'done'
            ? state.message
            : state.stage === 'reading'
              ? t('importReading', state.fileName)
              : ''
        }
        onExport={(formatId) => {
          setExportError('');
          exportLibrary(db, formatId, Date.now()).catch((error: Error) =>
            setExportError(t('exportFailed', error.message)),
          );
        }}
        onFile={(file) => void importer.choose(file)}
      />
      {list()}
      {(state.stage === 'preview' || state.stage === 'applying') && (
        <ImportPreview
          fileName={state.fileName}
          preview={state.preview}
          busy={state.stage === 'applying'}
          onConfirm={(overwrite) => void importer.confirm(overwrite)}
          onCancel={importer.cancel}
        />
      )}
      <RecentlyRemoved rows={trash} now={Date.now()} onRestore={restore} />
      <WriteError message={writes.error} onDismiss={writes.dismiss} />
      <UndoToast
        message={removal.removal && t('removedToast', removal.removal.title)}
        id={removal.removal?.at ?? 0}
        onUndo={() => void writes.attempt(t('writeNotRestored'), () => removal.undo()).catch(() => undefined)}
        onDismiss={removal.dismiss}
      />
    </>
  );
}
