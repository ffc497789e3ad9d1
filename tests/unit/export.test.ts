import { readFileSync } from 'node:fs';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toBackupJson } from '../../lib/library/export/backup';
import { protectTitle, toBibtex } from '../../lib/library/export/bibtex';
import { citationKeys } from '../../lib/library/export/citation-key';
import { toCslJson } from '../../lib/library/export/csl-json';
import { CSV_COLUMNS, toCsv } from '../../lib/library/export/csv';
import { EXPORT_FORMATS, exportFileName } from '../../lib/library/export';
import { toMarkdown } from '../../lib/library/export/markdown';
import { splitPersonName } from '../../lib/library/export/person-name';
import { toRis } from '../../lib/library/export/ris';
import { BIBTEX_PARSE_OPTIONS } from '../../lib/library/import/bibtex';
import { bookmarkFromEntry } from '../../lib/library/import/bibtex-entry';
import { parseImportFile } from '../../lib/library/import';
import { BookmarkSchema, type Bookmark } from '../../lib/storage/records';

const LIBRARY: Bookmark[] = BookmarkSchema.array().parse(
  JSON.parse(readFileSync('tests/fixtures/import/library.json', 'utf8')),
);
const NOW = Date.UTC(2024, 10, 5, 12);
const families = (authors: readonly string[]) => authors.map((author) => splitPersonName(author).family);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('person names', () => {
  it.each([
    ['Bernhard Schölkopf', { family: 'Schölkopf', given: 'Bernhard' }],
    ['Jan van der Berg', { family: 'Berg', given: 'Jan', particle: 'van der' }],
    ['John Smith Jr.', { family: 'Smith', given: 'John', suffix: 'Jr.' }],
    ['Doe, Jane', { family: 'Doe', given: 'Jane' }],
    ['van der Berg, Jan', { family: 'Berg', given: 'Jan', particle: 'van der' }],
    ['Smith, Jr., John', { family: 'Smith', given: 'John', suffix: 'Jr.' }],
    ['Martin Luther King, Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['Plato', { family: 'Plato' }],
  ])('%s', (display, expected) => {
    expect(splitPersonName(display)).toEqual(expected);
  });
});

describe('citation keys', () => {
  it('are ASCII, unique, and suffixed a, b… on collision', () => {
    const keys = citationKeys(LIBRARY);
    expect(keys).toEqual(['scholkopf2024gpt4', 'chatelet2021hyperlink', 'anonuber', 'scholkopf2024gpt4a']);
    const many = citationKeys(Array.from({ length: 30 }, () => LIBRARY[3]!));
    expect(new Set(many).size).toBe(30);
    expect(many.every((key) => /^[a-z0-9]+$/.test(key))).toBe(true);
  });
});

describe('BibTeX export', () => {
  const bib = toBibtex(LIBRARY);

  it('parses back with the import parser: same entries, unique keys, fields intact', () => {
    const library = parseBibtex(bib, BIBTEX_PARSE_OPTIONS);
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(LIBRARY.length);
    expect(new Set(library.entries.map((entry) => entry.key)).size).toBe(LIBRARY.length);
    library.entries.forEach((entry, index) => {
      const original = LIBRARY[index]!;
      const imported = BookmarkSchema.parse(bookmarkFromEntry(entry, NOW));
      expect(imported.title).toBe(squash(original.title));
      expect(families(imported.authors)).toEqual(families(original.authors));
      expect(imported.arxivId).toBe(original.arxivId);
      // An arXiv paper without a DOI of its own gets arXiv's DataCite DOI, as in lib/paper/arxiv-id.ts.
      expect(imported.doi).toBe(original.doi ?? (original.arxivId && `10.48550/arxiv.${original.arxivId}`));
      expect(imported.summary).toBe(original.summary && squash(original.summary));
      expect(imported.tags.sort()).toEqual([...original.tags].sort());
      expect(imported.note).toBe(squash(original.note));
      expect(imported.publishedAt?.slice(0, 4)).toBe(original.publishedAt?.slice(0, 4));
    });
  });

  it('writes arXiv entries as arXiv does, with escaped specials and protected capitals', () => {
    const [first] = bib.split('\n\n');
    expect(first).toContain('@misc{scholkopf2024gpt4,');
    expect(first).toContain(
      'title = {{GPT-4} Kernel Methods \\& Friends: 100\\% of \\$x\\textasciicircum{}2\\$ in \\{braces\\} with under\\_score,',
    );
    expect(first).toContain(
      'author = {Schölkopf, Bernhard and van der Berg, Jan and Smith, Jr., John and Plato and Doe, Jane}',
    );
    expect(first).toMatch(
      /year = \{2024\},\n {2}month = oct,\n {2}eprint = \{2410\.17243\},\n {2}archivePrefix = \{arXiv\}/,
    );
    expect(first).toContain('keywords = {ml, kernels}');
    expect(first).toContain('annote = {Read §3 first. Then 50\\% of the rest \\& more}');
    expect(first).not.toMatch(/^\s*note =/m);
  });

  it.each([
    ['3D Gaussians for GPT-4', '{3D} Gaussians for {GPT-4}'],
    ['"Quoted", Title Case', '"Quoted", Title Case'],
    ['_PRIVATE ImageNet', '{{\\_PRIVATE}} {ImageNet}'],
  ])('protects meaningful capitals: %s', (title, expected) => {
    expect(protectTitle(title)).toBe(expected);
  });

  it('is read by a second, independent parser (citation-js)', () => {
    const items = new Cite(bib).data;
    expect(items).toHaveLength(LIBRARY.length);
    expect(items.map((item) => item['citation-key'] ?? item.id)).toEqual(citationKeys(LIBRARY));
    expect(items[0]!.title).toBe(squash(LIBRARY[0]!.title));
    expect(items[1]!.title).toBe(LIBRARY[1]!.title);
    expect((items[0]!.author as { family: string }[]).map((author) => author.family)).toEqual([
      'Schölkopf',
      'Berg',
      'Smith',
      'Plato',
      'Doe',
    ]);
  });
});

describe('RIS export', () => {
  const ris = toRis(LIBRARY);

  it('uses CRLF, six-character tags and one ER per record', () => {
    expect(ris.split('\r\n').filter((line) => line && !/^[A-Z][A-Z0-9] {2}- /.test(line))).toEqual([]);
    expect(ris.match(/^ER {2}- $/gm)).toHaveLength(LIBRARY.length);
    expect(ris).toContain('AU  - Smith, John, Jr.\r\nAU  - Plato\r\nAU  - Doe, Jane\r\n');
    expect(ris).toContain('DA  - 2021/08//\r\n');
  });

  it('is read by citation-js’s RIS parser with fields intact', () => {
    const items = new Cite(ris).data;
    expect(items).toHaveLength(LIBRARY.length);
    expect(items.map((item) => item.title)).toEqual(LIBRARY.map((bookmark) => bookmark.title));
    expect(items[0]!.DOI).toBe(LIBRARY[0]!.doi);
    expect(items[0]!.issued).toEqual({ 'date-parts': [[2024, 10, 22]] });
    expect((items[0]!.author as { family: string }[]).map((author) => author.family)).toEqual(
      families(LIBRARY[0]!.authors).map((family, index) => (index === 1 ? 'van der Berg' : family)),
    );
  });
});

describe('CSL-JSON export', () => {
  it('has the CSL-JSON shape and is read by citation-js', () => {
    const items = JSON.parse(toCslJson(LIBRARY)) as Record<string, unknown>[];
    expect(items).toHaveLength(LIBRARY.length);
    for (const item of items) {
      expect(item).toMatchObject({ id: expect.any(String), type: 'article', title: expect.any(String) });
    }
    expect(items[0]).toMatchObject({
      id: 'scholkopf2024gpt4',
      issued: { 'date-parts': [[2024, 10, 22]] },
      number: 'arXiv:2410.17243',
      archive: 'arXiv',
      DOI: '10.48550/arxiv.2410.17243',
      URL: 'https://arxiv.org/abs/2410.17243',
      keyword: 'ml, kernels',
    });
    expect((items[0]!.author as unknown[]).slice(1, 4)).toEqual([
      { family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' },
      { family: 'Smith', given: 'John', suffix: 'Jr.' },
      { literal: 'Plato' },
    ]);
    const read = new Cite(items).data;
    expect(read.map((item) => item.title)).toEqual(LIBRARY.map((bookmark) => bookmark.title));
  });
});

describe('CSV export', () => {
  it('parses back with csv-parse into the same cells, formulas defused', () => {
    const csv = toCsv(LIBRARY);
    expect(csv.startsWith('\uFEFFkey,title,')).toBe(true);
    const rows = parseCsv(csv, { bom: true, relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(LIBRARY.length + 1);
    expect(rows[1]).toEqual([
      'arxiv:2410.17243',
      LIBRARY[0]!.title,
      'Bernhard Schölkopf; Jan van der Berg; John Smith Jr.; Plato; Doe, Jane',
      '2024',
      '2410.17243',
      '10.48550/arxiv.2410.17243',
      'https://arxiv.org/abs/2410.17243',
      'https://arxiv.org/pdf/2410.17243',
      'ml; kernels',
      'Read §3 first.\nThen 50% of the rest & more',
      'true',
      '2024-10-22T12:26:40.000Z',
    ]);
    expect(rows[2]![1]).toBe(`'${LIBRARY[1]!.title}`);
    expect(rows[3]![9]).toBe(`'@mention starts this note`);
    expect(rows[4]![9]).toBe(`'-1 for the proofs`);
  });
});

describe('Markdown export', () => {
  it('lists each paper as a readable line with escaped specials', () => {
    const markdown = toMarkdown(LIBRARY, NOW);
    expect(markdown.startsWith('# PaperPulse bookmarks\n\n4 papers, exported 2024-11-05.\n\n')).toBe(true);
    expect(markdown).toContain(
      '- [GPT-4 Kernel Methods \\& Friends: 100% of \\$x^2\\$ in {braces} with under\\_score, a \\< b \\| c \\~ d ^ e # f \\\\ g](<https://arxiv.org/abs/2410.17243>) — Bernhard Schölkopf, Jan van der Berg, John Smith Jr. et al. (2024) · ml, kernels · read\n  > Read §3 first.\n  > Then 50% of the rest \\& more\n',
    );
    expect(markdown).toContain(
      '- [Über alles: ÆØÅ naïve café — 日本語 \\[draft\\] \\*bold\\* \\_it\\_](<https://openreview.net/forum?id=abc123XYZ>) · to-read, \\#1\n  > @mention starts this note\n',
    );
    expect(markdown).toContain('  > \\-1 for the proofs');
  });
});

describe('backup export', () => {
  it('imports back into exactly the same rows', () => {
    const json = toBackupJson(LIBRARY, NOW);
    expect(JSON.parse(json)).toMatchObject({
      format: 'paperpulse-backup',
      version: 2,
      exportedAt: '2024-11-05T12:00:00.000Z',
    });
    const result = parseImportFile('backup.json', json, NOW);
    expect(result).toEqual({ ok: true, format: 'backup', candidates: LIBRARY, invalid: [] });
  });

  it('writes fields in the schema order whatever order rows hold them in', () => {
    const shuffled = LIBRARY.map((row) => Object.fromEntries(Object.entries(row).reverse()) as Bookmark);
    expect(toBackupJson(shuffled, NOW)).toBe(toBackupJson(LIBRARY, NOW));
  });
});

describe('export registry', () => {
  it('names files by format and UTC day', () => {
    expect(EXPORT_FORMATS.map((format) => format.id)).toEqual([
      'bibtex',
      'ris',
      'csl-json',
      'csv',
      'markdown',
      'backup',
    ]);
    expect(exportFileName('bibtex', NOW)).toBe('paperpulse-bookmarks-2024-11-05.bib');
    expect(exportFileName('csl-json', NOW)).toBe('paperpulse-bookmarks-2024-11-05.csl.json');
    expect(exportFileName('backup', NOW)).toBe('paperpulse-backup-2024-11-05.json');
    for (const format of EXPORT_FORMATS) expect(typeof format.serialize(LIBRARY, NOW)).toBe('string');
  });
});
