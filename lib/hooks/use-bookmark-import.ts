import { useState } from 'preact/hooks';
import { sendMessage } from '../messaging/send';
import type { PaperPulseDB } from '../storage/db';
import type { ImportPreview } from '../library/import/preview';
import { parseOffThread } from '../library/import/off-thread';
import { importSummary, prepareImport, type ImportFile } from '../library/prepare-import';

export type ImportState =
  | { stage: 'idle' }
  | { stage: 'reading'; fileName: string }
  | { stage: 'preview'; fileName: string; preview: ImportPreview; restore: boolean }
  | { stage: 'applying'; fileName: string; preview: ImportPreview; restore: boolean }
  | { stage: 'error'; message: string }
  | { stage: 'done'; message: string };

/**
 * Choose a file → preview → confirm or cancel. Nothing is written before the user confirms. The
 * file is parsed in a Worker (the parsers are loaded there only), so the popup stays responsive.
 */
export function useBookmarkImport(db: PaperPulseDB) {
  const [state, setState] = useState<ImportState>({ stage: 'idle' });

  async function choose(file: ImportFile) {
    setState({ stage: 'reading', fileName: file.name });
    const prepared = await prepareImport(db, file, Date.now(), parseOffThread);
    setState(prepared.ok ? { stage: 'preview', ...prepared } : { stage: 'error', message: prepared.error });
  }

  async function confirm(overwriteUserFields: boolean) {
    if (state.stage !== 'preview') return;
    setState({ ...state, stage: 'applying' });
    try {
      const { preview, restore } = state;
      const rows = [...preview.new, ...preview.existing.map(({ incoming }) => incoming)];
      const result = await sendMessage('library.import', { rows, overwriteUserFields, restore });
      setState({ stage: 'done', message: importSummary(result) });
    } catch (error) {
      setState({ stage: 'error', message: `Nothing was imported: ${(error as Error).message}` });
    }
  }

  return { state, choose, confirm, cancel: () => setState({ stage: 'idle' }) };
}
