import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperPulseDB } from '../../lib/storage/db';
import { toBackupJson } from '../../lib/library/export/backup';
import { bookmarkLinks, bookmarkUrl } from '../../lib/library/bookmark-links';
import {
  bookmarkList,
  DEFAULT_LIST_OPTIONS,
  filterBookmarks,
  matchesQuery,
  prepareSearch,
  sortBookmarks,
  tagCounts,
} from '../../lib/library/bookmark-list';
import { parseTags } from '../../lib/library/bookmark-tags';
import { importSummary, prepareImport, type ImportFile } from '../../lib/library/prepare-import';
import { readImportFile } from '../../lib/library/import/read-file';
import { libraryView } from '../../lib/library/library-query';
import type { Bookmark } from '../../lib/storage/records';

function bookmark(key: string, fields: Partial<Bookmark> = {}): Bookmark {
  return {
    key,
    arxivId: key.startsWith('arxiv:') ? key.slice(6) : undefined,
    title: key,
    authors: [],
    tags: [],
    note: '',
    read: false,
    addedAt: 0,
    updatedAt: 0,
    ...fields,
  };
}

const LIBRARY: Bookmark[] = [
  bookmark('arxiv:2410.00001', {
    title: 'Diffusion Models Beat GANs',
    authors: ['Prafulla Dhariwal', 'Alex Nichol'],
    tags: ['diffusion', 'vision'],
    addedAt: 3,
  }),
  bookmark('arxiv:2410.00002', {
    title: 'attention is all you need',
    authors: ['Ashish Vaswani'],
    note: 'Read with the reading group on Friday',
    read: true,
    addedAt: 1,
  }),
  bookmark('doi:10.1101/2021.08.03.454978', {
    title: 'Zebrafish Atlas',
    authors: ['Wei Chen'],
    tags: ['biology'],
    addedAt: 2,
  }),
  bookmark('arxiv:2410.00004', {
    title: 'Chen on Diffusion',
    authors: ['Wei Chen'],
    tags: ['diffusion'],
    addedAt: 4,
  }),
];
const keys = (rows: readonly Bookmark[]) => rows.map((row) => row.key);
const filter = (query: string, tag = '', read: 'all' | 'read' | 'unread' = 'all') =>
  keys(filterBookmarks(LIBRARY, { query, tag, read }));

describe('filterBookmarks', () => {
  it.each([
    ['', ['arxiv:2410.00001', 'arxiv:2410.00002', 'doi:10.1101/2021.08.03.454978', 'arxiv:2410.00004']],
    ['DIFFUSION', ['arxiv:2410.00001', 'arxiv:2410.00004']],
    ['chen diffusion', ['arxiv:2410.00004']],
    ['vaswani', ['arxiv:2410.00002']],
    ['reading group', ['arxiv:2410.00002']],
    ['biology', ['doi:10.1101/2021.08.03.454978']],
    ['   ', ['arxiv:2410.00001', 'arxiv:2410.00002', 'doi:10.1101/2021.08.03.454978', 'arxiv:2410.00004']],
    ['quantum', []],
  ])('query %j matches title, authors, tags and note', (query, expected) => {
    expect(filter(query)).toEqual(expected);
  });

  it('filters by tag and by read state, combined with the query', () => {
    expect(filter('', 'diffusion')).toEqual(['arxiv:2410.00001', 'arxiv:2410.00004']);
    expect(filter('chen', 'diffusion')).toEqual(['arxiv:2410.00004']);
    expect(filter('', '', 'read')).toEqual(['arxiv:2410.00002']);
    expect(filter('', '', 'unread')).toHaveLength(3);
    expect(filter('', 'diffusion', 'read')).toEqual([]);
  });
});

