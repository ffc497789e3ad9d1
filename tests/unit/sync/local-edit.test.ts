// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStamps } from '@/lib/sync/clock';
import { mergeIntoLocal, rowFromRecord } from '@/lib/sync/local-apply';
import { recordAfterEdit, seedRecord } from '@/lib/sync/local-edit';
import { mergeRecords } from '@/lib/sync/merge';
import { isDeleted, REGISTERS, stampsOf, type SyncRecord, type SyncedBookmark } from '@/lib/sync/record';

const T0 = Date.parse('2026-12-01T09:00:00Z');

const row = (patch: Partial<SyncedBookmark> = {}): SyncedBookmark => ({
  key: 'arxiv:2410.17243',
  title: 'Piggybacking decodes with chunked prefills',
  arxivId: '2410.17243',
  tags: ['llm'],
  note: '',
  read: false,
  addedAt: T0,
  updatedAt: T0,
  ...patch,
});

const rowArb = fc
  .record({
    title: fc.constantFrom('A', 'B'),
    tags: fc.constantFrom<string[]>([], ['llm'], ['llm', 'serving']),
    note: fc.constantFrom('', 'see fig. 3'),
    read: fc.boolean(),
    addedAt: fc.constantFrom(T0, T0 + 1),
  })
  .map((fields) => row(fields));

describe('recordAfterEdit', () => {
  it('gives new stamps only to the fields that changed (and the live flag), newer than all before', () => {
    fc.assert(
      fc.property(rowArb, rowArb, fc.integer({ min: -5_000, max: 5_000 }), (before, after, skew) => {
        const created = recordAfterEdit({
          record: undefined,
          before: undefined,
          after: before,
          now: T0,
          replicaId: 'a',
        })!;
        const edited = recordAfterEdit({ record: created, before, after, now: T0 + skew, replicaId: 'b' })!;
        const changed = {
          paper: before.title !== after.title || before.addedAt !== after.addedAt,
          tags: before.tags.join() !== after.tags.join(),
          note: before.note !== after.note,
          read: before.read !== after.read,
        };
        const anything = Object.values(changed).some(Boolean);
        for (const [register, didChange] of Object.entries(changed) as [keyof typeof changed, boolean][]) {
          if (didChange)
            expect(compareStamps(edited[register]!.stamp, created[register]!.stamp)).toBeGreaterThan(0);
          else expect(edited[register]).toEqual(created[register]);
        }
        expect(compareStamps(edited.deleted!.stamp, created.deleted!.stamp) > 0).toBe(anything);
        if (anything)
          expect(rowFromRecord(edited)).toMatchObject({ ...after, updatedAt: expect.any(Number) });
      }),
      { numRuns: 300 },
    );
  });

  it('a deletion stamps only the deleted register; deleting twice changes nothing', () => {
    const created = recordAfterEdit({
      record: undefined,
      before: undefined,
      after: row(),
      now: T0,
      replicaId: 'a',
    })!;
    const deleted = recordAfterEdit({
      record: created,
      before: row(),
      after: undefined,
      now: T0 + 10,
      replicaId: 'a',
    })!;
    expect(isDeleted(deleted)).toBe(true);
    expect({ ...deleted, deleted: undefined }).toEqual({ ...created, deleted: undefined });
    expect(
      recordAfterEdit({ record: deleted, before: undefined, after: undefined, now: T0 + 20, replicaId: 'a' }),
    ).toBe(deleted);
  });

  it('a restore on a machine whose clock is behind still beats the deletion it saw', () => {
    const deletedElsewhere: SyncRecord = {
      key: row().key,
      deleted: { stamp: { wall: T0 + 3_600_000, counter: 0, replica: 'z' }, value: true },
    };
    const restored = recordAfterEdit({
      record: deletedElsewhere,
      before: undefined,
      after: row({ note: 'kept' }),
      now: T0,
      replicaId: 'a',
    })!;
    for (const register of REGISTERS)
      expect(compareStamps(restored[register]!.stamp, deletedElsewhere.deleted!.stamp)).toBeGreaterThan(0);
    expect(isDeleted(mergeRecords(deletedElsewhere, restored))).toBe(false);
  });

  it('an edit without synced changes (a local-only field) keeps the record as it was', () => {
    const created = recordAfterEdit({
      record: undefined,
      before: undefined,
      after: row(),
      now: T0,
      replicaId: 'a',
    })!;
    expect(
      recordAfterEdit({
        record: created,
        before: row(),
        after: row({ updatedAt: T0 + 5 }),
        now: T0 + 5,
        replicaId: 'a',
      }),
    ).toBe(created);
  });

  it('seeds a record for a row sync has never seen at the row’s updatedAt', () => {
    const seeded = seedRecord(row({ updatedAt: T0 + 42 }), 'a');
    expect(new Set(stampsOf(seeded).map((stamp) => stamp.wall))).toEqual(new Set([T0 + 42]));
    expect(rowFromRecord(seeded)).toEqual(row({ updatedAt: T0 + 42 }));
  });
});

