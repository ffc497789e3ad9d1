import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedError } from '@/lib/feed/client';
import { LEDGER_MARGIN_MS, ledgerFreeAt, pruneLedger, reserveRequest } from '@/lib/feed/ledger';
import { runRefresh } from '@/lib/feed/refresh';
import { PaperPulseDB } from '@/lib/storage/db';
import { getAllState, setState } from '@/lib/storage/state';
import { feedServer, weekdays } from './support/feed-server';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const NOW = Date.parse('2026-11-23T10:00:00Z');

/** Most requests in any window of `windowMs`. */
function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe('pruneLedger', () => {
  it('keeps the last day (and its margin), oldest first; a time after now counts as now', () => {
    expect(
      pruneLedger([NOW - 25 * HOUR, NOW - MINUTE, NOW + HOUR, Number.NaN, NOW - 24 * HOUR], NOW),
    ).toEqual([NOW - 24 * HOUR, NOW - MINUTE, NOW]);
  });
});

describe('ledgerFreeAt', () => {
  it.each([
    ['empty', [], NOW],
    ['29 in a minute', Array.from({ length: 29 }, (_, i) => NOW - i * SECOND), NOW],
    [
      '30 in a minute: when the oldest leaves the window',
      Array.from({ length: 30 }, (_, i) => NOW - i * SECOND),
      NOW - 29 * SECOND + 5 * MINUTE + LEDGER_MARGIN_MS,
    ],
    [
      '30 spread over 6 minutes: already free',
      Array.from({ length: 30 }, (_, i) => NOW - i * 12 * SECOND),
      NOW,
    ],
    [
      '300 in the day',
      Array.from({ length: 300 }, (_, i) => NOW - HOUR - i * MINUTE),
      NOW - HOUR - 299 * MINUTE + 24 * HOUR + LEDGER_MARGIN_MS,
    ],
  ])('%s', (_name, entries, expected) => {
    expect(ledgerFreeAt(entries, NOW)).toBe(expected);
  });
});

describe('reserveRequest', () => {
  let db: PaperPulseDB;
  beforeEach(() => {
    db = new PaperPulseDB('t-' + crypto.randomUUID());
  });
  afterEach(async () => {
    await db.delete();
  });

  it('admits 30 requests in 5 minutes, refuses the 31st with when it frees', async () => {
    for (let i = 0; i < 30; i++) await reserveRequest(db, NOW + i * SECOND);
    const refused = await reserveRequest(db, NOW + 30 * SECOND).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(FeedError);
    expect(refused).toMatchObject({
      kind: 'capped',
      retryAfterMs: 5 * MINUTE + LEDGER_MARGIN_MS - 30 * SECOND,
    });
    expect((await getAllState(db)).requestLedger).toHaveLength(30);
    await reserveRequest(db, NOW + 5 * MINUTE + LEDGER_MARGIN_MS + SECOND);
  });

  it('gives the last place to one of two requests at once', async () => {
    for (let i = 0; i < 29; i++) await reserveRequest(db, NOW + i * SECOND);
    const results = await Promise.allSettled([
      reserveRequest(db, NOW + MINUTE),
      reserveRequest(db, NOW + MINUTE),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('counts on the server’s clock', async () => {
    await setState(db, { serverClockOffsetMs: -HOUR });
    await reserveRequest(db, NOW);
    expect((await getAllState(db)).requestLedger).toEqual([NOW - HOUR]);
  });
});

describe('the cap under a runaway caller', () => {
  let db: PaperPulseDB;
  beforeEach(() => {
    db = new PaperPulseDB('t-' + crypto.randomUUID());
  });
  afterEach(async () => {
    await db.delete();
  });

  it('a bug that runs a refresh every 5 seconds still sends at most 30 requests in any 5 minutes', async () => {
    const server = feedServer(weekdays('2026-08-01', '2026-11-23'));
    const sent: number[] = [];
    let clock = NOW;
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(clock);
      return server.fetch(input, init);
    }) as typeof globalThis.fetch;
    for (; clock < NOW + 20 * MINUTE; clock += 5 * SECOND) {
      await runRefresh({ db, fetch, now: clock, clock: () => clock, retentionDays: 90 });
    }
    expect(sent.length).toBeGreaterThan(60);
    expect(busiestWindow(sent, 5 * MINUTE)).toBe(30);
  }, 30_000);

  it('and at most 300 in a day, even when every answer fails', async () => {
    const sent: number[] = [];
    let clock = NOW;
    const fetch = (async () => {
      sent.push(clock);
      return new Response('', { status: 500 });
    }) as typeof globalThis.fetch;
    // A run a minute for six hours: 720 failing requests, were there no ledger.
    for (; clock < NOW + 6 * HOUR; clock += MINUTE) {
      await runRefresh({ db, fetch, now: clock, clock: () => clock, retentionDays: 90 });
    }
    expect(busiestWindow(sent, 5 * MINUTE)).toBeLessThanOrEqual(30);
    expect(sent).toHaveLength(300);
  }, 30_000);
});
