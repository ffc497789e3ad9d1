import { readFileSync } from 'node:fs';
import { escapeLatex } from '../../lib/library/export/bibtex';

/**
 * Hostile import files built from tests/fixtures/import/injection-payloads.json, read by the unit
 * suite (tests/unit/import-hostile.test.ts) and the browser suite (tests/e2e/import-hostile.spec.ts):
 * a backup with every text payload in every text field and every URL payload in the link fields,
 * and a BibTeX file with the same payloads, escaped as an exporter writes them and raw.
 */

interface PayloadFile {
  text: { name: string; text: string }[];
  urls: { name: string; url: string }[];
}
const fixture = JSON.parse(
  // Both suites run from the project's root.
  readFileSync('tests/fixtures/import/injection-payloads.json', 'utf8'),
) as PayloadFile;

export const TEXT_PAYLOADS = fixture.text;
export const URL_PAYLOADS = fixture.urls;

const urlAt = (index: number) => URL_PAYLOADS[index % URL_PAYLOADS.length]!.url;

/** One backup row per text payload, every field cut to its bound so that the row imports. */
export function hostileBackupRows(now: number) {
  return TEXT_PAYLOADS.map(({ text }, index) => ({
    key: `doi:10.5555/h${index}-${text.replace(/\s+/g, '').slice(0, 100) || 'blank'}`,
    arxivId: text.slice(0, 40),
    doi: text.slice(0, 300),
    title: `H${index} ${text}`.slice(0, 1000),
    authors: [text.slice(0, 300), `Author ${index}`],
    absUrl: urlAt(index),
    pdfUrl: urlAt(index + 1),
    publishedAt: text.slice(0, 40),
    venue: text.slice(0, 1000),
    summary: text,
    tags: [text.slice(0, 100), 'hostile'],
    note: text,
    read: false,
    addedAt: now - index,
    updatedAt: now,
  }));
}

export function hostileBackup(now: number): string {
  return JSON.stringify({
    format: 'paperpulse-backup',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    bookmarks: hostileBackupRows(now),
  });
}

/** Entries written by hand, LaTeX and all, as a hostile file would have them. */
const RAW_ENTRIES = [
  String.raw`@misc{rawscript, title = {R1 <script>window.__pwned=1</script>}, url = {javascript:window.__pwned=1}}`,
  String.raw`@misc{rawhref, title = {R2 \href{javascript:window.__pwned=1}{click}}, url = {data:text/html,<script>window.__pwned=1</script>}}`,
  String.raw`@misc{rawurl, title = {R3 \url{javascript:window.__pwned=1}}, howpublished = {\url{javascript:x}}, url = { JaVaScRiPt:window.__pwned=1}}`,
  String.raw`@misc{rawimg, title = {R4 "><img src=x onerror=window.__pwned=1>}, author = {<svg onload=window.__pwned=1> and {\"o}}}`,
  String.raw`@misc{rawnote, title = {R5 note}, annote = {</textarea><img src=x onerror=window.__pwned=1>}, keywords = {<b>x</b>, javascript:y}}`,
  String.raw`@misc{rawdoi, title = {R6 doi}, doi = {10.1/"><svg/onload=window.__pwned=1>}}`,
];

/** Every text payload in every text field an entry has, escaped as an exporter writes LaTeX. */
export function hostileBibtex(): string {
  const entries = TEXT_PAYLOADS.map(({ text }, index) => {
    const escaped = escapeLatex(text);
    return [
      `@article{hostile${index},`,
      `  title = {B${index} ${escaped}},`,
      `  author = {${escapeLatex(text.slice(0, 300)).replace(/\band\b/gi, '{and}')} and Author ${index}},`,
      `  journal = {${escapeLatex(text.slice(0, 900))}},`,
      `  abstract = {${escaped}},`,
      `  annote = {${escaped}},`,
      `  keywords = {${escapeLatex(text.slice(0, 90)).replace(/[,;]/g, ' ')}, hostile},`,
      `  url = {${urlAt(index).replace(/[{}]/g, '')}},`,
      '}',
    ].join('\n');
  });
  return `${[...entries, ...RAW_ENTRIES].join('\n\n')}\n`;
}

const WORDS =
  'learning model neural attention transformer data graph network language vision robust efficient scaling diffusion reinforcement policy optimization kernel'.split(
    ' ',
  );

/**
 * A library as reference managers export it: `count` entries with authors, a venue `@string`,
 * arXiv ids, keywords and a 180-word abstract each (about 1.9 KB an entry). With `latex`, every
 * title and abstract holds LaTeX (math, accents, an en dash), which the parser must convert.
 */
export function bibtexLibrary(count: number, { latex = false } = {}): string {
  const parts = ['@string{neurips = {Advances in Neural Information Processing Systems}}'];
  for (let index = 0; index < count; index++) {
    const word = (k: number) => WORDS[(index * 7 + k * 13) % WORDS.length]!;
    const abstract = Array.from({ length: 180 }, (_, k) => word(k)).join(' ');
    const number = String(10000 + (index % 90000)).slice(-5);
    parts.push(
      [
        `@inproceedings{author${index}${word(1)},`,
        latex
          ? `  title = {{${word(2)}} ${word(3)} for \\emph{${word(5)}} with $x^2$ and Sch{\\"o}lkopf},`
          : `  title = {${word(2)} ${word(3)} for ${word(4)} and ${word(5)}: a study of ${word(6)} ${index}},`,
        '  author = {Smith, John and M{\\"u}ller, Anna and van der Berg, Jan and Doe, Jane},',
        '  booktitle = neurips,',
        '  year = {2024}, month = oct,',
        `  eprint = {24${String(10 + (index % 3))}.${number}}, archivePrefix = {arXiv},`,
        `  keywords = {${word(6)}, ${word(7)}},`,
        `  abstract = {${latex ? `We show $O(n^2)$ bounds -- and {\\'e}valuate: ${abstract}` : abstract}},`,
        '}',
      ].join('\n'),
    );
  }
  return `${parts.join('\n\n')}\n`;
}