describe('mergeIntoLocal', () => {
  const mine = recordAfterEdit({
    record: undefined,
    before: undefined,
    after: row(),
    now: T0,
    replicaId: 'a',
  })!;

  it('patches only the fields whose register another browser wrote later', () => {
    const theirs = recordAfterEdit({
      record: mine,
      before: row(),
      after: row({ note: 'from the desktop' }),
      now: T0 + 1_000,
      replicaId: 'b',
    })!;
    const localRow = row({ tags: ['llm', 'local'] });
    const localRecord = recordAfterEdit({
      record: mine,
      before: row(),
      after: localRow,
      now: T0 + 500,
      replicaId: 'a',
    })!;
    const next = mergeIntoLocal({ row: localRow, record: localRecord }, theirs, 'a');
    expect(next.row).toEqual({ ...localRow, note: 'from the desktop', updatedAt: T0 + 1_000 });
    expect(next.record).toEqual(mergeRecords(localRecord, theirs));
  });

  it('leaves the note as it is when the newer note arrived withheld', () => {
    const withheld: SyncRecord = {
      ...mine,
      note: { stamp: { wall: T0 + 9, counter: 0, replica: 'b' }, withheld: true },
    };
    const next = mergeIntoLocal({ row: row({ note: 'my older note' }), record: mine }, withheld, 'a');
    expect(next.row?.note).toBe('my older note');
    expect(next.record?.note).toEqual(withheld.note);
  });

  it('deletes the row on a winning deletion, and creates it for a new or revived bookmark', () => {
    const deletion: SyncRecord = {
      key: mine.key,
      deleted: { stamp: { wall: T0 + 9, counter: 0, replica: 'b' }, value: true },
    };
    expect(mergeIntoLocal({ row: row(), record: mine }, deletion, 'a').row).toBeUndefined();
    expect(mergeIntoLocal({}, mine, 'a').row).toEqual(row());
    const tombstone = mergeRecords(mine, deletion);
    const revived = recordAfterEdit({
      record: tombstone,
      before: undefined,
      after: row({ note: 'back' }),
      now: T0 + 20,
      replicaId: 'b',
    })!;
    expect(mergeIntoLocal({ record: tombstone }, revived, 'a').row).toMatchObject({ note: 'back' });
  });

  it('does not bring back a row deleted here when nothing new arrived for it', () => {
    expect(mergeIntoLocal({ record: mine }, mine, 'a').row).toBeUndefined();
  });

  it('seeds a row that has no record yet, so the first sync merges instead of overwriting', () => {
    const older = recordAfterEdit({
      record: undefined,
      before: undefined,
      after: row({ note: 'theirs' }),
      now: T0 - 60_000,
      replicaId: 'b',
    })!;
    const next = mergeIntoLocal({ row: row({ note: 'mine', updatedAt: T0 }) }, older, 'a');
    expect(next.row?.note).toBe('mine');
    expect(next.record?.note).toMatchObject({ value: 'mine' });
  });
});
