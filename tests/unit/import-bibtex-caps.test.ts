import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../lib/library/import';
import { IMPORT_LIMITS } from '../../lib/limits';

/**
 * Files built to make the BibTeX parser work without end are refused, quickly (the default test
 * timeout of 5 s is the check: before the caps, the first one took over a minute and then failed),
 * with a sentence that says what is wrong. Ordinary uses of the same features still import.
 */

const NOW = Date.UTC(2024, 10, 5, 12);
const error = (text: string) => {
  const result = parseImportFile('hostile.bib', text, NOW);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
};

/** `@string`s that each double the one before, written as `line(i)` says, then an entry using the last. */
function doubling(levels: number, line: (i: number) => string, base = '@string{a0 = "xx"}') {
  const lines = [base, ...Array.from({ length: levels }, (_, index) => line(index + 1))];
  return `${lines.join('\n')}\n@misc{bomb, title = a${levels}}\n`;
}

const STRING_TOO_LONG = (name: string) =>
  `This file’s @string “${name}” is over 100,000 characters long once the @strings it uses are filled in; nothing was imported.`;

describe('@string expansion is measured, never built', () => {
  it('refuses the 470-byte file of 21 doubling @strings', () => {
    const text = readFileSync('tests/fixtures/import/hostile-string-doubling.bib', 'utf8');
    expect(Buffer.byteLength(text)).toBe(470);
    // a16 is the first over the cap: 2^17 = 131,072 characters.
    expect(error(text)).toBe(STRING_TOO_LONG('a16'));
  });

  it.each([
    ['spaced, as the issue wrote it', (i: number) => `@string{a${i} = a${i - 1} # a${i - 1}}`],
    ['in parentheses, upper case', (i: number) => `@STRING(A${i} = A${i - 1} # a${i - 1})`],
    [
      'tripling, with comments between the parts',
      (i: number) => `@string{a${i} = a${i - 1} # % x\n a${i - 1} # a${i - 1}}`,
    ],
    ['with literal text joined in', (i: number) => `@string{a${i} = {x} # a${i - 1} # "y" # a${i - 1}}`],
  ])('%s', (_, line) => {
    expect(error(doubling(40, line))).toMatch(/^This file’s @string “a1\d” is over 100,000 characters long/i);
  });

  it('refuses a string that is long by itself', () => {
    const text = `@string{big = {${'x'.repeat(IMPORT_LIMITS.bibtexStringLength + 1)}}}\n@misc{k, title = {T}}`;
    expect(error(text)).toBe(STRING_TOO_LONG('big'));
  });

  it('refuses many uses of a long string, in fields or preambles', () => {
    const string = `@string{s = {${'x'.repeat(90_000)}}}\n`;
    const fields = Array.from({ length: 500 }, (_, index) => `f${index} = s # s`).join(',\n');
    const inFields = `${string}@misc{k, title = {T},\n${fields}}`;
    // The parser reads a preamble's value right after `@preamble`: braces there make it literal.
    const inPreambles = `${string}${'@preamble s # s # s\n'.repeat(200)}@misc{k, title = {T}}`;
    const grows = `This file grows to over 40,000,000 characters once its @strings are filled in; nothing was imported.`;
    expect(error(inFields)).toBe(grows);
    expect(error(inPreambles)).toBe(grows);
  });

  it('still reads ordinary @strings, month macros and concatenation', () => {
    const text = [
      '@string{jmlr = {Journal of Machine Learning Research}}',
      '@string{vol = "J. " # jmlr}',
      '@article{k, title = {T}, journal = vol, month = oct, year = 2024, doi = {10.1/x}}',
    ].join('\n');
    const result = parseImportFile('ok.bib', text, NOW);
    expect(result).toMatchObject({
      ok: true,
      candidates: [{ venue: 'J. Journal of Machine Learning Research', publishedAt: '2024-10' }],
    });
  });
});

