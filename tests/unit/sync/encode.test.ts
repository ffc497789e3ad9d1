// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketIndexOf, bucketOf } from '@/lib/sync/buckets';
import { decodeBucket } from '@/lib/sync/decode';
import { encodeBucket } from '@/lib/sync/encode';
import { itemBytes } from '@/lib/sync/quota';
import type { SyncRecord } from '@/lib/sync/record';
import { realRecordArb, textArb } from './arbitraries';
import { chromeItemBytes } from './fake-sync-service';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const byKey = (a: SyncRecord, b: SyncRecord) => (a.key < b.key ? -1 : 1);

describe('bucket encoding', () => {
  it('decodes back exactly the records it encoded, withheld registers included', () => {
    const recordsArb = fc.uniqueArray(realRecordArb(), { selector: (record) => record.key, maxLength: 8 });
    fc.assert(
      fc.property(recordsArb, (records) => {
        const decoded = decodeBucket(JSON.parse(JSON.stringify(encodeBucket(records))));
        expect(decoded).toEqual({ status: 'ok', records: [...records].sort(byKey), invalidEntries: 0 });
      }),
      { numRuns: 300 },
    );
  });

  it('packs a typical bookmark into one short entry', () => {
    const stamp = { wall: T0, counter: 0, replica: 'k3x9q2m7' };
    const record: SyncRecord = {
      key: 'arxiv:2410.17243',
      paper: {
        stamp,
        value: {
          title: 'Efficient LLM Inference by Piggybacking Decodes with Chunked Prefills',
          arxivId: '2410.17243',
          addedAt: T0,
        },
      },
      tags: { stamp, value: [] },
      note: { stamp, value: '' },
      read: { stamp, value: false },
      deleted: { stamp, value: false },
    };
    const value = encodeBucket([record]);
    expect(value).toEqual({
      v: 1,
      r: ['k3x9q2m7'],
      e: [
        [
          'arxiv:2410.17243',
          `pgnul:${T0.toString(36)}/0`,
          record.paper && 'value' in record.paper ? record.paper.value.title : '',
        ],
      ],
    });
    // 146 bytes as the browser counts it, of which the entry is 111 (the replica id is listed once per
    // item): about 870 such bookmarks fill the 96,000 bytes of the 16 buckets.
    expect(chromeItemBytes('bm.0', value)).toBe(146);
    expect(JSON.stringify(value.e[0]).length).toBe(111);
  });

  it('skips entries that do not parse and refuses other formats', () => {
    const good = encodeBucket([
      { key: 'arxiv:1', deleted: { stamp: { wall: T0, counter: 0, replica: 'a' }, value: true } },
    ]);
    const withBad = {
      ...good,
      e: [...good.e, ['not a key', 'd:zz/0'], ['arxiv:2', 'p:1/0'], ['arxiv:3', 'd:1/7'], 42],
    };
    expect(decodeBucket(withBad)).toMatchObject({
      status: 'ok',
      invalidEntries: 4,
      records: [{ key: 'arxiv:1' }],
    });
    expect(decodeBucket({ ...good, v: 2 })).toEqual({ status: 'newer' });
    expect(decodeBucket('garbage')).toEqual({ status: 'unreadable' });
    expect(decodeBucket({ ...good, v: 0 })).toEqual({ status: 'unreadable' });
  });

  it('spreads keys over buckets stably', () => {
    expect(bucketOf('arxiv:2410.17243', 16)).toBe(bucketOf('arxiv:2410.17243', 16));
    const counts = new Array(16).fill(0);
    for (let i = 0; i < 16_000; i++) counts[bucketOf(`arxiv:24${String(i).padStart(2, '0')}.${i}`, 16)]++;
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1200);
    expect(bucketIndexOf('bm.12')).toBe(12);
    expect(bucketIndexOf('bm.012')).toBeUndefined();
    expect(bucketIndexOf('settings')).toBeUndefined();
  });
});

describe('itemBytes', () => {
  it('counts what Chrome counts: UTF-8, with < and U+2028/U+2029 escaped', () => {
    expect(itemBytes('k', '<')).toBe(1 + 8);
    expect(itemBytes('k', '\u2028')).toBe(1 + 8);
    expect(itemBytes('ké', 'é')).toBe(3 + 4);
    expect(itemBytes('k', '😀')).toBe(1 + 6);
    fc.assert(
      fc.property(textArb(50), textArb(200), (key, text) => {
        expect(itemBytes(key, { text })).toBe(chromeItemBytes(key, { text }));
      }),
    );
  });
});
