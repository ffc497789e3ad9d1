import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decideRefresh,
  failureBackoffMs,
  normalizeGateState,
  type GateReason,
  type GateState,
  type Trigger,
} from '@/lib/feed/gate';
import { claimRefresh } from '@/lib/feed/gate-state';
import { LEDGER_MARGIN_MS } from '@/lib/feed/ledger';
import { PaperPulseDB } from '@/lib/storage/db';
import { getAllState, setState } from '@/lib/storage/state';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const NOW = Date.parse('2026-11-23T10:00:00Z');
const INTERVAL = 60;

const NEVER: GateState = {
  lastRefreshStartedAt: 0,
  lastRefreshFinishedAt: 0,
  failedAttempts: 0,
  retryNotBefore: 0,
  lastManualRefreshAt: 0,
  followUpAt: 0,
  requestLedger: [],
  serverClockOffsetMs: 0,
};
/** A run that started `ago` and succeeded 5 s later. */
const okRun = (ago: number): GateState => ({
  ...NEVER,
  lastRefreshStartedAt: NOW - ago,
  lastRefreshFinishedAt: NOW - ago + 5 * SECOND,
});
/** `attempts` failed runs, the last one ended `ago`. */
const failed = (attempts: number, ago: number): GateState => ({
  ...NEVER,
  lastRefreshStartedAt: NOW - ago - 5 * SECOND,
  lastRefreshFinishedAt: NOW - ago,
  failedAttempts: attempts,
});
/** `count` requests, the newest `newest` ago, one every `every`. */
const requests = (count: number, newest: number, every: number) =>
  Array.from({ length: count }, (_, i) => NOW - newest - (count - 1 - i) * every);

const AUTOMATIC: Trigger[] = ['install', 'startup', 'alarm', 'retry', 'popup', 'wake'];

type Expectation = true | [at: number, reason: GateReason];
interface Case {
  name: string;
  state: GateState;
  /** What every trigger but `manual` gets. */
  automatic: Expectation;
  manual: Expectation;
}

