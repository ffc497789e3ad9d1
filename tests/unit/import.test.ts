import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperPulseDB } from '../../lib/storage/db';
import { toBackupJson } from '../../lib/library/export/backup';
import { createBookmarkWriter } from '../../lib/storage/bookmarks';
import type { ImportPreview } from '../../lib/library/import/preview';
import { parseImportFile, type ImportResult } from '../../lib/library/import';
import { IMPORT_LIMITS } from '../../lib/limits';
import { previewImport } from '../../lib/library/import/preview';
import { BookmarkSchema, type Bookmark } from '../../lib/storage/records';

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, 'utf8');
const LIBRARY: Bookmark[] = BookmarkSchema.array().parse(JSON.parse(fixture('library.json')));
const NOW = Date.UTC(2024, 10, 5, 12);

function imported(result: ImportResult) {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result;
}

describe('BibTeX import', () => {
  const result = imported(parseImportFile('sample.bib', fixture('sample.bib'), NOW));
  const byKey = new Map(result.candidates.map((bookmark) => [bookmark.key, bookmark]));

  it('maps arXiv, DOI and plain entries to paper keys', () => {
    expect(result.format).toBe('bibtex');
    expect(result.candidates.map((bookmark) => bookmark.key)).toEqual([
      'arxiv:2410.17243',
      'doi:10.1038/s41592-021-01234-5',
      'arxiv:2401.00001',
      'arxiv:1706.03762',
      'bib:local2019',
      'doi:10.5555/after.2023',
    ]);
  });

  it('converts LaTeX to text and keeps the fields a bookmark has', () => {
    expect(byKey.get('arxiv:2410.17243')).toEqual({
      key: 'arxiv:2410.17243',
      arxivId: '2410.17243',
      doi: '10.48550/arxiv.2410.17243',
      site: 'arxiv',
      title: 'GPT-4 Kernel Methods & Friends: 100% of x² with under_score',
      authors: ['Bernhard Schölkopf', 'Jan van der Berg', 'John Smith Jr.', 'OpenAI Team'],
      absUrl: 'https://arxiv.org/abs/2410.17243',
      pdfUrl: 'https://arxiv.org/pdf/2410.17243',
      publishedAt: '2024-10',
      tags: ['kernels', 'ml'],
      note: 'My note: read section 3 first.',
      read: false,
      addedAt: NOW,
      updatedAt: NOW,
    });
    expect(byKey.get('doi:10.1038/s41592-021-01234-5')).toMatchObject({
      title: 'Protein Folding at Scale in E. coli',
      authors: ['Jane Doe', 'Émilie du Châtelet'],
      venue: 'Nature Methods',
      summary: 'We fold proteins.',
      publishedAt: '2021',
      note: '',
    });
    expect(byKey.get('bib:local2019')).toMatchObject({
      venue: 'International Conference on Learning Representations',
      tags: ['reading-group'],
    });
  });

  it('lists broken, untitled and repeated entries with reasons, and reads on past them', () => {
    expect(result.invalid).toEqual([
      { index: 5, label: 'notitle2020', reason: 'no title' },
      {
        index: 6,
        label: 'again2024',
        reason: expect.stringContaining('same paper (arxiv:2410.17243) as entry 1'),
      },
      { index: 7, label: 'broken', reason: expect.stringMatching(/^not valid BibTeX: .*brace/i) },
    ]);
    expect(byKey.has('doi:10.5555/after.2023')).toBe(true);
  });
});

describe('malformed files are refused with a message', () => {
  it.each([
    ['empty.bib', '   \n'],
    ['notes.bib', 'just some text, no entries'],
    ['notes.txt', 'just some text'],
    ['backup.json', '{"format": "paperpulse-backup", "version": 1, "bookmarks": [ '],
    ['other.json', '{"format": "zotero", "items": []}'],
    ['newer.json', '{"format": "paperpulse-backup", "version": 3, "bookmarks": []}'],
    ['nolist.json', '{"format": "paperpulse-backup", "version": 1, "bookmarks": {}}'],
    ['items.json', '[{"id": "x", "type": "article"}]'],
    ['all-bad.json', '{"format": "paperpulse-backup", "version": 1, "bookmarks": [{"key": "x"}]}'],
    ['only-broken.bib', '@article{broken, title = {Unclosed'],
  ])('%s', (name, text) => {
    const result = parseImportFile(name, text, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^[A-Z].*\.$/s);
  });

  it('names the problem', () => {
    const message = (name: string, text: string) =>
      (parseImportFile(name, text, NOW) as { error: string }).error;
    expect(message('a.bib', '')).toBe('This file is empty.');
    expect(message('a.json', '{"format": "zotero"}')).toContain('not a PaperPulse backup');
    expect(message('a.json', '{"format": "paperpulse-backup", "version": 3}')).toContain('newer PaperPulse');
    expect(message('a.json', '{oops')).toContain('not valid JSON');
    expect(message('a.bib', ' '.repeat(IMPORT_LIMITS.bytes + 1))).toContain('too large');
    expect(message('a.bib', 'ü'.repeat(IMPORT_LIMITS.bytes / 2 + 1))).toContain('too large');
  });
});

