import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedDayResult } from '@/lib/feed/client';
import type { FeedPaper } from '@/lib/feed/schema';
import { pruneFeed, storeDay } from '@/lib/feed/store';
import { PaperPulseDB } from '@/lib/storage/db';
import { decodeSamples, PaperHistorySchema } from '@/lib/trends/history-codec';

/** The upvote history as a refresh writes it: with each stored day, pruned with the feed. */

const HOUR = 3_600_000;
const LOCAL = Date.parse('2026-11-23T10:00:00Z');
/** The server's clock runs five minutes ahead of the local one: samples are on the server's. */
const SERVER = LOCAL + 5 * 60_000;

function paper(id: string, upvotes: number, numComments = 0): FeedPaper {
  return { id, title: `Paper ${id}`, summary: '', authors: [], upvotes, numComments };
}
const day = (date: string, papers: FeedPaper[]): FeedDayResult => ({ date, papers, dropped: [] });

let db: PaperPulseDB;
beforeEach(() => {
  db = new PaperPulseDB('t-' + crypto.randomUUID());
});
afterEach(async () => {
  await db.delete();
});

async function samplesOf(id: string) {
  const row = await db.paperHistory.get(id);
  return row ? decodeSamples(PaperHistorySchema.parse(row)) : undefined;
}

describe('storeDay records the upvote history', () => {
  it('samples every fetched paper at the server’s time, joined at the start of its day', async () => {
    await storeDay(db, day('2026-11-20', [paper('a', 3, 1), paper('b', 50)]), LOCAL, SERVER);
    expect(await samplesOf('a')).toEqual([{ at: SERVER, upvotes: 3, comments: 1 }]);
    expect(await samplesOf('b')).toEqual([{ at: SERVER, upvotes: 50, comments: 0 }]);
    expect((await db.paperHistory.get('a'))?.joinedAt).toBe(Date.parse('2026-11-20T00:00:00Z'));
  });

  it('adds a sample when a later refresh brings new numbers, and only for the papers it fetched', async () => {
    await storeDay(db, day('2026-11-20', [paper('a', 3)]), LOCAL, SERVER);
    await storeDay(db, day('2026-11-21', [paper('c', 1)]), LOCAL, SERVER);
    await storeDay(db, day('2026-11-20', [paper('a', 9, 2)]), LOCAL + 2 * HOUR, SERVER + 2 * HOUR);
    expect(await samplesOf('a')).toEqual([
      { at: SERVER, upvotes: 3, comments: 0 },
      { at: SERVER + 2 * HOUR, upvotes: 9, comments: 2 },
    ]);
    expect(await samplesOf('c')).toEqual([{ at: SERVER, upvotes: 1, comments: 0 }]);
  });

  it('writes no sample when the day is refused: the history is in the day’s transaction', async () => {
    await storeDay(db, day('2026-11-20', [paper('a', 3)]), LOCAL, SERVER);
    await expect(storeDay(db, day('2026-11-20', []), LOCAL + HOUR, SERVER + HOUR)).rejects.toThrow();
    expect(await samplesOf('a')).toHaveLength(1);
  });

  it('treats a damaged row as no history rather than failing the day', async () => {
    await db.paperHistory.put({ id: 'a', joinedAt: 0, t0: 0, samples: [1, 2] });
    await storeDay(db, day('2026-11-20', [paper('a', 4)]), LOCAL, SERVER);
    expect(await samplesOf('a')).toEqual([{ at: SERVER, upvotes: 4, comments: 0 }]);
  });
});

describe('pruneFeed prunes the history with the papers', () => {
  it('drops the rows of pruned papers and keeps the others', async () => {
    await storeDay(db, day('2026-08-01', [paper('old', 5)]), LOCAL, SERVER);
    await storeDay(db, day('2026-11-20', [paper('new', 5)]), LOCAL, SERVER);
    // An orphan (its paper gone some other way) goes too.
    await db.paperHistory.put({ id: 'orphan', joinedAt: 0, t0: 0, samples: [0, 1, 0] });
    expect(await pruneFeed(db, '2026-11-23', 90)).toBe(1);
    expect(await db.paperHistory.toCollection().primaryKeys()).toEqual(['new']);
  });
});
