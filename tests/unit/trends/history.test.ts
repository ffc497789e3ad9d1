import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeSamples,
  encodeSamples,
  MAX_SAMPLES_PER_PAPER,
  PaperHistorySchema,
  valueAt,
  type PaperHistory,
} from '../../../lib/trends/history-codec';
import {
  appendSample,
  DEFAULT_HISTORY_POLICY,
  historyIdsToPrune,
  recordSamples,
  type PaperSample,
} from '../../../lib/trends/history';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const JOINED = Date.parse('2025-03-03T08:00:00Z');

function feed(readings: Omit<PaperSample, 'id' | 'joinedAt'>[], policy = DEFAULT_HISTORY_POLICY) {
  let history: PaperHistory | undefined;
  for (const reading of readings)
    history = appendSample(history, { id: 'p', joinedAt: JOINED, ...reading }, policy);
  return history!;
}

const reading = fc.record({
  at: fc.integer({ min: JOINED - DAY, max: JOINED + 120 * DAY }),
  upvotes: fc.integer({ min: 0, max: 5_000 }),
  comments: fc.integer({ min: 0, max: 300 }),
});

describe('history codec', () => {
  it('round-trips samples and writes rows the schema accepts', () => {
    const samples = [
      { at: JOINED, upvotes: 3, comments: 0 },
      { at: JOINED + HOUR, upvotes: 10, comments: 2 },
      { at: JOINED + 5 * HOUR, upvotes: 9, comments: 2 },
    ];
    const row = encodeSamples('2503.00001', JOINED, samples);
    expect(row.samples).toEqual([0, 3, 0, 60, 7, 2, 240, -1, 0]);
    expect(PaperHistorySchema.parse(row)).toEqual(row);
    expect(decodeSamples(row)).toEqual(samples);
  });

  it.each([
    ['a partial triple', { samples: [0, 1, 0, 5] }],
    ['a first sample after t0', { samples: [5, 1, 0] }],
    ['time going back', { samples: [0, 1, 0, -5, 1, 0] }],
    ['no samples', { samples: [] }],
    ['too many samples', { samples: Array.from({ length: (MAX_SAMPLES_PER_PAPER + 1) * 3 }, () => 0) }],
  ])('rejects %s', (_, change) => {
    const row = { id: 'p', joinedAt: JOINED, t0: JOINED, ...change };
    expect(PaperHistorySchema.safeParse(row).success).toBe(false);
  });

  it('reads values between samples linearly, the latest after them and nothing before them', () => {
    const samples = [
      { at: 0, upvotes: 10, comments: 0 },
      { at: 100, upvotes: 30, comments: 4 },
    ];
    expect(valueAt(samples, -1)).toBeUndefined();
    expect(valueAt(samples, 25)).toEqual({ at: 25, upvotes: 15, comments: 1 });
    expect(valueAt(samples, 500)).toEqual({ at: 500, upvotes: 30, comments: 4 });
  });
});