describe('size caps', () => {
  it('refuses more than 50,000 entries', () => {
    const text = Array.from({ length: IMPORT_LIMITS.entries + 1 }, (_, index) => `@misc{k${index},}`).join(
      '\n',
    );
    expect(error(text)).toBe(
      'This file has more than 50,000 entries; import it in parts of at most 50,000. Nothing was imported.',
    );
  });

  it('refuses a file that is mostly errors', () => {
    expect(error('@'.repeat(IMPORT_LIMITS.bibtexErrors + 1))).toBe(
      'This file has over 1,000 syntax errors or unknown @string names: is it BibTeX? Nothing was imported.',
    );
    const unknown = Array.from({ length: 1001 }, (_, index) => `u${index}`).join(' # ');
    expect(error(`@misc{k, title = ${unknown}}`)).toMatch(/^This file has over 1,000 syntax errors/);
  });

  it('refuses unclosed braces that would make the parser read the file again and again', () => {
    // Each entry's value runs to the end of the file; the parser then starts again at the next @.
    expect(error('@misc{k, title = {'.repeat(20_000))).toBe(
      'This file has too many unclosed braces or quotes to be read as BibTeX; nothing was imported.',
    );
  });

  it('lists a few broken entries and imports the rest', () => {
    const broken = '@misc{broken, title = {Unclosed\n';
    const good = Array.from({ length: 20 }, (_, index) => `@misc{good${index}, title = {Good ${index}}}`);
    const result = parseImportFile('mixed.bib', [broken, ...good, broken].join('\n'), NOW);
    if (!result.ok) throw new Error(result.error);
    expect(result.candidates).toHaveLength(20);
    expect(result.invalid.map(({ index, label }) => [index, label])).toEqual([
      [0, 'broken'],
      [21, 'broken'],
    ]);
  });
});

describe('field bounds, entry by entry', () => {
  const entry = (key: string, fields: string) => `@misc{${key}, title = {Fine}, ${fields}}\n`;

  it('names the field as the file does and imports the other entries', () => {
    const text = [
      entry('ok2024', 'year = 2024'),
      entry('longabstract', `abstract = {${'word '.repeat(5000)}}`),
      `@misc{hugetitle, title = {${'T'.repeat(1024 * 1024)}}}`,
      entry(
        'manyauthors',
        `author = {${Array.from({ length: 10_000 }, (_, index) => `A${index} B`).join(' and ')}}`,
      ),
      entry('longnote', `annote = {${'n'.repeat(20_001)}}`),
    ].join('\n');
    const result = parseImportFile('bounds.bib', text, NOW);
    if (!result.ok) throw new Error(result.error);
    expect(result.candidates.map((bookmark) => bookmark.key)).toEqual(['bib:ok2024']);
    expect(result.invalid).toEqual([
      { index: 1, label: 'longabstract', reason: 'abstract is longer than 20,000 characters' },
      { index: 2, label: 'hugetitle', reason: 'title is longer than 1,000 characters' },
      { index: 3, label: 'manyauthors', reason: 'author has more than 5,000 names' },
      { index: 4, label: 'longnote', reason: 'annote is longer than 20,000 characters' },
    ]);
  });

  it('reports a backup row by row, with the backup’s own field names', () => {
    const row = (key: string, fields: object) => ({
      key,
      title: 'T',
      addedAt: NOW,
      updatedAt: NOW,
      ...fields,
    });
    const text = JSON.stringify({
      format: 'paperpulse-backup',
      version: 1,
      bookmarks: [
        row('doi:10.1/ok', {}),
        row('doi:10.1/summary', { summary: 's'.repeat(5 * 1024 * 1024) }),
        row('doi:10.1/venue', { venue: 'v'.repeat(1001) }),
        row('doi:10.1/tags', { tags: Array.from({ length: 101 }, (_, index) => `t${index}`) }),
        row('doi:10.1/date', { publishedAt: '2024'.repeat(20), addedAt: 1e20 }),
      ],
    });
    const result = parseImportFile('backup.json', text, NOW);
    if (!result.ok) throw new Error(result.error);
    expect(result.candidates.map((bookmark) => bookmark.key)).toEqual(['doi:10.1/ok']);
    expect(result.invalid.map(({ index, reason }) => [index, reason])).toEqual([
      [1, 'summary is longer than 20,000 characters'],
      [2, 'venue is longer than 1,000 characters'],
      [3, 'tags has more than 100 tags'],
      [
        4,
        'publishedAt is longer than 40 characters; addedAt is not a whole number of milliseconds; addedAt is after 2100',
      ],
    ]);
  });

  it('refuses a backup of more than 50,000 rows before reading them', () => {
    const text = JSON.stringify({
      format: 'paperpulse-backup',
      version: 1,
      bookmarks: Array.from({ length: IMPORT_LIMITS.entries + 1 }, () => 0),
    });
    expect(error(text)).toBe(
      'This backup holds 50,001 bookmarks; at most 50,000 can be imported from one file. Nothing was imported.',
    );
  });
});
