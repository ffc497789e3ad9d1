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

/** Text as users write it: accents, CJK, emoji, quotes, `<`, line and paragraph separators. */
export const textArb = (maxLength: number, minLength = 0) =>
  fc.string({
    unit: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('a', 'e', 'z', ' ', '1') },
      {
        weight: 1,
        arbitrary: fc.constantFrom('<', '>', '"', '\\', '\n', '\u2028', 'é', '注', '😀', '\u0007'),
      },
    ),
    minLength,
    maxLength,
  });

const realStampArb: fc.Arbitrary<Stamp> = fc.record({
  wall: fc.integer({ min: 1_500_000_000_000, max: 2_100_000_000_000 }),
  counter: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5000 })),
  replica: fc.stringMatching(/^[a-z0-9]{1,12}$/),
});

const realKeyArb = fc.oneof(
  fc.stringMatching(/^\d{4}\.\d{5}$/).map((id) => `arxiv:${id}`),
  fc.stringMatching(/^10\.\d{4}\/[a-z0-9.]{1,12}$/).map((doi) => `doi:${doi}`),
  fc.stringMatching(/^[a-z0-9]{20}$/).map((id) => `openreview:${id}`),
);

/** Records as they occur, with every shape the encoder must keep: withheld registers, odd ids. */
export function realRecordArb(key: fc.Arbitrary<string> = realKeyArb): fc.Arbitrary<SyncRecord> {
  return key.chain((k) =>
    fc
      .record(
        {
          key: fc.constant(k),
          paper: registerArb(
            fc.record(
              {
                title: textArb(200, 1),
                arxivId: fc.constantFrom(k.replace(/^arxiv:/, ''), '2401.00001'),
                doi: fc.constantFrom(k.replace(/^doi:/, ''), '10.1/other'),
                addedAt: fc.integer({ min: 1_500_000_000_000, max: 2_100_000_000_000 }),
              },
              { requiredKeys: ['title', 'addedAt'] },
            ),
            realStampArb,
          ),
          tags: registerArb(fc.array(textArb(20, 1), { maxLength: 5 }), realStampArb),
          note: registerArb(textArb(300), realStampArb),
          read: registerArb(fc.boolean(), realStampArb),
          deleted: registerArb(fc.boolean(), realStampArb),
        },
        { requiredKeys: ['key'] },
      )
      .filter((record) => Object.keys(record).length > 1),
  );
}
