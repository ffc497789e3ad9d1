import { utcDay } from '../../dates';
import type { Bookmark } from '../../storage/records';
import { toBackupJson } from './backup';
import { toBibtex } from './bibtex';
import { toCslJson } from './csl-json';
import { toCsv } from './csv';
import { toMarkdown } from './markdown';
import { toRis } from './ris';
import { t } from '../../i18n';

/** Turns the library into a file's text; `now` (ms) stamps formats that record when they were made. */
export type ExportFunction = (bookmarks: readonly Bookmark[], now?: number) => string;

export interface ExportFormat {
  id: ExportFormatId;
  label: string;
  /** Without the dot; `csl.json` so that it is not mistaken for a backup. */
  extension: string;
  mimeType: string;
  serialize: ExportFunction;
}

export type ExportFormatId = 'bibtex' | 'ris' | 'csl-json' | 'csv' | 'markdown' | 'backup';

// MIME types: BibTeX and RIS have no registered type; these are the ones reference managers
// register for their file associations. CSL-JSON's is the CSL project's registered vendor type.
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: 'bibtex', label: 'BibTeX', extension: 'bib', mimeType: 'application/x-bibtex', serialize: toBibtex },
  {
    id: 'ris',
    label: t('exportRis'),
    extension: 'ris',
    mimeType: 'application/x-research-info-systems',
    serialize: toRis,
  },
  {
    id: 'csl-json',
    label: t('exportCslJson'),
    extension: 'csl.json',
    mimeType: 'application/vnd.citationstyles.csl+json',
    serialize: toCslJson,
  },
  { id: 'csv', label: t('exportCsv'), extension: 'csv', mimeType: 'text/csv', serialize: toCsv },
  {
    id: 'markdown',
    label: t('exportMarkdown'),
    extension: 'md',
    mimeType: 'text/markdown',
    serialize: toMarkdown,
  },
  {
    id: 'backup',
    label: t('exportBackup'),
    extension: 'json',
    mimeType: 'application/json',
    serialize: toBackupJson,
  },
];

export function exportFormat(id: ExportFormatId): ExportFormat {
  const format = EXPORT_FORMATS.find((candidate) => candidate.id === id);
  if (!format) throw new Error(`unknown export format: ${id}`);
  return format;
}

/** "paperpulse-bookmarks-2024-10-22.bib", "paperpulse-backup-2024-10-22.json" (UTC day). */
export function exportFileName(formatId: ExportFormatId, now: number): string {
  const { extension } = exportFormat(formatId);
  const day = utcDay(now);
  const stem = formatId === 'backup' ? 'paperpulse-backup' : 'paperpulse-bookmarks';
  return `${stem}-${day}.${extension}`;
}
