// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBucket } from '@/lib/sync/decode';
import { covers, mergeRecords } from '@/lib/sync/merge';
import { planSync, type SyncPlan } from '@/lib/sync/plan';
import { DEFAULT_SYNC_QUOTA, quotaBesides, type SyncQuota } from '@/lib/sync/quota';
import { isDeleted, type SyncRecord } from '@/lib/sync/record';
import { describeSyncPlan } from '@/lib/sync/summary-text';
import { recordAfterEdit } from '@/lib/sync/local-edit';
import { realRecordArb, textArb } from './arbitraries';
import { CHROME_LIMITS, chromeItemBytes } from './fake-sync-service';
import { DAY, libraryRecords, libraryRows, T0 } from './library';

/** Checks a plan against Chrome's limits, counting bytes independently of the code under test. */
function expectFits(plan: SyncPlan, quota: SyncQuota = DEFAULT_SYNC_QUOTA, foreignBytes = 0): void {
  let total = foreignBytes;
  for (const [key, bucket] of plan.buckets) {
    const bytes = chromeItemBytes(key, bucket.value);
    expect(bytes).toBeLessThanOrEqual(quota.bucketBytes);
    expect(bytes).toBeLessThanOrEqual(CHROME_LIMITS.QUOTA_BYTES_PER_ITEM);
    total += bytes;
  }
  expect(total).toBeLessThanOrEqual(CHROME_LIMITS.QUOTA_BYTES);
  expect(plan.buckets.size).toBeLessThanOrEqual(CHROME_LIMITS.MAX_ITEMS);
}

/** What another browser would read back from the plan's items. */
function readBack(plan: SyncPlan): Map<string, SyncRecord> {
  const records = new Map<string, SyncRecord>();
  for (const bucket of plan.buckets.values()) {
    const decoded = decodeBucket(JSON.parse(JSON.stringify(bucket.value)));
    if (decoded.status !== 'ok') throw new Error('unreadable bucket');
    for (const record of decoded.records) records.set(record.key, record);
  }
  return records;
}

const libraryArb = fc.uniqueArray(
  realRecordArb().chain((record) =>
    fc
      .record({ note: textArb(20_000), tags: fc.array(textArb(100, 1), { maxLength: 100 }) })
      .map(({ note, tags }) =>
        record.note && 'value' in record.note && record.tags && 'value' in record.tags
          ? { ...record, note: { ...record.note, value: note }, tags: { ...record.tags, value: tags } }
          : record,
      ),
  ),
  { selector: (record) => record.key, maxLength: 150 },
);

