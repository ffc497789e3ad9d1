import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { PaperPulseDB, SCHEMA_VERSIONS } from '@/lib/storage/db';
import { BookmarkSchema } from '@/lib/storage/records';

/**
 * Upgrading never loses what the user saved: a library of 10,000 bookmarks written by each
 * earlier schema version, notes and tags included where that version had them, comes out whole
 * when the current version opens it. New versions are covered as soon as they are declared.
 */
const COUNT = 10_000;
const opened: Dexie[] = [];
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

/** A row as version `version` wrote it: v1 had no tags, note, read state or updatedAt. */
function rowFor(version: number, i: number): Record<string, unknown> {
  const row: Record<string, unknown> = {
    key: i % 3 ? `arxiv:2410.${String(i).padStart(5, '0')}` : `doi:10.5555/paper.${i}`,
    site: i % 3 ? 'arxiv' : 'meta',
    title: `Paper ${i}: ${'a long title '.repeat(i % 5)}`.trim(),
    authors: [`Author ${i}`, 'Ada Lovelace'],
    addedAt: 1_700_000_000_000 + i * 1000,
  };
  if (version >= 2) {
    Object.assign(row, {
      tags: i % 4 ? [`tag-${i % 17}`, 'reading'] : [],
      note: i % 5 ? `Note ${i}: compare with ${i - 1}` : '',
      read: i % 2 === 0,
      updatedAt: 1_700_000_000_000 + i * 2000,
    });
    if (i % 3) row.arxivId = (row.key as string).slice('arxiv:'.length);
  }
  return row;
}

describe.each(SCHEMA_VERSIONS.slice(0, -1).map(({ version }) => version))(
  'schema v%i → current',
  (version) => {
    it(`keeps all ${COUNT} bookmarks, their notes and tags`, async () => {
      const name = `upgrade-${version}-${crypto.randomUUID()}`;
      const old = new PaperPulseDB(name, version);
      opened.push(old);
      await old.open();
      expect(old.verno).toBe(version);
      await old.table('bookmarks').bulkAdd(Array.from({ length: COUNT }, (_, i) => rowFor(version, i)));
      old.close();

      const current = new PaperPulseDB(name);
      opened.push(current);
      await current.open();
      expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
      const rows = await current.bookmarks.orderBy('addedAt').toArray();
      expect(rows).toHaveLength(COUNT);
      rows.forEach((row, i) => {
        const written = rowFor(version, i);
        expect(BookmarkSchema.safeParse(row).success).toBe(true);
        expect(row).toMatchObject({ key: written.key, title: written.title, addedAt: written.addedAt });
        if (version >= 2)
          expect({ note: row.note, tags: row.tags, read: row.read }).toEqual({
            note: written.note,
            tags: written.tags,
            read: written.read,
          });
      });
    }, 60_000);
  },
);
