import { parse } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../lib/library/import';
import { BIBTEX_PARSE_OPTIONS } from '../../lib/library/import/bibtex';
import { BIBTEX_FIELD_NAMES, bookmarkFromEntry, plainText } from '../../lib/library/import/bibtex-entry';
import {
  countNames,
  holdsNoLatex,
  reduceBibtex,
  restoreOriginals,
} from '../../lib/library/import/bibtex-reduce';
import { scanBibtex } from '../../lib/library/import/bibtex-scan';
import { validateCandidates } from '../../lib/library/import/candidates';

/**
 * The parser is given a reduced text (values no import reads left out, LaTeX-free text behind
 * placeholders). What comes out must be what the file as written gives.
 */

const NOW = Date.UTC(2024, 10, 5, 12);
const UNLIMITED = {
  stringLength: Infinity,
  expandedLength: Infinity,
  entries: Infinity,
  errors: Infinity,
  work: Infinity,
};

/** Characters the parser treats specially, and ordinary ones around them. */
const CHARS = [
  ...'\\{}$%&~^_#<>`\'"-@[]!?.,;:()*/=+|'.split(''),
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\n\n',
  '\t',
  '\u00a0',
  '\u2028',
  '\u200b',
  '\u0001',
  '\u000e',
  '\u007f',
  'a',
  'Z',
  '0',
  'é',
  'ß',
  '中',
  '😀',
  '\ud800',
  'and',
  'fi',
];

describe('text without LaTeX', () => {
  it('comes out of the parser as it went in, in every text field', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...CHARS.filter(holdsNoLatex)), minLength: 1, maxLength: 30 }),
        (value) => {
          fc.pre(holdsNoLatex(value) && value.trim() !== '' && !value.includes('"'));
          const fields = ['title', 'abstract', 'annote', 'note', 'journal', 'booktitle', 'howpublished'];
          const text = `@misc{k, ${fields.map((name) => `${name} = {${value}}`).join(', ')}}`;
          const [entry] = parse(text, BIBTEX_PARSE_OPTIONS).entries;
          for (const name of fields) expect(plainText(entry!.fields[name])).toBe(plainText(value));
        },
      ),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('is told apart from text the parser converts', () => {
    for (const latex of [
      'a\\&b',
      '{X}',
      '$x$',
      '50%',
      'a--b',
      "''q''",
      'a~b',
      'x^2',
      'a_b',
      '<<',
      '``q',
      '\u000eb\u000f',
    ])
      expect(holdsNoLatex(latex)).toBe(false);
    for (const plain of ["it's", 'state-of-the-art', 'e@mail.org', '"quoted"', 'Schölkopf', 'a [b] (c)'])
      expect(holdsNoLatex(plain)).toBe(true);
  });
});

describe('author lists', () => {
  it('are counted as the parser splits them', () => {
    expect(countNames('Smith, J.')).toBe(1);
    expect(countNames('A B and C D AND E\nand F')).toBe(4);
    expect(countNames('{Barnes and Noble} and Sand, A. and Anderson, B.')).toBe(3);
  });
});

/** Entries like real exports: plain and LaTeX text, unread fields, repeats, strings, crossrefs. */
const plainLong = fc
  .array(
    fc.constantFrom(
      'learning',
      'model’s',
      'state-of-the-art',
      '"quoted"',
      'e@mail.org',
      'Schölkopf',
      '(a) [b]',
      '\n',
      '\n\n',
      '!',
      '?',
    ),
    {
      minLength: 12,
      maxLength: 40,
    },
  )
  .map((words) => words.join(' '));
const latexText = fc
  .array(fc.constantFrom('\\emph{x}', '{\\"o}', '$x^2$', '--', '\\&', 'word', '{GPT}', '~', '\\%', "``q''"), {
    minLength: 1,
    maxLength: 30,
  })
  .map((words) => words.join(' '));
const value = fc.oneof(
  plainLong.map((text) => `{${text}}`),
  plainLong.map((text) => `"${text.replace(/"/g, "'")}"`),
  latexText.map((text) => `{${text}}`),
  fc.constantFrom('{Short}', 'venue', 'venue # { 2024}', '2024', 'oct'),
);
const fieldName = fc.constantFrom(
  'title',
  'abstract',
  'annote',
  'note',
  'journal',
  'booktitle',
  'howpublished',
  'keywords',
  'file',
  'pages',
  'publisher',
  'Title',
);
const entry = (index: number) =>
  fc
    .tuple(
      fc.constantFrom('article', 'inproceedings', 'misc'),
      fc.array(fc.tuple(fieldName, value), { maxLength: 6 }),
      fc.option(fc.constantFrom('2410.17243', '10.1000/x'), { nil: undefined }),
      fc.boolean(),
    )
    .map(([type, fields, id, crossref]) => {
      const identity = id?.startsWith('10.') ? `doi = {${id}}` : id ? `eprint = {${id}}` : '';
      const parts = [
        `title = {Title ${index}}`,
        `author = {Doe, Jane and Sch{\\"o}lkopf, Bernhard}`,
        identity,
        crossref ? 'crossref = {proc}' : '',
        ...fields.map(([name, text]) => `${name} = ${text}`),
      ].filter(Boolean);
      return `@${type}{key${index},\n  ${parts.join(',\n  ')}\n}`;
    });
const file = fc
  .integer({ min: 1, max: 6 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => entry(index))))
  .map((entries) =>
    [
      '@string{venue = {Advances in Neural Information Processing Systems}}',
      ...entries,
      '@proceedings{proc, title = {Proceedings of a Conference With a Long Enough Name to Be Worth a Placeholder}}',
    ].join('\n\n'),
  );

/** The import as it was before the reduced text: the file as written, every entry in order. */
function asWritten(text: string) {
  const rows = parse(text, BIBTEX_PARSE_OPTIONS).entries.map((parsed, index) => ({
    index,
    label: parsed.key,
    value: bookmarkFromEntry(parsed, NOW),
  }));
  return validateCandidates(
    rows.filter((row) => typeof row.value !== 'string'),
    BIBTEX_FIELD_NAMES,
  ).candidates;
}

describe('the reduced text', () => {
  it('gives the same bookmarks as the file as written', () => {
    fc.assert(
      fc.property(file, (text) => {
        const result = parseImportFile('gen.bib', text, NOW);
        expect(result.ok && result.candidates).toEqual(asWritten(text));
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('is refused when a placeholder does not come back where it was put', () => {
    const text = `@misc{k, title = {${'plain words '.repeat(10)}}, abstract = {${'more words '.repeat(10)}}}`;
    const scan = scanBibtex(text, UNLIMITED);
    if (!scan.ok) throw new Error('scan stopped');
    const reduced = reduceBibtex(text, scan.entries, 'ppmarkerx');
    expect(reduced.originals.size).toBe(2);
    const [entry] = parse(reduced.text, BIBTEX_PARSE_OPTIONS).entries;
    const fields = entry!.fields as Record<string, string>;
    const moved = { ...entry!, fields: { ...fields, title: fields.abstract!, abstract: fields.title! } };
    expect(restoreOriginals([{ index: 0, entry: moved }], reduced)).toBe(false);
    const joined = { ...entry!, fields: { ...fields, title: `${fields.title} and more` } };
    expect(restoreOriginals([{ index: 0, entry: joined }], reduced)).toBe(false);
    expect(restoreOriginals([{ index: 0, entry: entry! }], reduced)).toBe(true);
    expect(entry!.fields.title).toBe('plain words '.repeat(10));
  });
});
