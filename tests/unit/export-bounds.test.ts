import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../lib/library/export';
import { toBackupJson } from '../../lib/library/export/backup';
import { toCsv } from '../../lib/library/export/csv';
import { parseImportFile } from '../../lib/library/import';
import { LIMITS } from '../../lib/limits';
import { BookmarkSchema, type Bookmark } from '../../lib/storage/records';

/**
 * Any row the bookmark schema accepts can be exported in every format, and a backup of it reads
 * back exactly. Rows are drawn up to every bound, with the characters that break serializers:
 * quotes, braces, backslashes, line breaks, NUL, lone surrogates, right-to-left marks.
 */

const NASTY = [
  '"',
  "'",
  '{',
  '}',
  '\\',
  '\n',
  '\r',
  '\t',
  '\0',
  '\ud800',
  '\udfff',
  '\u202e',
  ',',
  ';',
  '%',
  '=',
  '<',
  '>',
  '&',
  '#',
  '$',
  '@',
];
const unit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 3, arbitrary: fc.constantFrom('a', 'Z', ' ', '0', 'é', '中') },
);

/** Text up to `max` characters; sometimes exactly `max`, the bound itself. */
function text(max: number, min = 0) {
  return fc.oneof(
    fc.string({ unit, minLength: min, maxLength: Math.min(max, 40) }),
    fc.string({ unit, minLength: 1, maxLength: 3 }).map((seed) => seed.repeat(max).slice(0, max)),
  );
}

const timestamp = fc.oneof(
  fc.constantFrom(LIMITS.earliestTime, LIMITS.latestTime, Date.UTC(2024, 9, 22)),
  fc.double({ min: LIMITS.earliestTime, max: LIMITS.latestTime, noNaN: true }).map(Math.floor),
);

const key = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9]{1,8}$/),
    fc.string({ unit: fc.constantFrom('a', '/', '.', '1', 'é', ':', '"', '{'), minLength: 1, maxLength: 60 }),
  )
  .map(([prefix, rest]) => `${prefix}:${rest}`);

const url = fc.oneof(
  fc.constant(undefined),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .string({ unit: fc.constantFrom('a', '/', '%20', '?q=', '#', '(', "'", '"', '<'), maxLength: 40 })
    .map((path) => `https://example.org/${path.repeat(60)}`.slice(0, LIMITS.urlLength)),
);

const row = fc.record(
  {
    key,
    arxivId: fc.option(text(LIMITS.arxivIdLength), { nil: undefined }),
    doi: fc.option(text(LIMITS.doiLength), { nil: undefined }),
    site: fc.constantFrom(undefined, 'arxiv', 'huggingface', 'meta'),
    title: text(LIMITS.titleLength, 1),
    authors: fc.oneof(
      fc.array(text(LIMITS.authorLength), { maxLength: 5 }),
      fc.constant(Array.from({ length: LIMITS.bookmarkAuthors }, (_, index) => `Author ${index}`)),
    ),
    absUrl: url,
    pdfUrl: url,
    publishedAt: fc.option(
      fc.oneof(
        text(LIMITS.publishedAtLength),
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      ),
      { nil: undefined },
    ),
    venue: fc.option(text(LIMITS.venueLength), { nil: undefined }),
    summary: fc.option(text(LIMITS.summaryLength), { nil: undefined }),
    tags: fc.array(text(LIMITS.tagLength, 1), { maxLength: 4 }),
    note: text(LIMITS.noteLength),
    read: fc.boolean(),
    addedAt: timestamp,
    updatedAt: timestamp,
  },
  { requiredKeys: ['key', 'title', 'authors', 'tags', 'note', 'read', 'addedAt', 'updatedAt'] },
);

/** Rows as the schema (and so the database) holds them: absent, never undefined. */
function stored(value: unknown): Bookmark | undefined {
  const parsed = BookmarkSchema.safeParse(value);
  if (!parsed.success) return undefined;
  return Object.fromEntries(
    Object.entries(parsed.data).filter(([, field]) => field !== undefined),
  ) as Bookmark;
}

const NOW = Date.UTC(2024, 10, 5, 12);

describe('every row the schema accepts', () => {
  it('is generated valid (the generator stays inside the bounds)', () => {
    fc.assert(
      fc.property(row, (value) => stored(value) !== undefined),
      { numRuns: 200 },
    );
  });

  it.each(EXPORT_FORMATS.map((format) => [format.id, format] as const))(
    'exports as %s without throwing',
    (_, format) => {
      fc.assert(
        fc.property(fc.array(row, { minLength: 1, maxLength: 3 }), (values) => {
          const rows = values.map(stored).filter((value) => value !== undefined);
          expect(typeof format.serialize(rows, NOW)).toBe('string');
        }),
        { numRuns: 60 },
      );
    },
    60_000,
  );

  it('reads back from a backup exactly', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { minLength: 1, maxLength: 3, selector: (value) => value.key }),
        (values) => {
          const rows = values.map(stored).filter((value) => value !== undefined);
          const result = parseImportFile('backup.json', toBackupJson(rows, NOW), NOW);
          if (!result.ok) throw new Error(result.error);
          expect(result.invalid).toEqual([]);
          expect(result.candidates).toEqual(rows);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('timestamps out of range are refused, by name', () => {
  it('(why: a time no Date can hold makes the CSV export throw for the whole library)', () => {
    const row = { key: 'arxiv:2410.17243', title: 'T', authors: [], tags: [], note: '', read: false };
    expect(() => toCsv([{ ...row, addedAt: 1e20, updatedAt: NOW }])).toThrow(RangeError);
  });

  it.each([
    // Also not a safe integer, which zod names first.
    [1e20, 'addedAt is not a whole number of milliseconds; addedAt is after 2100'],
    [-1, 'addedAt is before 1970'],
    [1.5, 'addedAt is not a whole number of milliseconds'],
    ['2024-10-22', 'addedAt should be a number'],
  ])('addedAt: %s', (addedAt, reason) => {
    const bookmark = { key: 'arxiv:2410.17243', title: 'T', addedAt, updatedAt: NOW };
    const result = BookmarkSchema.safeParse(bookmark);
    expect(result.success).toBe(false);
    const text = JSON.stringify({ format: 'paperpulse-backup', version: 1, bookmarks: [bookmark] });
    const outcome = parseImportFile('b.json', text, NOW);
    expect(outcome).toEqual({
      ok: false,
      error: `None of the 1 entries can be imported: entry 1 (arxiv:2410.17243): ${reason}.`,
    });
  });
});
