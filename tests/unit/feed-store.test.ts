import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PaperPulseDB } from '@/lib/storage/db';
import type { FeedDayResult } from '@/lib/feed/client';
import type { FeedPaper } from '@/lib/feed/schema';
import { latestFeedDay, pruneFeed, storeDay } from '@/lib/feed/store';
import { bookmarkFromPaper } from '@/lib/storage/bookmarks';

const NOW = Date.parse('2026-11-23T10:00:00Z');

function paper(id: string, upvotes: number): FeedPaper {
  return { id, title: `Paper ${id}`, summary: '', authors: [], upvotes, numComments: 0 };
}

function day(date: string, papers: FeedPaper[], dropped: FeedDayResult['dropped'] = []): FeedDayResult {
  return { date, papers, dropped };
}

let db: PaperPulseDB;
beforeEach(() => {
  db = new PaperPulseDB('t-' + crypto.randomUUID());
});
afterEach(async () => {
  await db.delete();
});

describe('storeDay', () => {
  it('writes the papers and the day, ranked by upvotes', async () => {
    const dropped = [{ index: 3, reason: 'no title' }];
    await storeDay(
      db,
      day('2026-11-20', [paper('2611.00001', 3), paper('2611.00002', 50), paper('2611.00003', 7)], dropped),
      NOW,
    );
    expect(await db.feedDays.get('2026-11-20')).toEqual({
      date: '2026-11-20',
      paperIds: ['2611.00002', '2611.00003', '2611.00001'],
      fetchedAt: NOW,
      dropped,
    });
    expect(await db.papers.get('2611.00003')).toMatchObject({
      title: 'Paper 2611.00003',
      upvotes: 7,
      dailyDate: '2026-11-20',
      firstSeenAt: NOW,
      updatedAt: NOW,
    });
  });

  it('keeps the feed order for equal upvotes', async () => {
    await storeDay(db, day('2026-11-20', [paper('b', 5), paper('a', 5), paper('c', 9)]), NOW);
    expect((await db.feedDays.get('2026-11-20'))?.paperIds).toEqual(['c', 'b', 'a']);
  });

  it('writes nothing when the day row fails: papers and day are one transaction', async () => {
    await storeDay(db, day('2026-11-19', [paper('2611.00009', 1)]), NOW - 1000);
    vi.spyOn(db.feedDays, 'put').mockImplementation(() => {
      throw new Error('QuotaExceededError');
    });
    await expect(
      storeDay(db, day('2026-11-20', [paper('2611.00001', 3), paper('2611.00009', 99)]), NOW),
    ).rejects.toThrow('QuotaExceededError');

    expect(await db.papers.get('2611.00001')).toBeUndefined();
    // The paper the earlier day wrote is untouched by the rolled-back write.
    expect(await db.papers.get('2611.00009')).toMatchObject({ upvotes: 1, dailyDate: '2026-11-19' });
    expect(await db.feedDays.get('2026-11-20')).toBeUndefined();
  });

  it('keeps firstSeenAt and the newest listing date when a paper appears again', async () => {
    await storeDay(db, day('2026-11-20', [paper('2611.00001', 3)]), NOW - 5000);
    await storeDay(db, day('2026-11-19', [paper('2611.00001', 8)]), NOW);
    expect(await db.papers.get('2611.00001')).toMatchObject({
      upvotes: 8,
      dailyDate: '2026-11-20',
      firstSeenAt: NOW - 5000,
      updatedAt: NOW,
    });
  });

  it('replaces the stored day with the new listing', async () => {
    await storeDay(db, day('2026-11-20', [paper('a', 1)]), NOW - 5000);
    await storeDay(db, day('2026-11-20', [paper('a', 1), paper('b', 2)]), NOW);
    expect(await db.feedDays.get('2026-11-20')).toMatchObject({ paperIds: ['b', 'a'], fetchedAt: NOW });
  });
});

describe('latestFeedDay', () => {
  it('is the newest day with papers, skipping empty days', async () => {
    expect(await latestFeedDay(db)).toBeUndefined();
    await storeDay(db, day('2026-11-19', [paper('a', 1)]), NOW);
    await storeDay(db, day('2026-11-20', [paper('b', 1)]), NOW);
    await storeDay(db, day('2026-11-21', []), NOW);
    expect((await latestFeedDay(db))?.date).toBe('2026-11-20');
  });
});

describe('pruneFeed', () => {
  it('removes days older than the retention window and their papers, never bookmarks', async () => {
    await storeDay(db, day('2026-08-24', [paper('2608.00001', 1)]), NOW);
    await storeDay(db, day('2026-08-25', [paper('2608.00002', 1)]), NOW);
    await storeDay(db, day('2026-11-20', [paper('2611.00001', 1)]), NOW);
    const old = (await db.papers.get('2608.00001'))!;
    await db.bookmarks.add(bookmarkFromPaper(old, NOW));

    // 90 days before 2026-11-23 is 2026-08-25: that day stays, the one before goes.
    const removed = await pruneFeed(db, '2026-11-23', 90);

    expect(removed).toBe(1);
    expect(await db.feedDays.orderBy('date').primaryKeys()).toEqual(['2026-08-25', '2026-11-20']);
    expect(await db.papers.orderBy('id').primaryKeys()).toEqual(['2608.00002', '2611.00001']);
    expect(await db.bookmarks.get('arxiv:2608.00001')).toMatchObject({ title: 'Paper 2608.00001' });
  });

  it('keeps a paper that an old day and a retained day both list', async () => {
    await storeDay(db, day('2026-08-01', [paper('2608.00001', 1)]), NOW);
    await storeDay(db, day('2026-11-20', [paper('2608.00001', 4)]), NOW);
    await pruneFeed(db, '2026-11-23', 90);
    expect(await db.feedDays.get('2026-08-01')).toBeUndefined();
    expect(await db.papers.get('2608.00001')).toMatchObject({ dailyDate: '2026-11-20' });
  });

  it('removes nothing inside the window', async () => {
    await storeDay(db, day('2026-11-20', [paper('2611.00001', 1)]), NOW);
    expect(await pruneFeed(db, '2026-11-23', 7)).toBe(0);
    expect(await db.papers.count()).toBe(1);
  });
});