describe('appendSample', () => {
  it('keeps one sample per hour in the first week, one per day after, and the latest of each', () => {
    const readings = Array.from({ length: 20 * 24 * 2 }, (_, i) => ({
      at: JOINED + i * 30 * 60_000,
      upvotes: i,
      comments: 0,
    }));
    const samples = decodeSamples(feed(readings));
    const firstWeek = samples.filter((s) => s.at - JOINED < 7 * DAY);
    // The very first reading stays (the history's baseline), then the latest of every hour.
    expect(firstWeek).toHaveLength(1 + 7 * 24);
    expect(firstWeek[0]).toEqual(readings[0]);
    expect(firstWeek.slice(1).every((s) => s.at % HOUR === 30 * 60_000)).toBe(true);
    // The rest: one per UTC day, 13 days and the day it crossed the week (08:00 → 23:30).
    expect(samples.length - firstWeek.length).toBe(14);
    expect(samples.at(-1)).toEqual({ ...readings.at(-1)!, at: readings.at(-1)!.at });
  });

  it('keeps a flat run as its first and last sample', () => {
    const readings = Array.from({ length: 48 }, (_, i) => ({
      at: JOINED + i * HOUR,
      upvotes: 7,
      comments: 1,
    }));
    const samples = decodeSamples(feed(readings));
    expect(samples.map((s) => s.at)).toEqual([JOINED, JOINED + 47 * HOUR]);
  });

  it('keeps the end of a flat run when the numbers jump within the same hour', () => {
    const still = Array.from({ length: 48 }, (_, i) => ({
      at: JOINED + i * HOUR,
      upvotes: 100,
      comments: 0,
    }));
    const jump = { at: JOINED + 47 * HOUR + 40 * 60_000, upvotes: 150, comments: 0 };
    const samples = decodeSamples(feed([...still, jump]));
    // A day before the jump, the paper still had 100 upvotes: the curve must not slope over two days.
    expect(valueAt(samples, jump.at - DAY)?.upvotes).toBe(100);
    expect(samples.at(-1)).toEqual(jump);
  });

  it('ignores a reading older than the latest kept one', () => {
    const history = feed([{ at: JOINED + HOUR, upvotes: 5, comments: 0 }]);
    expect(appendSample(history, { id: 'p', joinedAt: JOINED, at: JOINED, upvotes: 1, comments: 0 })).toBe(
      history,
    );
  });

  it('property: any readings keep at most maxSamples, in time order, ending with the latest reading', () => {
    fc.assert(
      fc.property(
        fc.array(reading, { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 3, max: 40 }),
        (readings, max) => {
          const policy = { ...DEFAULT_HISTORY_POLICY, maxSamples: max };
          const history = feed(readings, policy);
          expect(PaperHistorySchema.safeParse(history).success).toBe(true);
          const samples = decodeSamples(history);
          expect(samples.length).toBeLessThanOrEqual(max);
          expect(samples.every((s, i) => i === 0 || s.at >= samples[i - 1]!.at)).toBe(true);
          // The latest reading: the greatest minute, the last one given among equals.
          const minute = (at: number) => Math.floor(at / 60_000);
          const latestMinute = Math.max(...readings.map((r) => minute(r.at)));
          const latest = readings.findLast((r) => minute(r.at) === latestMinute)!;
          expect(samples.at(-1)).toEqual({
            at: latestMinute * 60_000,
            upvotes: latest.upvotes,
            comments: latest.comments,
          });
        },
      ),
    );
  });

  it('property: in time order, at most two samples per hour in the first week and per day after', () => {
    const ordered = fc.array(reading, { maxLength: 400 }).map((rs) => rs.sort((a, b) => a.at - b.at));
    fc.assert(
      fc.property(ordered, (readings) => {
        if (readings.length === 0) return;
        const perBucket = new Map<string, number>();
        for (const s of decodeSamples(feed(readings))) {
          const bucket =
            s.at - JOINED < 7 * DAY ? `h${Math.floor(s.at / HOUR)}` : `d${Math.floor(s.at / DAY)}`;
          perBucket.set(bucket, (perBucket.get(bucket) ?? 0) + 1);
        }
        expect(Math.max(...perBucket.values())).toBeLessThanOrEqual(2);
      }),
    );
  });
});

describe('recordSamples', () => {
  it('keeps the first reading when the next, minutes later, brings new numbers: the gain since it', () => {
    const samples = decodeSamples(
      feed([
        { at: JOINED + DAY, upvotes: 20, comments: 0 },
        { at: JOINED + DAY + 5 * 60_000, upvotes: 20, comments: 0 },
        { at: JOINED + DAY + 10 * 60_000, upvotes: 60, comments: 0 },
      ]),
    );
    expect(samples.map((s) => s.upvotes)).toEqual([20, 20, 60]);
  });

  it('returns only the rows that changed', () => {
    const at = JOINED + 2 * HOUR;
    const known = feed([{ at: at + HOUR, upvotes: 4, comments: 0 }]);
    const rows = recordSamples(
      new Map([['p', known]]),
      [
        { id: 'p', upvotes: 9, numComments: 0, joinedAt: JOINED },
        { id: 'q', upvotes: 2, numComments: 1, joinedAt: JOINED },
      ],
      at,
    );
    expect(rows.map((row) => row.id)).toEqual(['q']);
    expect(decodeSamples(rows[0]!)).toEqual([{ at, upvotes: 2, comments: 1 }]);
  });
});

describe('historyIdsToPrune', () => {
  it('names the rows of papers the feed dropped', () => {
    expect(historyIdsToPrune(['a', 'b', 'c'], new Set(['b']))).toEqual(['a', 'c']);
  });
});
