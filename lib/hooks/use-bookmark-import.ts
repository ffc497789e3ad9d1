import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../messaging/send';
import { t } from '../i18n';
import { loadSettings, updateSettings } from '../storage/settings';
import type { PaperPulseDB } from '../storage/db';
import type { ImportPreview } from '../library/import/preview';
import { parseOffThread } from '../library/import/off-thread';
import { importSummary, prepareImport, type ImportFile } from '../library/prepare-import';

export type ImportState =
  | { stage: 'idle' }
  | { stage: 'reading'; fileName: string }
  | { stage: 'preview'; fileName: string; preview: ImportPreview; restore: boolean; settings?: unknown }
  | { stage: 'applying'; fileName: string; preview: ImportPreview; restore: boolean; settings?: unknown }
  | { stage: 'error'; message: string }
  | { stage: 'done'; message: string };

// Kept outside the component: switching tabs unmounts the Bookmarks panel, and a file being read
// (or its preview) must still be there when the user comes back (tests/e2e/import-hostile.spec.ts).
let current: ImportState = { stage: 'idle' };
const listeners = new Set<(state: ImportState) => void>();
function publish(next: ImportState) {
  current = next;
  for (const listener of listeners) listener(next);
}

/**
 * Choose a file → preview → confirm or cancel. Nothing is written before the user confirms. The
 * file is parsed in a Worker (the parsers are loaded there only), so the popup stays responsive.
 */
export function useBookmarkImport(db: PaperPulseDB) {
  const [state, setState] = useState<ImportState>(current);
  useEffect(() => {
    listeners.add(setState);
    setState(current);
    return () => void listeners.delete(setState);
  }, []);

  async function choose(file: ImportFile) {
    if (current.stage === 'reading' || current.stage === 'applying') return;
    publish({ stage: 'reading', fileName: file.name });
    const prepared = await prepareImport(db, file, Date.now(), parseOffThread);
    publish(prepared.ok ? { stage: 'preview', ...prepared } : { stage: 'error', message: prepared.error });
  }

  /** With `restoreSettings`, a full export's settings replace the current ones after the library. */
  async function confirm(overwriteUserFields: boolean, restoreSettings = false) {
    const previewed = current;
    if (previewed.stage !== 'preview') return;
    publish({ ...previewed, stage: 'applying' });
    try {
      const { preview, restore } = previewed;
      const rows = [...preview.new, ...preview.existing.map(({ incoming }) => incoming)];
      const result = await sendMessage('library.import', { rows, overwriteUserFields, restore });
      let message = importSummary(result);
      if (restoreSettings && previewed.settings !== undefined) {
        await updateSettings(loadSettings(previewed.settings).settings);
        message += ` ${t('importSettingsRestored')}`;
      }
      publish({ stage: 'done', message });
    } catch (error) {
      publish({ stage: 'error', message: t('importNothing', (error as Error).message) });
    }
  }

  return { state, choose, confirm, cancel: () => publish({ stage: 'idle' }) };
}