const cases: Case[] = [
  { name: 'never run', state: NEVER, automatic: true, manual: true },
  {
    name: 'refreshed 10 minutes ago',
    state: okRun(10 * MINUTE),
    automatic: [NOW + 49 * MINUTE, 'interval'],
    manual: true,
  },
  { name: 'refreshed 61 minutes ago', state: okRun(61 * MINUTE), automatic: true, manual: true },
  // The periodic alarm can fire a hair before a full interval after the run it started.
  {
    name: 'refreshed 59.5 minutes ago (within the slack)',
    state: okRun(59.5 * MINUTE),
    automatic: true,
    manual: true,
  },
  {
    name: 'failed once, 10 s ago',
    state: failed(1, 10 * SECOND),
    automatic: [NOW + 20 * SECOND, 'backoff'],
    manual: true,
  },
  { name: 'failed once, 30 s ago', state: failed(1, 30 * SECOND), automatic: true, manual: true },
  {
    name: 'failed three times, the last 90 s ago',
    state: failed(3, 90 * SECOND),
    automatic: [NOW + 30 * SECOND, 'backoff'],
    manual: true,
  },
  {
    name: 'failed ten times, the last 50 minutes ago (backoff capped at the interval)',
    state: failed(10, 50 * MINUTE),
    automatic: [NOW + 10 * MINUTE, 'backoff'],
    manual: true,
  },
  {
    // The backoff counts from the failure, not from the last success: a refresh that failed a
    // minute ago after hours of success is not "due because the interval passed".
    name: 'failed twice, the last 20 s ago, last success hours ago',
    state: { ...failed(2, 20 * SECOND), lastRefreshStartedAt: NOW - 3 * HOUR },
    automatic: [NOW + 40 * SECOND, 'backoff'],
    manual: true,
  },
  {
    name: 'cut off a minute ago (the worker was stopped mid-run)',
    state: { ...NEVER, lastRefreshStartedAt: NOW - MINUTE, lastRefreshFinishedAt: NOW - HOUR },
    automatic: true,
    manual: true,
  },
  {
    name: 'cut off 10 s ago',
    state: { ...NEVER, lastRefreshStartedAt: NOW - 10 * SECOND, lastRefreshFinishedAt: NOW - HOUR },
    automatic: [NOW + 20 * SECOND, 'backoff'],
    manual: true,
  },
  {
    name: 'cut off 10 s ago after two failures (third attempt: 2 minutes)',
    state: { ...failed(2, HOUR), lastRefreshStartedAt: NOW - 10 * SECOND },
    automatic: [NOW + 110 * SECOND, 'backoff'],
    manual: true,
  },
  {
    name: 'Retry-After for 10 more minutes',
    state: { ...failed(1, MINUTE), retryNotBefore: NOW + 10 * MINUTE },
    automatic: [NOW + 10 * MINUTE, 'retry-after'],
    manual: [NOW + 10 * MINUTE, 'retry-after'],
  },
  {
    name: 'Retry-After longer than the interval',
    state: { ...okRun(70 * MINUTE), retryNotBefore: NOW + 2 * HOUR },
    automatic: [NOW + 2 * HOUR, 'retry-after'],
    manual: [NOW + 2 * HOUR, 'retry-after'],
  },
  {
    name: 'Retry-After that has passed',
    state: { ...failed(1, MINUTE), retryNotBefore: NOW - SECOND },
    automatic: true,
    manual: true,
  },
  {
    name: 'follow-up in 2 minutes',
    state: { ...okRun(MINUTE), followUpAt: NOW + 2 * MINUTE },
    automatic: [NOW + 2 * MINUTE, 'follow-up'],
    manual: true,
  },
  {
    name: 'follow-up due',
    state: { ...okRun(3 * MINUTE), followUpAt: NOW - SECOND },
    automatic: true,
    manual: true,
  },
  {
    name: '"Refresh now" 30 s ago',
    state: { ...okRun(30 * SECOND), lastManualRefreshAt: NOW - 30 * SECOND },
    automatic: [NOW + 59.5 * MINUTE - MINUTE, 'interval'],
    manual: [NOW + 30 * SECOND, 'manual-limit'],
  },
  {
    name: '"Refresh now" a minute ago, after a failure',
    state: { ...failed(1, 5 * SECOND), lastManualRefreshAt: NOW - MINUTE },
    automatic: [NOW + 25 * SECOND, 'backoff'],
    manual: true,
  },
  {
    name: '29 requests in the last 5 minutes',
    state: { ...NEVER, requestLedger: requests(29, SECOND, 10 * SECOND) },
    automatic: true,
    manual: true,
  },
  {
    name: '30 requests in the last 5 minutes: the cap',
    state: { ...NEVER, requestLedger: requests(30, SECOND, 9 * SECOND) },
    automatic: [NOW - SECOND - 29 * 9 * SECOND + 5 * MINUTE + LEDGER_MARGIN_MS, 'request-cap'],
    manual: [NOW - SECOND - 29 * 9 * SECOND + 5 * MINUTE + LEDGER_MARGIN_MS, 'request-cap'],
  },
  {
    name: '300 requests in the last day: the daily cap',
    state: { ...NEVER, requestLedger: requests(300, HOUR, 4 * MINUTE) },
    automatic: [NOW - HOUR - 299 * 4 * MINUTE + 24 * HOUR + LEDGER_MARGIN_MS, 'request-cap'],
    manual: [NOW - HOUR - 299 * 4 * MINUTE + 24 * HOUR + LEDGER_MARGIN_MS, 'request-cap'],
  },
  {
    // The ledger is on the server's clock: ours runs 10 minutes behind it, so the requests it
    // holds are older than they look on ours.
    name: '30 requests 6 minutes ago on the server’s clock',
    state: { ...NEVER, serverClockOffsetMs: 10 * MINUTE, requestLedger: requests(30, -4 * MINUTE, SECOND) },
    automatic: true,
    manual: true,
  },
  {
    name: 'Retry-After and a full ledger: the later wins',
    state: { ...failed(1, HOUR), retryNotBefore: NOW + HOUR, requestLedger: requests(30, 0, SECOND) },
    automatic: [NOW + HOUR, 'retry-after'],
    manual: [NOW + HOUR, 'retry-after'],
  },
];

const table = cases.flatMap((testCase) =>
  [...AUTOMATIC, 'manual' as const].map(
    (trigger) =>
      [
        testCase.name,
        trigger,
        testCase.state,
        trigger === 'manual' ? testCase.manual : testCase.automatic,
      ] as const,
  ),
);

describe('decideRefresh: trigger × state', () => {
  it.each(table)('%s, %s', (_name, trigger, state, expected) => {
    const decision = decideRefresh(trigger, state, NOW, INTERVAL);
    if (expected === true) {
      expect(decision).toMatchObject({ allowed: true, reason: 'due' });
      expect(decision.at).toBeLessThanOrEqual(NOW);
    } else {
      expect(decision).toEqual({ allowed: false, at: expected[0], reason: expected[1] });
    }
  });

  it('covers every trigger', () => {
    expect(new Set(table.map(([, trigger]) => trigger)).size).toBe(7);
  });
});

describe('failureBackoffMs', () => {
  it.each([
    [0, 0],
    [1, 30 * SECOND],
    [2, MINUTE],
    [3, 2 * MINUTE],
    [4, 4 * MINUTE],
    [7, 32 * MINUTE],
    [8, HOUR],
    [1000, HOUR],
  ])('after %i failures: %i ms', (attempts, wait) => {
    expect(failureBackoffMs(attempts, 60)).toBe(wait);
  });

  it('caps at a shorter interval', () => {
    expect(failureBackoffMs(10, 15)).toBe(15 * MINUTE);
  });
});

