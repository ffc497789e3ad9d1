import fc from 'fast-check';
import type { Stamp } from '@/lib/sync/clock';
import type { PaperFields, Register, SyncRecord } from '@/lib/sync/record';

/** Few walls, counters and replicas, so that equal stamps and close races are common. */
export const stampArb: fc.Arbitrary<Stamp> = fc.record({
  wall: fc.integer({ min: 0, max: 5 }),
  counter: fc.integer({ min: 0, max: 2 }),
  replica: fc.constantFrom('a', 'b', 'c'),
});

export function registerArb<T>(value: fc.Arbitrary<T>, stamp = stampArb): fc.Arbitrary<Register<T>> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ stamp, value }) },
    { weight: 1, arbitrary: fc.record({ stamp, withheld: fc.constant(true as const) }) },
  );
}

const paperArb: fc.Arbitrary<PaperFields> = fc.record(
  {
    title: fc.constantFrom('A', 'B', 'Attention'),
    arxivId: fc.constantFrom('2401.00001', '2401.00002'),
    addedAt: fc.integer({ min: 0, max: 3 }),
  },
  { requiredKeys: ['title', 'addedAt'] },
);

export function recordArb(
  key: fc.Arbitrary<string> = fc.constantFrom('arxiv:1', 'arxiv:2', 'doi:10.1/x'),
): fc.Arbitrary<SyncRecord> {
  return fc.record(
    {
      key,
      paper: registerArb(paperArb),
      tags: registerArb(fc.array(fc.constantFrom('ml', 'nlp', 'vision'), { maxLength: 3 })),
      note: registerArb(fc.constantFrom('', 'read again', 'cites v2')),
      read: registerArb(fc.boolean()),
      deleted: registerArb(fc.boolean()),
    },
    { requiredKeys: ['key'] },
  );
}

/** A state: records of a few keys (one record per key). */
export const stateArb: fc.Arbitrary<Map<string, SyncRecord>> = fc
  .uniqueArray(recordArb(), { selector: (record) => record.key, maxLength: 3 })
  .map((records) => new Map(records.map((record) => [record.key, record])));
