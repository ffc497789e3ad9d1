// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStamps, type Stamp } from '@/lib/sync/clock';
import { covers, mergeRecords, mergeStates } from '@/lib/sync/merge';
import { isDeleted, REGISTERS, type Register, type RegisterName, type SyncRecord } from '@/lib/sync/record';
import { recordArb, registerArb, stampArb, stateArb } from './arbitraries';

const sameKey = fc.constantFrom('arxiv:1');
const recordOfOneKey = recordArb(sameKey);

describe('mergeRecords is a join', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(recordOfOneKey, recordOfOneKey, (a, b) => {
        expect(mergeRecords(a, b)).toEqual(mergeRecords(b, a));
      }),
      { numRuns: 500 },
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(recordOfOneKey, recordOfOneKey, recordOfOneKey, (a, b, c) => {
        expect(mergeRecords(mergeRecords(a, b), c)).toEqual(mergeRecords(a, mergeRecords(b, c)));
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(recordOfOneKey, recordOfOneKey, (a, b) => {
        expect(mergeRecords(a, a)).toEqual(a);
        const ab = mergeRecords(a, b);
        expect(mergeRecords(ab, b)).toEqual(ab);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses records of different bookmarks', () => {
    expect(() => mergeRecords({ key: 'arxiv:1' }, { key: 'arxiv:2' })).toThrow(/arxiv:1/);
  });

  it('`covers` says exactly when merging changes nothing', () => {
    fc.assert(
      fc.property(recordOfOneKey, recordOfOneKey, (a, b) => {
        expect(covers(mergeRecords(a, b), b)).toBe(true);
        expect(covers(a, b)).toBe(JSON.stringify(mergeRecords(a, b)) === JSON.stringify(a));
      }),
      { numRuns: 500 },
    );
  });
});

describe('mergeStates is a join', () => {
  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(stateArb, stateArb, stateArb, (a, b, c) => {
        expect(mergeStates(a, b)).toEqual(mergeStates(b, a));
        expect(mergeStates(mergeStates(a, b), c)).toEqual(mergeStates(a, mergeStates(b, c)));
        expect(mergeStates(a, a)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every key of both sides', () => {
    fc.assert(
      fc.property(stateArb, stateArb, (a, b) => {
        expect([...mergeStates(a, b).keys()].sort()).toEqual([...new Set([...a.keys(), ...b.keys()])].sort());
      }),
    );
  });
});

/** Writes with distinct stamps (as real ones are), each seen by some of three browsers. */
const writesArb = fc.uniqueArray(
  fc.record({
    register: fc.constantFrom<RegisterName>(...REGISTERS),
    stamp: stampArb,
    value: fc.oneof(fc.boolean(), fc.constantFrom('x', 'y')),
    seenBy: fc.subarray([0, 1, 2], { minLength: 1 }),
  }),
  {
    selector: (write) =>
      `${write.register} ${write.stamp.wall} ${write.stamp.counter} ${write.stamp.replica}`,
    maxLength: 12,
  },
);

function recordFrom(
  writes: ReadonlyArray<{ register: RegisterName; stamp: Stamp; value: unknown }>,
): SyncRecord {
  return writes.reduce<SyncRecord>(
    (record, write) =>
      mergeRecords(record, { key: 'arxiv:1', [write.register]: { stamp: write.stamp, value: write.value } }),
    { key: 'arxiv:1' },
  );
}

describe('nothing is lost', () => {
  it('the write with the highest stamp of each register survives any merge order', () => {
    fc.assert(
      fc.property(writesArb, fc.constantFrom([0, 1, 2], [2, 1, 0], [1, 0, 2]), (writes, order) => {
        const browsers = [0, 1, 2].map((browser) =>
          recordFrom(writes.filter((write) => write.seenBy.includes(browser))),
        );
        const merged = order.map((index) => browsers[index]!).reduce(mergeRecords);
        for (const register of REGISTERS) {
          const highest = writes
            .filter((write) => write.register === register)
            .sort((a, b) => compareStamps(b.stamp, a.stamp))[0];
          expect(merged[register]).toEqual(
            highest ? { stamp: highest.stamp, value: highest.value } : undefined,
          );
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a known value beats a withheld one of the same write, and a withheld newer stamp beats an older value', () => {
    const at = (wall: number): Stamp => ({ wall, counter: 0, replica: 'a' });
    const known: SyncRecord = { key: 'arxiv:1', note: { stamp: at(2), value: 'long note' } };
    const withheld: SyncRecord = { key: 'arxiv:1', note: { stamp: at(2), withheld: true } };
    const stale: SyncRecord = { key: 'arxiv:1', note: { stamp: at(1), value: 'old note' } };
    expect(mergeRecords(withheld, known).note).toEqual(known.note);
    expect(mergeRecords(stale, withheld).note).toEqual(withheld.note);
  });
});

describe('deletions', () => {
  const above = (record: SyncRecord): Stamp => {
    const walls = REGISTERS.map((name) => record[name]?.stamp.wall ?? 0);
    return { wall: Math.max(0, ...walls) + 1, counter: 0, replica: 'a' };
  };

  it('a deletion stamped after every field write wins over any copy', () => {
    fc.assert(
      fc.property(recordOfOneKey, recordOfOneKey, (local, other) => {
        const deletion: SyncRecord = {
          key: 'arxiv:1',
          deleted: { stamp: above(mergeRecords(local, other)), value: true },
        };
        expect(isDeleted(mergeRecords(mergeRecords(local, deletion), other))).toBe(true);
        expect(isDeleted(mergeRecords(other, mergeRecords(deletion, local)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a stale copy (every stamp older) never undoes a deletion; a later restore does', () => {
    const staleRegister = registerArb(
      fc.boolean(),
      stampArb.map((stamp) => ({ ...stamp, wall: Math.min(stamp.wall, 4) })),
    );
    fc.assert(
      fc.property(recordOfOneKey, staleRegister, (stale, staleDeleted) => {
        const copy: SyncRecord = { ...stale, deleted: staleDeleted as Register<boolean> };
        const deleted: SyncRecord = {
          key: 'arxiv:1',
          deleted: { stamp: { wall: 9, counter: 0, replica: 'a' }, value: true },
        };
        const merged = mergeRecords(deleted, copy);
        expect(isDeleted(merged)).toBe(true);
        const restored = mergeRecords(merged, {
          key: 'arxiv:1',
          deleted: { stamp: { wall: 10, counter: 0, replica: 'b' }, value: false },
        });
        expect(isDeleted(restored)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
