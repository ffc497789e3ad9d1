import { describe, expect, it } from 'vitest';
import { bookmarkLinks, bookmarkUrl } from '../../lib/library/bookmark-links';
import { EXPORT_FORMATS } from '../../lib/library/export';
import { parseImportFile, type ImportResult } from '../../lib/library/import';
import type { Bookmark } from '../../lib/storage/records';
import {
  hostileBackup,
  hostileBackupRows,
  hostileBibtex,
  TEXT_PAYLOADS,
  URL_PAYLOADS,
} from '../cases/import-payloads';

/**
 * Injection payloads (tests/fixtures/import/injection-payloads.json) in every field of a backup and
 * of a BibTeX file: they import as the text they are, no link but http(s) survives, and every
 * export still works. The browser suite (tests/e2e/import-hostile.spec.ts) shows them in the popup.
 */

const NOW = Date.UTC(2024, 10, 5, 12);

function imported(result: ImportResult) {
  if (!result.ok) throw new Error(result.error);
  return result;
}

const LINKS = ['absUrl', 'pdfUrl'] as const;
const isHttp = (url: string) => URL.canParse(url) && ['http:', 'https:'].includes(new URL(url).protocol);

describe('the payloads', () => {
  it('are at least 30 texts and 10 URLs, all different', () => {
    expect(TEXT_PAYLOADS.length).toBeGreaterThanOrEqual(30);
    expect(URL_PAYLOADS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(TEXT_PAYLOADS.map(({ text }) => text)).size).toBe(TEXT_PAYLOADS.length);
  });
});

describe('a hostile backup', () => {
  const result = imported(parseImportFile('hostile.json', hostileBackup(NOW), NOW));

  it('imports every row with its text exactly as written', () => {
    expect(result.invalid).toEqual([]);
    const expected = hostileBackupRows(NOW);
    expect(result.candidates).toHaveLength(expected.length);
    result.candidates.forEach((row, index) => {
      const { absUrl, pdfUrl, ...text } = expected[index]!;
      expect(row).toMatchObject(text);
      for (const [field, url] of [
        ['absUrl', absUrl],
        ['pdfUrl', pdfUrl],
      ] as const) {
        expect(row[field]).toBe(isHttp(url) ? url : undefined);
      }
    });
  });

  it('gives every row links that can be built (a lone surrogate in arxivId once threw)', () => {
    for (const row of result.candidates) {
      expect(() => bookmarkLinks(row)).not.toThrow();
      expect(() => bookmarkUrl(row)).not.toThrow();
    }
    const lone = result.candidates.find((row) => row.arxivId?.includes('\ud800'))!;
    expect(bookmarkLinks(lone).map((link) => link.label)).toEqual([]);
  });

  it('keeps only http(s) links: one URL payload of 11 is an https URL', () => {
    const kept = new Set(result.candidates.flatMap((row) => LINKS.map((field) => row[field])));
    expect([...kept].filter(Boolean)).toEqual(['https://example.org/"onmouseover="window.__pwned=1']);
  });
});

describe('a hostile BibTeX file', () => {
  const result = imported(parseImportFile('hostile.bib', hostileBibtex(), NOW));
  const byKey = new Map(result.candidates.map((row) => [row.key, row]));

  it('imports every entry but one the parser fails on, payloads as text', () => {
    // Its LaTeX converter throws on a NUL ("Cannot create property '_renderInfo'"): the entry is
    // listed with that reason, where it used to vanish from the preview.
    const failing = TEXT_PAYLOADS.findIndex(({ name }) => name === 'null bytes');
    expect(result.invalid).toEqual([
      { index: failing, label: `hostile${failing}`, reason: expect.stringMatching(/^not valid BibTeX: /) },
    ]);
    expect(result.candidates).toHaveLength(TEXT_PAYLOADS.length - 1 + 6);
    // Escaped as an exporter writes it, a payload comes back as written, whitespace squashed.
    const title = (index: number) => byKey.get(`bib:hostile${index}`)?.title;
    expect(title(0)).toBe('B0 <script>window.__pwned=1</script>');
    expect(title(1)).toBe('B1 <img src=x onerror="window.__pwned=1">');
    expect(title(TEXT_PAYLOADS.findIndex(({ name }) => name === 'LaTeX commands'))).toContain(
      '\\href{javascript:alert(1)}{x}',
    );
    // Raw, LaTeX reads `<` as "¡"; the parser's own markup, a \href's `<a href="javascript:…">`
    // among it, is taken out.
    expect(byKey.get('bib:rawscript')?.title).toBe('R1 ¡script¿window.__pwned=1¡/script¿');
    expect(byKey.get('bib:rawhref')?.title).toBe('R2 click');
    expect(byKey.get('bib:rawurl')?.title).toBe('R3 javascript:window.__pwned=1');
  });

  it('links nothing but http(s)', () => {
    for (const row of result.candidates)
      for (const field of LINKS) if (row[field] !== undefined) expect(isHttp(row[field]!)).toBe(true);
    for (const key of ['rawscript', 'rawhref', 'rawurl', 'rawdoi'])
      expect(byKey.get(`bib:${key}`)?.absUrl).toBeUndefined();
  });

  it('exports in every format', () => {
    const rows: Bookmark[] = [
      ...result.candidates,
      ...imported(parseImportFile('h.json', hostileBackup(NOW), NOW)).candidates,
    ];
    for (const format of EXPORT_FORMATS) expect(typeof format.serialize(rows, NOW)).toBe('string');
  });
});
