import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanBibtex, type ScanCaps } from '../../lib/library/import/bibtex-scan';

/**
 * The scan must read a file exactly as the parser's first pass does, or its measures say nothing
 * about what the parser will do. It is checked here against that pass itself (not exported by the
 * package, so loaded by path) on generated files: the same entries, keys, fields, `@string`
 * lengths and value texts, whatever the mix of braces, quotes, `#`, comments and broken syntax.
 */

interface VerbatimLibrary {
  entries: { type: string; key: string; input: string; fields: Record<string, string> }[];
  strings: Record<string, string>;
  errors: { error: string }[];
  preambles: string[];
}
// A path, not a package specifier: the package's `exports` offer only its main entry.
const VERBATIM = '../../node_modules/@retorquere/bibtex-parser/dist/esm/verbatim.js';
const verbatim = (await import(/* @vite-ignore */ VERBATIM)) as { parse: (input: string) => VerbatimLibrary };

const UNLIMITED: ScanCaps = {
  stringLength: Infinity,
  expandedLength: Infinity,
  entries: Infinity,
  errors: Infinity,
  work: Infinity,
};

function compare(text: string) {
  const expected = verbatim.parse(text);
  const scan = scanBibtex(text, UNLIMITED);
  if (!scan.ok) throw new Error('an unlimited scan stopped');
  expect(scan.entries.map(({ type, key, broken }) => ({ type, key, broken }))).toEqual(
    expected.entries.map(({ type, key, input }) => ({ type, key, broken: input === '' })),
  );
  scan.entries.forEach((entry, index) => {
    const fields = expected.entries[index]!.fields;
    expect(entry.fields.map((field) => field.name)).toEqual(Object.keys(fields));
    for (const field of entry.fields) {
      expect(field.length).toBe(fields[field.name]!.length);
      if (field.literal) expect(text.slice(field.literal.start, field.literal.end)).toBe(fields[field.name]);
    }
  });
  expect(Object.fromEntries(scan.strings)).toEqual(
    Object.fromEntries(Object.entries(expected.strings).map(([name, value]) => [name, value.length])),
  );
  const expanded = [
    ...Object.values(expected.strings),
    ...expected.preambles,
    ...expected.entries.flatMap((entry) => Object.values(entry.fields)),
  ].reduce((sum, value) => sum + value.length, 0);
  // The scan also counts values the parser dropped again (a redefined `@string`).
  expect(scan.expandedLength).toBeGreaterThanOrEqual(expanded);
  // The parser drops an error whose message repeats one; the scan counts every syntax error.
  expect(scan.errors).toBeGreaterThanOrEqual(expected.errors.length);
}

const TOKENS = [
  '@',
  '@string',
  '@STRING',
  '@article',
  '@misc',
  '@comment',
  '@preamble',
  '@ misc',
  '{',
  '}',
  '(',
  ')',
  '"',
  '=',
  '#',
  ',',
  ' ',
  '\n',
  '\t',
  '\r',
  '%',
  '\\',
  '$',
  'a',
  'b',
  'A',
  'x1',
  '12',
  'jan',
  'Oct',
  'é',
  '😀',
  '\ud800',
  'title',
  'key',
  '-',
  '[',
  '*',
  "'",
  ';',
];

/** Files that look like BibTeX: definitions and entries, with parts joined by `#`, now and then broken. */
const name = fc.constantFrom('a', 'b', 'A', 'acm', 'jan', 'cacm', 'x_1', 'é');
const literal = fc.oneof(
  fc
    .string({ unit: fc.constantFrom('x', ' ', '\\', '{', '}', '$', '"', '@', '%', '\n', 'é'), maxLength: 12 })
    .map((t) => `{${t}}`),
  fc
    .string({ unit: fc.constantFrom('y', ' ', '{', '}', '\\', '@', '#'), maxLength: 12 })
    .map((t) => `"${t}"`),
  fc.constantFrom('2024', '7'),
  name,
);
const valueText = fc.array(literal, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' # '));
const field = fc
  .tuple(fc.constantFrom('title', 'Title', 'note', 'author', 'x'), valueText)
  .map(([key, value]) => `${key} = ${value}`);
const item = fc.oneof(
  fc
    .tuple(name, valueText, fc.constantFrom('{}', '()'))
    .map(([key, value, [open, close]]) => `@string${open}${key} = ${value}${close}`),
  fc
    .tuple(
      fc.constantFrom('article', 'misc', 'Book'),
      fc.constantFrom('k1', 'k2', 'a:b/c', ''),
      fc.array(field, { maxLength: 4 }),
      fc.boolean(),
    )
    .map(([type, key, fields, comma]) => `@${type}{${key},\n  ${fields.join(',\n  ')}${comma ? ',' : ''}\n}`),
  fc.constantFrom(
    '@comment{x {y} z}',
    '@comment plain line',
    '% a comment @misc{no,}',
    '@preamble{"\\newcommand"}',
    '@preamble{a # "b"}',
    '@preamble a # "b" # jan',
  ),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 8 }).map((tokens) => tokens.join('')),
);
const file = fc.array(item, { maxLength: 8 }).map((items) => items.join('\n'));

describe('the scan reads a file as the parser does', () => {
  it.each([
    ['an empty file', ''],
    [
      'strings, defaults and concatenation',
      '@string{a = "x"}\n@misc{k, title = a # { and } # jan # 2024, note = undefined}',
    ],
    [
      'a redefinition and an empty string',
      '@string{j = "x"}@string{j = "yy"}@string{jan = ""}@misc{k, a = j, b = jan}',
    ],
    ['broken entries and recovery inside them', '@misc{a, title = {x @misc{b, t = {y}}\n@misc{c, t = "z"}'],
    [
      'parentheses, duplicates and odd keys',
      '@Article(k:1/2, Title = {a}, title = {b}, TITLE = "c")\n@misc{, x = 1}',
    ],
    ['math in braces', '@misc{a, t = {$x}$}}, @misc{b, t = {$x$}}'],
    ['escapes and unterminated values', '@misc{a, t = {\\}}, u = "\\"}\n@misc{b, t = "open'],
    ['comments everywhere', '% top\n@misc{a, % in\n t = {x} # % there\n "y"}\n@comment{ {nested} }'],
  ])('%s', (_, text) => compare(text));

  it('on generated files', () => {
    fc.assert(fc.property(file, compare), { numRuns: 2000 });
  });

  it('on random token soup', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((tokens) => tokens.join('')),
        compare,
      ),
      { numRuns: 2000 },
    );
  });
});