describe('planSync fits the quotas', () => {
  it('for any library: long notes, many tags, any text', () => {
    fc.assert(
      fc.property(libraryArb, fc.integer({ min: 0, max: 20_000 }), (records, foreignBytes) => {
        const quota = quotaBesides(foreignBytes);
        const plan = planSync(records, quota);
        expectFits(plan, quota, foreignBytes);
        const local = new Map(records.map((record) => [record.key, record]));
        for (const [key, sent] of readBack(plan)) expect(covers(local.get(key), sent)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it.each([5_000, 20_000])('for %i bookmarks, and says what stays on this device', (size) => {
    const records = libraryRecords(libraryRows(size));
    const plan = planSync(records);
    expectFits(plan);
    const { summary } = plan;
    expect(summary.bookmarks).toBe(size);
    expect(summary.synced + summary.bookmarksKept.read + summary.bookmarksKept.unread).toBe(size);
    expect(summary.synced).toBeGreaterThan(450);
    expect(describeSyncPlan(summary)).toMatch(
      /^[\d,]+ bookmarks synced; notes of .* and [\d,]+ older bookmarks are kept on this device only\.$/,
    );
    // Whatever was sent comes back intact, stamps of withheld notes included.
    const local = new Map(records.map((record) => [record.key, record]));
    const sent = readBack(plan);
    expect(sent.size).toBe(summary.synced);
    for (const [key, record] of sent) expect(mergeRecords(local.get(key)!, record)).toEqual(local.get(key));
  });
});

describe('planSync decides what stays local, oldest read notes first', () => {
  // One bucket, bookmarks of identical sizes, so that the order alone decides.
  const rows = Array.from({ length: 40 }, (_, index) => ({
    key: `arxiv:2401.${String(index).padStart(5, '0')}`,
    title: 'A paper title of a fixed length',
    tags: [],
    note: 'n'.repeat(100),
    read: index % 2 === 0,
    addedAt: T0 + index * DAY,
    updatedAt: T0 + index * DAY,
  }));
  const records = libraryRecords(rows);
  const age = (key: string) => rows.find((row) => row.key === key)!.addedAt;
  const isRead = (key: string) => rows.find((row) => row.key === key)!.read;

  /** Everything this browser keeps to itself, as what, read state and when it was added. */
  function keptLocal(plan: SyncPlan) {
    return [...plan.levels].flatMap(([key, level]) => {
      const item = { read: isRead(key), addedAt: age(key) };
      if (level === 'without-note') return [{ what: 'note', ...item }];
      if (level === 'local-only')
        return [
          { what: 'note', ...item },
          { what: 'bookmark', ...item },
        ];
      return [];
    });
  }

  it('gives things up in order: read notes, read bookmarks, unread notes, unread bookmarks, oldest first', () => {
    const rank = (item: { what: string; read: boolean; addedAt: number }) =>
      (item.read ? (item.what === 'note' ? 0 : 1) : item.what === 'note' ? 2 : 3) * 1e15 + item.addedAt;
    let everything = 0;
    for (let budget = 12_030; budget >= 30; budget -= 150) {
      const plan = planSync(records, { bucketCount: 1, bucketBytes: budget });
      expectFits(plan, { bucketCount: 1, bucketBytes: budget });
      const kept = keptLocal(plan);
      const synced = rows
        .flatMap((row) => [
          { what: 'note', read: row.read, addedAt: row.addedAt },
          { what: 'bookmark', read: row.read, addedAt: row.addedAt },
        ])
        .filter((item) => !kept.some((other) => other.what === item.what && other.addedAt === item.addedAt));
      // Nothing is kept local while something meant to go before it is sent, except where a smaller
      // thing filled the room a bigger one did not fit in: a bookmark without its note (~70 bytes)
      // sent while a note (~110 bytes) stays. Never the other way round.
      for (const local of kept) {
        for (const sent of synced) {
          if (rank(sent) < rank(local)) expect([local.what, sent.what]).toEqual(['note', 'bookmark']);
        }
      }
      everything = kept.length;
    }
    expect(everything).toBe(80);
  });
});

describe('planSync is decided by the records alone', () => {
  const small: SyncQuota = { bucketCount: 2, bucketBytes: 1_500 };
  it('gives the same items whatever the input order, and without the records it left out', () => {
    fc.assert(
      fc.property(libraryArb, fc.integer(), (records, seed) => {
        const plan = planSync(records, small);
        const shuffled = [...records].sort(
          (a, b) => ((a.key.length * seed) % 7) - ((b.key.length * seed) % 7),
        );
        expect(planSync(shuffled, small).buckets).toEqual(plan.buckets);
        // A browser that never had the left-out records plans the same items: no write wars.
        const kept = records.filter((record) => plan.levels.get(record.key) !== 'local-only');
        expect(planSync(kept, small).buckets).toEqual(plan.buckets);
      }),
      { numRuns: 60 },
    );
  });
});

describe('deletions in the plan', () => {
  const tombstone = (index: number, at: number): SyncRecord => ({
    key: `arxiv:2301.${String(index).padStart(5, '0')}`,
    deleted: { stamp: { wall: at, counter: 0, replica: 'k3x9q2m7' }, value: true },
  });

  it('a mass deletion takes at most a quarter of a bucket, so live bookmarks stay synced', () => {
    const live = libraryRecords(libraryRows(30).map((row) => ({ ...row, note: '', tags: [] })));
    const deletions = Array.from({ length: 500 }, (_, index) => tombstone(index, T0 - index * 1_000));
    const plan = planSync([...deletions, ...live], { bucketCount: 1, bucketBytes: 6_000 });
    expect(plan.summary.synced).toBe(30);
    expect(plan.summary.deletions.synced).toBeGreaterThan(20);
    expect(plan.summary.deletions.kept).toBeGreaterThan(300);
    const sentDeletions = [...plan.levels].filter(([, level]) => level === 'tombstone').map(([key]) => key);
    // The newest deletions are the ones sent.
    expect(sentDeletions.sort()).toEqual(
      deletions
        .slice(0, sentDeletions.length)
        .map((record) => record.key)
        .sort(),
    );
  });

  it('stops sending deletions after 180 days, unless the area holds a live copy they answer', () => {
    const old = tombstone(1, T0 - 181 * DAY);
    const recent = tombstone(2, T0 - 179 * DAY);
    const now = T0;
    expect(planSync([old, recent], DEFAULT_SYNC_QUOTA, { now }).levels).toEqual(
      new Map([[recent.key, 'tombstone']]),
    );
    const staleCopy = libraryRecords([
      { ...libraryRows(1)[0]!, key: old.key, updatedAt: T0 - 400 * DAY },
    ])[0]!;
    const plan = planSync([old], DEFAULT_SYNC_QUOTA, { now, remote: new Map([[old.key, staleCopy]]) });
    expect(plan.levels.get(old.key)).toBe('tombstone');
    expect(isDeleted(mergeRecords(staleCopy, readBack(plan).get(old.key)!))).toBe(true);
  });
});

describe('pins', () => {
  it('sends a record whose older copy is in the area, even when it would otherwise stay local', () => {
    const rows = libraryRows(200).map((row) => ({ ...row, note: '' }));
    const records = libraryRecords(rows);
    const quota: SyncQuota = { bucketCount: 1, bucketBytes: 2_000 };
    const plain = planSync(records, quota);
    const leftOut = records.find((record) => plain.levels.get(record.key) === 'local-only')!;
    const row = rows.find((candidate) => candidate.key === leftOut.key)!;
    const newer = recordAfterEdit({
      record: leftOut,
      before: row,
      after: { ...row, read: !row.read },
      now: T0 + DAY,
      replicaId: 'a',
    })!;
    const planned = planSync(
      records.map((record) => (record.key === newer.key ? newer : record)),
      quota,
      { remote: new Map([[leftOut.key, leftOut]]) },
    );
    expect(planned.levels.get(leftOut.key)).not.toBe('local-only');
    expectFits(planned, quota);
  });
});

describe('describeSyncPlan', () => {
  const base = { bytes: 0, items: 0, deletions: { synced: 0, kept: 0 } };
  it.each([
    [
      { bookmarks: 0, synced: 0, notesKept: { read: 0, unread: 0 }, bookmarksKept: { read: 0, unread: 0 } },
      'No bookmarks to sync yet.',
    ],
    [
      { bookmarks: 1, synced: 1, notesKept: { read: 0, unread: 0 }, bookmarksKept: { read: 0, unread: 0 } },
      'Your bookmark is synced.',
    ],
    [
      {
        bookmarks: 312,
        synced: 312,
        notesKept: { read: 0, unread: 0 },
        bookmarksKept: { read: 0, unread: 0 },
      },
      'All 312 bookmarks are synced.',
    ],
    [
      {
        bookmarks: 1552,
        synced: 312,
        notesKept: { read: 40, unread: 0 },
        bookmarksKept: { read: 1000, unread: 240 },
      },
      '312 bookmarks synced; notes of 40 read bookmarks and 1,240 older bookmarks are kept on this device only.',
    ],
    [
      {
        bookmarks: 900,
        synced: 899,
        notesKept: { read: 0, unread: 0 },
        bookmarksKept: { read: 1, unread: 0 },
      },
      '899 bookmarks synced; 1 older bookmark is kept on this device only.',
    ],
    [
      { bookmarks: 50, synced: 50, notesKept: { read: 3, unread: 1 }, bookmarksKept: { read: 0, unread: 0 } },
      '50 bookmarks synced; notes of 3 read and 1 unread bookmark are kept on this device only.',
    ],
  ])('%o', (summary, text) => {
    expect(describeSyncPlan({ ...base, ...summary })).toBe(text);
  });
});