describe('normalizeGateState: a clock set back', () => {
  it('treats times "in the future" as now and cuts waits to their longest', () => {
    const state = normalizeGateState(
      {
        ...NEVER,
        lastRefreshStartedAt: NOW + 30 * 24 * HOUR,
        lastRefreshFinishedAt: NOW + 30 * 24 * HOUR,
        lastManualRefreshAt: NOW + HOUR,
        retryNotBefore: NOW + 30 * 24 * HOUR,
        followUpAt: NOW + 30 * 24 * HOUR,
      },
      NOW,
      INTERVAL,
    );
    expect(state).toMatchObject({
      lastRefreshStartedAt: NOW,
      lastRefreshFinishedAt: NOW,
      lastManualRefreshAt: NOW,
      retryNotBefore: NOW + 24 * HOUR,
      followUpAt: NOW + HOUR,
    });
    // At most a day (the longest Retry-After), not a month.
    expect(decideRefresh('alarm', state, NOW, INTERVAL)).toMatchObject({ at: NOW + 24 * HOUR });
  });
});

describe('claimRefresh', () => {
  let db: PaperPulseDB;
  beforeEach(() => {
    db = new PaperPulseDB('t-' + crypto.randomUUID());
  });
  afterEach(async () => {
    await db.delete();
  });

  it('marks the run started and says when the next one may start', async () => {
    expect(await claimRefresh(db, 'install', NOW, INTERVAL)).toMatchObject({ allowed: true });
    expect(await getAllState(db)).toMatchObject({ lastRefreshStartedAt: NOW, nextRefreshAllowedAt: NOW });
    await setState(db, { lastRefreshFinishedAt: NOW + 5 * SECOND });
    expect(await claimRefresh(db, 'popup', NOW + MINUTE, INTERVAL)).toMatchObject({ allowed: false });
    expect((await getAllState(db)).nextRefreshAllowedAt).toBe(NOW + 59 * MINUTE);
  });

  it('lets one of two claims at the same moment through', async () => {
    const decisions = await Promise.all([
      claimRefresh(db, 'startup', NOW, INTERVAL),
      claimRefresh(db, 'wake', NOW, INTERVAL),
      claimRefresh(db, 'popup', NOW, INTERVAL),
    ]);
    // The second and third see the first one's run in flight: cut off "0 s ago", backing off.
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(1);
  });

  it('counts a run that was cut off as a failed attempt, so repeated cut-offs back off', async () => {
    let now = NOW;
    const waits: number[] = [];
    await claimRefresh(db, 'install', now, INTERVAL);
    for (let cutOff = 0; cutOff < 4; cutOff++) {
      // The worker is stopped each time before the run finishes.
      const denied = await claimRefresh(db, 'wake', now + SECOND, INTERVAL);
      waits.push(denied.at - now);
      now = denied.at;
      expect(await claimRefresh(db, 'wake', now, INTERVAL)).toMatchObject({ allowed: true });
    }
    expect(waits).toEqual([30 * SECOND, MINUTE, 2 * MINUTE, 4 * MINUTE]);
    expect((await getAllState(db)).failedAttempts).toBe(4);
  });

  it('stamps "Refresh now", which leaves the follow-up to the backfill; other runs take it', async () => {
    await setState(db, { ...okRun(10 * MINUTE), followUpAt: NOW + MINUTE });
    expect(await claimRefresh(db, 'manual', NOW, INTERVAL)).toMatchObject({ allowed: true });
    expect(await getAllState(db)).toMatchObject({ lastManualRefreshAt: NOW, followUpAt: NOW + MINUTE });
    await setState(db, { lastRefreshFinishedAt: NOW + SECOND });
    expect(await claimRefresh(db, 'manual', NOW + 30 * SECOND, INTERVAL)).toMatchObject({
      allowed: false,
      reason: 'manual-limit',
    });
    expect(await claimRefresh(db, 'retry', NOW + MINUTE, INTERVAL)).toMatchObject({ allowed: true });
    expect((await getAllState(db)).followUpAt).toBe(0);
  });

  it('stores the clock normalisation, so a clock set back a month waits one interval, not a month', async () => {
    await setState(db, {
      lastRefreshStartedAt: NOW + 30 * 24 * HOUR,
      lastRefreshFinishedAt: NOW + 30 * 24 * HOUR,
      requestLedger: requests(30, -30 * 24 * HOUR, SECOND),
    });
    expect(await claimRefresh(db, 'popup', NOW, INTERVAL)).toMatchObject({ allowed: false });
    const state = await getAllState(db);
    expect(state.lastRefreshStartedAt).toBe(NOW);
    expect(state.requestLedger.every((time) => time <= NOW)).toBe(true);
    // The requests "from the future" count as made now: the cap holds for 5 minutes after the jump.
    expect(await claimRefresh(db, 'manual', NOW + MINUTE, INTERVAL)).toMatchObject({ reason: 'request-cap' });
    expect(await claimRefresh(db, 'popup', NOW + 59 * MINUTE, INTERVAL)).toMatchObject({ allowed: true });
  });

  it('reads state rows an older version wrote, or damaged ones, as defaults', async () => {
    await db.state.bulkPut([
      { key: 'requestLedger', value: 'x' as never },
      { key: 'failedAttempts', value: -3 },
      { key: 'retryNotBefore', value: Number.NaN },
    ]);
    expect(await claimRefresh(db, 'startup', NOW, INTERVAL)).toMatchObject({ allowed: true });
  });
});
