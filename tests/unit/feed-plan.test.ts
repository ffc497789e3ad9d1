import { describe, expect, it } from 'vitest';
import {
  dayRetryDelayMs,
  installBackfillPending,
  isWhole,
  latestAskableDay,
  serverToday,
  wantedDays,
  type PlanInput,
  type StoredDay,
} from '@/lib/feed/plan';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-11-23T10:00:00Z');
/** Stored after the day ended: whole. */
const whole = (date: string, paperCount = 2): StoredDay => ({
  paperCount,
  fetchedAt: Date.parse(`${date}T00:00:00Z`) + DAY + HOUR,
});
/** Stored while it was still today. */
const partial = (date: string, paperCount = 2): StoredDay => ({
  paperCount,
  fetchedAt: Date.parse(`${date}T12:00:00Z`),
});

function input(stored: Record<string, StoredDay>, extra: Partial<PlanInput> = {}): PlanInput {
  return {
    today: '2026-11-23',
    stored: new Map(Object.entries(stored)),
    retentionDays: 5,
    dayRetries: {},
    now: NOW,
    ...extra,
  };
}

describe('wantedDays', () => {
  it('on a first run: every day of the window, newest first', () => {
    expect(wantedDays(input({}))).toEqual([
      '2026-11-23',
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
      '2026-11-19',
      '2026-11-18',
    ]);
  });

  it('today and yesterday always; older days only when missing or stored while they were today', () => {
    const stored = {
      '2026-11-23': whole('2026-11-23'),
      '2026-11-22': whole('2026-11-22'),
      '2026-11-21': whole('2026-11-21', 0),
      '2026-11-20': partial('2026-11-20'),
      '2026-11-18': whole('2026-11-18'),
    };
    expect(wantedDays(input(stored))).toEqual(['2026-11-23', '2026-11-22', '2026-11-20', '2026-11-19']);
  });

  it('skips a day waiting out its backoff, and days this run asked already', () => {
    const dayRetries = {
      '2026-11-20': { failures: 2, nextTryAt: NOW + HOUR },
      '2026-11-19': { failures: 1, nextTryAt: NOW - 1 },
    };
    expect(wantedDays(input({}, { dayRetries, attempted: new Set(['2026-11-23', '2026-11-18']) }))).toEqual([
      '2026-11-22',
      '2026-11-21',
      '2026-11-19',
    ]);
  });

  it('reads a day of the last week again once its copy is six hours old (upvotes still come in)', () => {
    const at = (date: string, fetchedAt: number): StoredDay => ({ paperCount: 3, fetchedAt });
    const stored = {
      '2026-11-21': at('2026-11-21', NOW - 6 * HOUR), // 2 days back, six hours old: again
      '2026-11-20': at('2026-11-20', NOW - 5 * HOUR), // fresh enough
      '2026-11-17': at('2026-11-17', NOW - 7 * HOUR), // 6 days back: still the week, again
      '2026-11-16': at('2026-11-16', Date.parse('2026-11-17T01:00:00Z')), // a week back, whole: never again
      '2026-11-15': at('2026-11-15', NOW - 2 * DAY),
    };
    const days = input(stored, { retentionDays: 8, serverNow: NOW });
    expect(wantedDays(days).filter((date) => date < '2026-11-22')).toEqual([
      '2026-11-21',
      '2026-11-19',
      '2026-11-18',
      '2026-11-17',
    ]);
    // Without the server's clock (and so for the follow-up decision), whole days are never re-read.
    expect(wantedDays({ ...days, serverNow: undefined })).not.toContain('2026-11-21');
    // A stale day that failed waits out its own backoff like any other.
    const dayRetries = { '2026-11-21': { failures: 1, nextTryAt: NOW + HOUR } };
    expect(wantedDays({ ...days, dayRetries })).not.toContain('2026-11-21');
  });
});

describe('isWhole', () => {
  it.each([
    ['never stored', undefined, false],
    ['stored at noon that day', partial('2026-11-20'), false],
    ['stored at midnight after', { paperCount: 1, fetchedAt: Date.parse('2026-11-21T00:00:00Z') }, true],
    ['stored the day after', whole('2026-11-20'), true],
  ])('%s → %s', (_name, day, expected) => {
    expect(isWhole('2026-11-20', day)).toBe(expected);
  });
});

describe("the server's today", () => {
  it.each([
    ['no Date seen yet: our clock', { offsetMs: 0, seenAt: 0 }, NOW, '2026-11-23', '2026-11-23'],
    ['our clock a day ahead', { offsetMs: -DAY, seenAt: NOW - DAY }, NOW, '2026-11-22', '2026-11-22'],
    ['our clock a day behind', { offsetMs: DAY, seenAt: NOW + DAY }, NOW, '2026-11-24', '2026-11-24'],
    // Our clock jumped ahead since the last answer: the estimate moves with it, but only a day a
    // Date showed may be asked until an answer shows the next.
    [
      'our clock jumped 3 days ahead',
      { offsetMs: 0, seenAt: NOW },
      NOW + 3 * DAY,
      '2026-11-26',
      '2026-11-23',
    ],
    // Our clock went back: the server's day never goes back.
    ['our clock went back 2 days', { offsetMs: 0, seenAt: NOW }, NOW - 2 * DAY, '2026-11-23', '2026-11-23'],
    [
      'past midnight since the last answer',
      { offsetMs: 0, seenAt: NOW },
      NOW + 15 * HOUR,
      '2026-11-24',
      '2026-11-23',
    ],
  ])('%s', (_name, clock, localNow, today, askable) => {
    expect(serverToday(clock, localNow)).toBe(today);
    expect(latestAskableDay(clock, localNow)).toBe(askable);
  });
});

describe('dayRetryDelayMs', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 4],
    [5, 16],
    [6, 24],
    [50, 24],
  ])('after %i failures: %i h', (failures, hours) => {
    expect(dayRetryDelayMs(failures)).toBe(hours * HOUR);
  });
});

describe('installBackfillPending', () => {
  const days = (from: number, to: number, make = whole) =>
    Object.fromEntries(
      Array.from({ length: to - from + 1 }, (_, i) => {
        const date = new Date(NOW - (from + i) * DAY).toISOString().slice(0, 10);
        return [date, make(date)];
      }),
    );

  it('until the 14 days before the latest day with papers are stored', () => {
    expect(installBackfillPending(input({}, { retentionDays: 90 }))).toBe(true);
    expect(installBackfillPending(input(days(0, 13), { retentionDays: 90 }))).toBe(true);
    expect(installBackfillPending(input(days(0, 14), { retentionDays: 90 }))).toBe(false);
  });

  it('counts from the latest day with papers (a long weekend back)', () => {
    const empty = Object.fromEntries(
      Object.entries(days(0, 2)).map(([date, day]) => [date, { ...day, paperCount: 0 }]),
    );
    expect(installBackfillPending(input({ ...days(3, 16), ...empty }, { retentionDays: 90 }))).toBe(true);
    expect(installBackfillPending(input({ ...days(3, 17), ...empty }, { retentionDays: 90 }))).toBe(false);
  });
});
