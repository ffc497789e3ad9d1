/**
 * BibTeX import, parsed by @retorquere/bibtex-parser: the parser of Better BibTeX for Zotero, so it
 * has met the BibTeX people actually have (JabRef, Zotero, Mendeley, DBLP, Google Scholar). It
 * turns LaTeX into Unicode (`Sch{\"o}lkopf` → Schölkopf, `$x^2$` → x², `\&` → &), resolves
 * `@string`s, splits names into parts, and, what decided it, reports a broken entry and reads on:
 * `bibtex-parse` and `@citation-js/plugin-bibtex` both reject the whole file at the first syntax
 * error, and neither converts LaTeX. ESM with types, no Node built-ins, released regularly. Its cost
 * is size (~550 KB minified, mostly LaTeX↔Unicode tables), paid only by the page that imports.
 */
import { parse, type Entry, type Options } from '@retorquere/bibtex-parser';
import { BIBTEX_FIELD_NAMES, bookmarkFromEntry } from './bibtex-entry';
import {
  nothingToImport,
  validateCandidates,
  type CandidateRow,
  type ImportIssue,
  type ParseOutcome,
} from './candidates';

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

/** The parser reports a broken entry as one with no input; its error names it by type and key. */
function brokenReason(entry: Entry, errors: readonly { error: string; input?: string }[]): string {
  const opening = new RegExp(
    `^@${entry.type}\\s*[{(]\\s*${entry.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*,`,
    'i',
  );
  const error = errors.find(({ input }) => opening.test(input ?? ''));
  return error ? `not valid BibTeX: ${error.error}` : 'not valid BibTeX';
}

export function parseBibtexImport(text: string, now: number): ParseOutcome {
  const library = parse(text, BIBTEX_PARSE_OPTIONS);
  if (library.entries.length === 0) {
    const detail = library.errors[0] ? ` (${library.errors[0].error})` : '';
    return { ok: false, error: `No BibTeX entries (such as @article{…}) were found in this file${detail}.` };
  }
  const rows: CandidateRow[] = [];
  const unreadable: ImportIssue[] = [];
  library.entries.forEach((entry, index) => {
    const label = entry.key || undefined;
    const value = entry.input ? bookmarkFromEntry(entry, now) : brokenReason(entry, library.errors);
    if (typeof value === 'string')
      unreadable.push(label ? { index, label, reason: value } : { index, reason: value });
    else rows.push(label ? { index, label, value } : { index, value });
  });
  const { candidates, invalid } = validateCandidates(rows, BIBTEX_FIELD_NAMES);
  const allInvalid = [...unreadable, ...invalid].sort((a, b) => a.index - b.index);
  if (candidates.length === 0) return { ok: false, error: nothingToImport(allInvalid) };
  return { ok: true, candidates, invalid: allInvalid };
}