describe('backup import', () => {
  it('proposes the valid rows and lists the invalid ones with index, path and reason', () => {
    const result = imported(parseImportFile('backup.json', fixture('backup-with-invalid.json'), NOW));
    expect(result.candidates.map((bookmark) => bookmark.key)).toEqual([
      'arxiv:2410.17243',
      'doi:10.1000/valid',
    ]);
    expect(result.candidates[1]).toMatchObject({ tags: [], note: '', read: false });
    expect(result.invalid).toEqual([
      { index: 1, label: 'not a key', reason: 'key is not a paper key' },
      { index: 2, label: 'doi:10.1000/missing-title', reason: 'title is missing' },
      { index: 4, label: 'doi:10.1000/bad-tags', reason: 'tags should be a list' },
      { index: 5, reason: 'not a bookmark (expected an object)' },
    ]);
  });

  it('round-trips the library exactly, BOM and all', () => {
    const result = imported(parseImportFile('whatever.txt', `\uFEFF${toBackupJson(LIBRARY, NOW)}`, NOW));
    expect(result.candidates).toEqual(LIBRARY);
  });
});

describe('previewImport', () => {
  it('sorts candidates into new and existing, listing the fields that differ', () => {
    const [first, second, third] = LIBRARY as [Bookmark, Bookmark, Bookmark];
    const incoming = [
      { ...first, note: 'other note', tags: ['kernels', 'ml'], read: true },
      { ...second, title: 'Changed title', summary: 'New abstract' },
      third,
    ];
    const preview = previewImport(incoming, [first, second], { invalid: [{ index: 9, reason: 'no title' }] });
    expect(preview.new).toEqual([third]);
    expect(preview.existing.map(({ current, conflicts }) => [current.key, conflicts])).toEqual([
      [first.key, ['note']],
      // The missing abstract is filled either way; only the title depends on the flag.
      [second.key, ['title']],
    ]);
    const restoring = previewImport([{ ...first, tags: ['ml'], read: false }], [first], { restore: true });
    expect(restoring.existing[0]!.conflicts).toEqual(['tags', 'read']);
    expect(preview.invalid).toEqual([{ index: 9, reason: 'no title' }]);
    const twice = previewImport([third, third], new Map());
    expect(twice.new).toEqual([third]);
    expect(twice.invalid).toEqual([{ index: 1, label: third.key, reason: expect.stringContaining('twice') }]);
  });
});