describe('sortBookmarks', () => {
  it('puts the newest added first', () => {
    expect(keys(sortBookmarks(LIBRARY, 'added'))).toEqual([
      'arxiv:2410.00004',
      'arxiv:2410.00001',
      'doi:10.1101/2021.08.03.454978',
      'arxiv:2410.00002',
    ]);
  });

  it('sorts titles ignoring case and with numbers in order', () => {
    const rows = [bookmark('a:1', { title: 'Paper 10' }), bookmark('a:2', { title: 'paper 9' }), ...LIBRARY];
    expect(sortBookmarks(rows, 'title').map((row) => row.title)).toEqual([
      'attention is all you need',
      'Chen on Diffusion',
      'Diffusion Models Beat GANs',
      'paper 9',
      'Paper 10',
      'Zebrafish Atlas',
    ]);
  });

  it('sorts by feed upvotes, with papers not in the feed last (newest added first)', () => {
    const upvotes = new Map([
      ['2410.00002', 120],
      ['2410.00001', 7],
    ]);
    expect(keys(sortBookmarks(LIBRARY, 'upvotes', upvotes))).toEqual([
      'arxiv:2410.00002',
      'arxiv:2410.00001',
      'arxiv:2410.00004',
      'doi:10.1101/2021.08.03.454978',
    ]);
  });

  it('does not change the rows it is given', () => {
    const before = keys(LIBRARY);
    sortBookmarks(LIBRARY, 'title');
    expect(keys(LIBRARY)).toEqual(before);
  });

  it('filters then sorts', () => {
    const rows = bookmarkList(LIBRARY, { ...DEFAULT_LIST_OPTIONS, query: 'diffusion', sort: 'title' });
    expect(keys(rows)).toEqual(['arxiv:2410.00004', 'arxiv:2410.00001']);
  });

  // Its speed at 10,000 bookmarks is measured by `npm run bench`, never asserted here.
  it('narrows a large library as the query grows', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      bookmark(`arxiv:2401.${String(i).padStart(5, '0')}`, {
        title: `Paper ${i} about ${i % 7 ? 'vision' : 'language'}`,
        addedAt: i,
      }),
    );
    const counts = ['l', 'la', 'lan', 'lang', 'langu', 'langux'].map(
      (query) => bookmarkList(many, { ...DEFAULT_LIST_OPTIONS, query, sort: 'title' }).length,
    );
    // Only the 1,429 titles about "language" have an "l" ("Paper 12 about vision" has none).
    expect(counts).toEqual([1429, 1429, 1429, 1429, 1429, 0]);
  });
});

describe('tags', () => {
  it.each([
    ['ml, vision', ['ml', 'vision']],
    ['  ml ,, vision ,  ', ['ml', 'vision']],
    ['ml, ML, Ml, vision, ml', ['ml', 'vision']],
    ['reading   group', ['reading group']],
    ['', []],
    [' , , ', []],
    [`${'x'.repeat(150)}`, ['x'.repeat(100)]],
  ])('parseTags(%j)', (input, expected) => {
    expect(parseTags(input)).toEqual(expected);
  });

  it('keeps at most 100 tags, the schema limit', () => {
    expect(parseTags(Array.from({ length: 150 }, (_, i) => `t${i}`).join(','))).toHaveLength(100);
  });

  it('counts tags, most used first', () => {
    expect(tagCounts(LIBRARY)).toEqual([
      { tag: 'diffusion', count: 2 },
      { tag: 'biology', count: 1 },
      { tag: 'vision', count: 1 },
    ]);
  });
});

describe('links', () => {
  it('links the abstract, else the Hugging Face page, and never a non-http URL', () => {
    expect(bookmarkUrl(bookmark('arxiv:1', { absUrl: 'https://arxiv.org/abs/1' }))).toBe(
      'https://arxiv.org/abs/1',
    );
    expect(bookmarkUrl(bookmark('arxiv:2410.1', { absUrl: 'javascript:alert(1)' }))).toBe(
      'https://huggingface.co/papers/2410.1',
    );
    expect(bookmarkUrl(bookmark('doi:10.1/x'))).toBeUndefined();
    expect(
      bookmarkLinks(
        bookmark('arxiv:2410.1', { absUrl: 'https://a.example/', pdfUrl: 'data:text/html,x' }),
      ).map((link) => link.label),
    ).toEqual(['Abstract', 'Hugging Face']);
  });
});

