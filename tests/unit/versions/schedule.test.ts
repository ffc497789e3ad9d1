import { describe, expect, it } from 'vitest';
import {
  CHECK_INTERVAL_MS,
  MAX_RETRY_AFTER_MS,
  isCheckDue,
  nextCheckAt,
  outcomeOf,
  type LastCheckOutcome,
} from '@/lib/versions/schedule';
import type { VersionCheckRun } from '@/lib/versions/check-run';

const NOW = Date.parse('2026-12-01T06:00:00Z');
const HOUR = 3_600_000;
const DAY = CHECK_INTERVAL_MS;

const CASES: [string, number | undefined, LastCheckOutcome | undefined, number][] = [
  ['never ran: due now', undefined, undefined, NOW],
  ['never ran (0): due now', 0, undefined, NOW],
  ['ran fine an hour ago: a day after that run', NOW - HOUR, { ok: true }, NOW - HOUR + DAY],
  ['failed an hour ago: the next day too, not sooner', NOW - HOUR, { ok: false }, NOW - HOUR + DAY],
  [
    'failed with a short Retry-After: still a day',
    NOW - HOUR,
    { ok: false, retryAfterMs: 60_000 },
    NOW - HOUR + DAY,
  ],
  [
    'failed with Retry-After of 3 days: 3 days',
    NOW - HOUR,
    { ok: false, retryAfterMs: 3 * DAY },
    NOW - HOUR + 3 * DAY,
  ],
  [
    'failed with Retry-After of a year: capped at a week',
    NOW - HOUR,
    { ok: false, retryAfterMs: 365 * DAY },
    NOW - HOUR + MAX_RETRY_AFTER_MS,
  ],
  [
    'a Retry-After on a run that ended fine is not a reason to wait',
    NOW - HOUR,
    { ok: true, retryAfterMs: 3 * DAY },
    NOW - HOUR + DAY,
  ],
  ['ran two days ago: overdue', NOW - 2 * DAY, { ok: true }, NOW - DAY],
  ['clock set back a few minutes: still waits a day', NOW + 5 * 60_000, { ok: true }, NOW + 5 * 60_000 + DAY],
  ['last run stored a year ahead (clock set back): due now', NOW + 365 * DAY, { ok: true }, NOW],
];

describe('nextCheckAt', () => {
  it.each(CASES)('%s', (_case, lastRunAt, outcome, expected) => {
    expect(nextCheckAt(lastRunAt, outcome, NOW)).toBe(expected);
  });

  it('never lets two runs start within a day, however often the worker restarts', () => {
    let lastRunAt: number | undefined;
    const starts: number[] = [];
    // Wake every 7 minutes for a week (alarm, restart, popup…), runs failing every other time.
    for (let now = NOW; now < NOW + 7 * DAY; now += 7 * 60_000) {
      if (!isCheckDue(lastRunAt, { ok: starts.length % 2 === 0 }, now)) continue;
      starts.push(now);
      lastRunAt = now;
    }
    expect(starts.length).toBe(7);
    expect(starts.slice(1).every((start, i) => start - starts[i]! >= DAY)).toBe(true);
  });
});

describe('outcomeOf', () => {
  const run = (extra: Partial<VersionCheckRun>): VersionCheckRun => ({
    ok: true,
    startedAt: NOW,
    requests: 1,
    latest: new Map(),
    missing: [],
    rejectedIds: [],
    unchecked: [],
    unrequested: 0,
    ...extra,
  });

  it.each([
    [run({}), { ok: true }],
    [run({ ok: false, failure: { kind: 'network', message: 'offline' } }), { ok: false }],
    [
      run({ ok: false, failure: { kind: 'rate-limited', message: '429', retryAfterMs: 60_000 } }),
      { ok: false, retryAfterMs: 60_000 },
    ],
  ])('%#', (given, expected) => {
    expect(outcomeOf(given)).toEqual(expected);
  });
});
