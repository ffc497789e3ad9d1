import { useState } from 'preact/hooks';
import { sendMessage } from '../messaging/send';
import type { PaperPulseDB } from '../storage/db';
import type { ImportPreview } from '../library/import/preview';
import type { ImportFile } from '../library/prepare-import';

// The BibTeX parser is most of the tab's code and only an import needs it: load it then.
const importModules = () => import('../library/prepare-import');

export type ImportState =
  | { stage: 'idle' }
  | { stage: 'reading'; fileName: string }
  | { stage: 'preview'; fileName: string; preview: ImportPreview; restore: boolean }
  | { stage: 'applying'; fileName: string; preview: ImportPreview; restore: boolean }
  | { stage: 'error'; message: string }
  | { stage: 'done'; message: string };

/** Choose a file → preview → confirm or cancel. Nothing is written before the user confirms. */
export function useBookmarkImport(db: PaperPulseDB) {
  const [state, setState] = useState<ImportState>({ stage: 'idle' });

  async function choose(file: ImportFile) {
    setState({ stage: 'reading', fileName: file.name });
    const { prepareImport } = await importModules();
    const prepared = await prepareImport(db, file, Date.now());
    setState(prepared.ok ? { stage: 'preview', ...prepared } : { stage: 'error', message: prepared.error });
  }

  async function confirm(overwriteUserFields: boolean) {
    if (state.stage !== 'preview') return;
    setState({ ...state, stage: 'applying' });
    try {
      const { importSummary } = await importModules();
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