describe('library and import in the popup', () => {
  let db: PaperPulseDB;
  beforeEach(() => {
    db = new PaperPulseDB(`bookmark-list-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  const file = (name: string, text: string): ImportFile => ({
    name,
    size: text.length,
    text: async () => text,
  });

  it('joins the feed upvotes of bookmarked papers only', async () => {
    await db.bookmarks.bulkAdd(LIBRARY);
    const paper = {
      title: 't',
      summary: '',
      authors: [],
      numComments: 0,
      dailyDate: '2024-10-25',
      firstSeenAt: 0,
      updatedAt: 0,
    };
    await db.papers.bulkAdd([
      { ...paper, id: '2410.00001', upvotes: 7 },
      { ...paper, id: '2499.99999', upvotes: 900 },
    ]);
    const view = await libraryView(db);
    expect(view.bookmarks).toHaveLength(4);
    expect([...view.upvotes]).toEqual([['2410.00001', 7]]);
  });

  it('previews a backup of the library itself as nothing new', async () => {
    await db.bookmarks.bulkAdd(LIBRARY);
    const prepared = await prepareImport(
      db,
      file('backup.json', toBackupJson(LIBRARY, 0)),
      0,
      readImportFile,
    );
    if (!prepared.ok) throw new Error(prepared.error);
    expect(prepared.restore).toBe(true);
    expect(prepared.preview.new).toHaveLength(0);
    expect(prepared.preview.existing).toHaveLength(4);
    expect(prepared.preview.existing.every((entry) => entry.conflicts.length === 0)).toBe(true);
  });

  it('refuses a malformed or oversized file with a reason, writing nothing', async () => {
    const broken = await prepareImport(
      db,
      file('backup.json', '{"format": "paperpulse-backup", '),
      0,
      readImportFile,
    );
    expect(broken).toMatchObject({ ok: false, error: expect.stringContaining('not valid JSON') });
    const huge = await prepareImport(db, { ...file('a.bib', ''), size: 30 * 1024 * 1024 }, 0, readImportFile);
    expect(huge).toMatchObject({ ok: false, error: expect.stringContaining('too large') });
    expect(await db.bookmarks.count()).toBe(0);
  });

  it('summarises what an import did', () => {
    expect(importSummary({ added: 1, updated: 0, unchanged: 0 })).toBe('Imported 1 new bookmark; 0 updated.');
    expect(importSummary({ added: 2, updated: 1, unchanged: 3 })).toBe(
      'Imported 2 new bookmarks; 1 updated; 3 already up to date.',
    );
  });
});

describe('prepareSearch: the search text built while idle, before the first keystroke', () => {
  /** An idle scheduler that runs nothing until told, each slice with `budget` ms left. */
  function fakeIdle() {
    const queue: ((deadline: { timeRemaining(): number }) => void)[] = [];
    let remaining = 0;
    return {
      idle: (work: (deadline: { timeRemaining(): number }) => void) => void queue.push(work),
      /** Runs the next slice; the deadline runs out after `calls` questions. */
      run(calls: number) {
        remaining = calls;
        queue.shift()!({ timeRemaining: () => (remaining-- > 0 ? 5 : 0) });
      },
      get pending() {
        return queue.length;
      },
    };
  }
  // The cached text is what a search reads: a row changed in place after preparing (rows from a
  // live query never are) still matches its old title, which shows the text was built. (Asking
  // builds it, from the changed title: ask once per row.)
  const built = (row: Bookmark) => {
    const title = row.title;
    row.title = 'renamed';
    const found = matchesQuery(row, title.split(' ')[0]!);
    row.title = title;
    return found;
  };

  it('builds every row’s text, a slice at a time, stopping when the idle time runs out', () => {
    const rows = Array.from({ length: 450 }, (_, i) =>
      bookmark(`arxiv:2410.${10000 + i}`, { title: `Paper${i} x` }),
    );
    const scheduler = fakeIdle();
    prepareSearch(rows, scheduler.idle);
    expect(scheduler.pending).toBe(1);
    // No idle time left: a slice still does its hundred rows, then waits for the next idle period.
    scheduler.run(0);
    expect(rows.slice(0, 100).every(built)).toBe(true);
    expect(scheduler.pending).toBe(1);
    scheduler.run(1_000);
    expect(rows.every(built)).toBe(true);
    expect(scheduler.pending).toBe(0);
  });

  it('stops when told (the rows were replaced)', () => {
    const rows = Array.from({ length: 300 }, (_, i) =>
      bookmark(`arxiv:2410.${20000 + i}`, { title: `Other${i} y` }),
    );
    const scheduler = fakeIdle();
    const stop = prepareSearch(rows, scheduler.idle);
    scheduler.run(0);
    stop();
    scheduler.run(1_000);
    expect(built(rows[150]!)).toBe(false);
    expect(scheduler.pending).toBe(0);
  });

  it('asks for nothing with no rows', () => {
    const scheduler = fakeIdle();
    prepareSearch([], scheduler.idle);
    expect(scheduler.pending).toBe(0);
  });
});
