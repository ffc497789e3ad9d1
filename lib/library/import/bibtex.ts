/**
 * BibTeX import, parsed by @retorquere/bibtex-parser: the parser of Better BibTeX for Zotero, so it
 * has met the BibTeX people actually have (JabRef, Zotero, Mendeley, DBLP, Google Scholar). It
 * turns LaTeX into Unicode (`Sch{\"o}lkopf` → Schölkopf, `$x^2$` → x², `\&` → &), resolves
 * `@string`s, splits names into parts, and, what decided it, reports a broken entry and reads on:
 * `bibtex-parse` and `@citation-js/plugin-bibtex` both reject the whole file at the first syntax
 * error, and neither converts LaTeX. ESM with types, no Node built-ins, released regularly. Its cost
 * is size (~550 KB minified, mostly LaTeX↔Unicode tables), paid only by the import's Worker.
 *
 * The file is measured first (./bibtex-scan.ts), and refused when it would make the parser work
 * without end; the parser then reads it without the values an import does not use (./bibtex-reduce.ts).
 */
import { parse, type Entry, type Library, type Options } from '@retorquere/bibtex-parser';
import { IMPORT_LIMITS } from '../../limits';
import { BIBTEX_FIELD_NAMES, bookmarkFromEntry } from './bibtex-entry';
import { newMarker, reduceBibtex, restoreOriginals } from './bibtex-reduce';
import { scanBibtex, type ScanCaps, type ScannedEntry, type ScanProblem } from './bibtex-scan';
import {
  nothingToImport,
  validateCandidates,
  type CandidateRow,
  type ImportIssue,
  type ParseOutcome,
} from './candidates';
import { formatCount } from './describe-issues';
import { t } from '../../i18n';

export const BIBTEX_PARSE_OPTIONS: Options = {
  // Keep titles as written: by default the parser sentence-cases English titles for Zotero.
  sentenceCase: false,
  english: false,
  caseProtection: false,
  // An unknown command keeps its argument's text rather than failing the entry.
  unsupported: 'ignore',
  // Keywords are verbatim by default, which would keep `\#1` as written; biblatex reads them as
  // text, and so does PaperPulse's export, so LaTeX in them is converted like in a title.
  fieldMode: { keywords: 'richtext' },
};

/**
 * A unit of work is a character the parser's first pass reads, a few nanoseconds; a file may cost
 * twenty readings of itself (a real file costs one, and one more for each unclosed brace).
 */
export function bibtexScanCaps(length: number): ScanCaps {
  return {
    stringLength: IMPORT_LIMITS.bibtexStringLength,
    expandedLength: IMPORT_LIMITS.bibtexExpandedLength,
    entries: IMPORT_LIMITS.entries,
    errors: IMPORT_LIMITS.bibtexErrors,
    work: 20 * length + 100_000_000,
  };
}

export function scanProblemText(problem: ScanProblem): string {
  switch (problem.kind) {
    case 'string':
      return t(
        'importStringTooLong',
        problem.name.slice(0, 50),
        formatCount(IMPORT_LIMITS.bibtexStringLength),
      );
    case 'expanded':
      return t('importExpandedTooLong', formatCount(IMPORT_LIMITS.bibtexExpandedLength));
    case 'entries':
      return t('importTooManyEntries', formatCount(IMPORT_LIMITS.entries));
    case 'errors':
      return t('importTooManyErrors', formatCount(IMPORT_LIMITS.bibtexErrors));
    case 'work':
      return t('importTooManyBraces');
  }
}

/** The parser's error about an entry it could not read names it by type and key. */
function brokenReason(entry: ScannedEntry, errors: Library['errors']): string {
  const opening = new RegExp(
    `^@\\s*${entry.type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[{(]\\s*${entry.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*,`,
    'i',
  );
  const error = errors.find(({ input }) => opening.test(input ?? ''));
  // The message of an entry that failed in LaTeX ends with the entry's whole text.
  const message = error?.error.split('\n', 1)[0]?.slice(0, 200);
  return message ? t('importNotValidBibtexBecause', message) : t('importNotValidBibtex');
}

type Parsed = { index: number; label?: string } & ({ entry: Entry } | { reason: string });

/**
 * The parser's entries matched to the scanned ones, in order: the parser leaves out an entry whose
 * LaTeX it cannot convert, which is then listed with its error. Undefined when they do not match
 * (the file was not read as the scan read it).
 */
function align(library: Library, scanned: readonly ScannedEntry[]): Parsed[] | undefined {
  let next = 0;
  const parsed = scanned.map((expected, index): Parsed => {
    const entry = library.entries[next];
    const label = expected.key ? { label: expected.key } : {};
    if (
      entry &&
      entry.type === expected.type &&
      entry.key === expected.key &&
      !entry.input === expected.broken
    ) {
      next++;
      // The parser lists an entry its first pass could not read, with what it read of it.
      if (!expected.broken) return { index, ...label, entry };
    }
    return { index, ...label, reason: brokenReason(expected, library.errors) };
  });
  return next === library.entries.length ? parsed : undefined;
}

function parseEntries(text: string, scanned: readonly ScannedEntry[]): Parsed[] {
  const reduced = reduceBibtex(text, scanned, newMarker());
  const fast = align(parse(reduced.text, BIBTEX_PARSE_OPTIONS), scanned);
  const withEntries = (parsed: Parsed[]) =>
    parsed.flatMap((item) => ('entry' in item ? [{ index: item.index, entry: item.entry }] : []));
  if (fast && restoreOriginals(withEntries(fast), reduced)) {
    return fast.map((item) => {
      const reason = reduced.refused.get(item.index);
      return reason ? { index: item.index, ...(item.label ? { label: item.label } : {}), reason } : item;
    });
  }
  // Not read as the scan read it (tests/unit/import-bibtex-scan.test.ts keeps this from happening):
  // the file as written, in the parser's own order.
  const library = parse(text, BIBTEX_PARSE_OPTIONS);
  return (
    align(library, scanned) ??
    library.entries.map((entry, index) => ({ index, ...(entry.key ? { label: entry.key } : {}), entry }))
  );
}

export function parseBibtexImport(text: string, now: number): ParseOutcome {
  const scan = scanBibtex(text, bibtexScanCaps(text.length));
  if (!scan.ok) return { ok: false, error: scanProblemText(scan.problem) };
  if (scan.entries.length === 0) {
    return { ok: false, error: t('importNoBibtexEntries') };
  }
  const rows: CandidateRow[] = [];
  const unreadable: ImportIssue[] = [];
  for (const item of parseEntries(text, scan.entries)) {
    const { index, label } = item;
    const value = 'entry' in item ? bookmarkFromEntry(item.entry, now) : item.reason;
    const where = label === undefined ? { index } : { index, label };
    if (typeof value === 'string') unreadable.push({ ...where, reason: value });
    else rows.push({ ...where, value });
  }
  const { candidates, invalid } = validateCandidates(rows, BIBTEX_FIELD_NAMES);
  const allInvalid = [...unreadable, ...invalid].sort((a, b) => a.index - b.index);
  if (candidates.length === 0) return { ok: false, error: nothingToImport(allInvalid) };
  return { ok: true, candidates, invalid: allInvalid };
}