describe('importing a preview (the bookmark writer)', () => {
  let db: PaperPulseDB;
  const announced: string[] = [];
  const applyImport = (
    target: PaperPulseDB,
    preview: ImportPreview,
    options: { overwriteUserFields: boolean; restore?: boolean; now: number },
  ) =>
    createBookmarkWriter({
      db: target,
      now: () => options.now,
      announce: async (events) => void announced.push(...events.map((event) => event.key)),
    }).importRows([...preview.new, ...preview.existing.map(({ incoming }) => incoming)], {
      overwriteUserFields: options.overwriteUserFields,
      restore: options.restore ?? false,
    });
  const [mine, other] = LIBRARY as [Bookmark, Bookmark];
  const fromFile: Bookmark = {
    ...mine,
    title: 'File title',
    venue: 'ICLR',
    tags: ['file-tag'],
    note: 'file note',
    read: false,
  };

  beforeEach(async () => {
    db = new PaperPulseDB(`test-${Math.random()}`);
    await db.bookmarks.add({ ...mine, venue: undefined });
  });
  afterEach(async () => {
    await db.delete();
  });

  it('adds new papers, and only fills what existing ones lack without the flag', async () => {
    const preview = previewImport([fromFile, other], await db.bookmarks.toArray());
    const result = await applyImport(db, preview, { overwriteUserFields: false, now: NOW });
    expect(result).toEqual({ added: 1, updated: 1, unchanged: 0 });
    // Pages showing a newly added paper are told; nothing is announced for a failed write (below).
    expect(announced.at(-1)).toBe(other.key);
    expect(await db.bookmarks.get(other.key)).toEqual(other);
    expect(await db.bookmarks.get(mine.key)).toEqual({ ...mine, venue: 'ICLR', updatedAt: NOW });
  });

  it('merges user fields with the flag, and restores backup rows exactly', async () => {
    const preview = previewImport([fromFile], await db.bookmarks.toArray());
    await applyImport(db, preview, { overwriteUserFields: true, now: NOW });
    expect(await db.bookmarks.get(mine.key)).toMatchObject({
      title: 'File title',
      tags: ['ml', 'kernels', 'file-tag'],
      note: 'file note',
      read: true,
      updatedAt: NOW,
    });
    await applyImport(db, preview, { overwriteUserFields: true, restore: true, now: NOW });
    expect(await db.bookmarks.get(mine.key)).toEqual(fromFile);
  });

  it('writes all or nothing, and never deletes', async () => {
    const rows = Array.from({ length: 5 }, (_, index) => ({ ...other, key: `doi:10.1000/${index}` }));
    let creations = 0;
    db.bookmarks.hook('creating', () => {
      if (++creations === 4) throw new Error('disk full');
    });
    const preview = previewImport(rows, await db.bookmarks.toArray());
    announced.length = 0;
    await expect(applyImport(db, preview, { overwriteUserFields: true, now: NOW })).rejects.toThrow();
    expect(announced).toEqual([]);
    expect(await db.bookmarks.toArray()).toEqual([{ ...mine, venue: undefined }]);
  });
});

describe('links in imported files', () => {
  it('keeps http(s) links and drops any other scheme, keeping the bookmark', () => {
    const text = JSON.stringify({
      format: 'paperpulse-backup',
      version: 1,
      exportedAt: '2026-11-27T00:00:00.000Z',
      bookmarks: [
        {
          key: 'arxiv:2410.17243',
          title: 'Safe',
          absUrl: 'https://arxiv.org/abs/2410.17243',
          addedAt: NOW,
          updatedAt: NOW,
        },
        {
          key: 'doi:10.5555/x',
          title: 'Hostile',
          absUrl: 'javascript:alert(1)',
          pdfUrl: 'data:text/html,x',
          addedAt: NOW,
          updatedAt: NOW,
        },
      ],
    });
    const result = imported(parseImportFile('backup.json', text, NOW));
    const byKey = new Map(result.candidates.map((bookmark) => [bookmark.key, bookmark]));
    expect(byKey.get('arxiv:2410.17243')?.absUrl).toBe('https://arxiv.org/abs/2410.17243');
    const hostile = byKey.get('doi:10.5555/x')!;
    expect(hostile.title).toBe('Hostile');
    expect(hostile.absUrl).toBeUndefined();
    expect(hostile.pdfUrl).toBeUndefined();
  });
});

describe('a full export (“Export everything”)', () => {
  it('carries the settings next to the library, and a version 1 backup still imports', async () => {
    const { toBackupJson } = await import('../../lib/library/export/backup');
    const settings = { version: 2, watchedTopics: ['diffusion models'], badgeMode: 'watched' };
    const everything = imported(parseImportFile('all.json', toBackupJson(LIBRARY, NOW, settings), NOW));
    expect(everything.settings).toEqual(settings);
    expect(everything.candidates).toHaveLength(LIBRARY.length);
    const library = imported(parseImportFile('lib.json', toBackupJson(LIBRARY, NOW), NOW));
    expect(library.settings).toBeUndefined();
    const v1 = JSON.stringify({
      format: 'paperpulse-backup',
      version: 1,
      exportedAt: '2024-01-01T00:00:00Z',
      bookmarks: LIBRARY,
    });
    expect(imported(parseImportFile('v1.json', v1, NOW)).candidates).toHaveLength(LIBRARY.length);
  });
});
