import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperPulseDB } from '@/lib/storage/db';
import { FeedError } from '@/lib/feed/client';
import {
  REQUEST_BUDGET,
  isRefreshDue,
  nextRetryDelay,
  runRefresh,
  type RefreshOutcome,
} from '@/lib/feed/refresh';
import { getAllState, setState } from '@/lib/storage/state';
import { feedServer, weekdays } from './support/feed-server';

const MINUTE = 60_000;
/** Monday 2026-11-23, 10:00 UTC: today and the weekend have no papers yet; Friday does. */
const MONDAY = Date.parse('2026-11-23T10:00:00Z');

let db: PaperPulseDB;
beforeEach(() => {
  db = new PaperPulseDB('t-' + crypto.randomUUID());
});
afterEach(async () => {
  await db.delete();
});

function refresh(server: ReturnType<typeof feedServer>, now: number) {
  return runRefresh({ db, fetch: server.fetch, now, retentionDays: 90 });
}

async function storedDates() {
  return (await db.feedDays.orderBy('date').primaryKeys()).reverse();
}

/** Every stored day is whole: each paper it lists is stored. */
async function expectWholeDays() {
  for (const day of await db.feedDays.toArray()) {
    const papers = await db.papers.bulkGet(day.paperIds);
    expect(papers.every(Boolean), `papers of ${day.date}`).toBe(true);
  }
}

describe('runRefresh: first runs', () => {
  it('finds the latest non-empty day and backfills the six days before it, within the request budget', async () => {
    const server = feedServer(weekdays('2026-11-09', '2026-11-23'));
    server.days['2026-11-23'] = [];

    const first = await refresh(server, MONDAY);
    expect(server.asked).toEqual([
      '2026-11-23',
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
      '2026-11-19',
      '2026-11-18',
    ]);
    expect(first).toMatchObject({ ok: true, more: true, requests: REQUEST_BUDGET });
    expect(first.daysStored).toEqual(server.asked);

    server.asked.length = 0;
    const second = await refresh(server, MONDAY + MINUTE);
    expect(second).toMatchObject({ ok: true, more: false });
    expect(second.requests).toBeLessThanOrEqual(REQUEST_BUDGET);
    // Today and yesterday again, then the rest of the six days before Friday; not Saturday 21 again.
    expect(server.asked).toEqual([
      '2026-11-23',
      '2026-11-22',
      '2026-11-17',
      '2026-11-16',
      '2026-11-15',
      '2026-11-14',
    ]);

    expect(await storedDates()).toEqual([
      '2026-11-23',
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
      '2026-11-19',
      '2026-11-18',
      '2026-11-17',
      '2026-11-16',
      '2026-11-15',
      '2026-11-14',
    ]);
    expect(await db.papers.count()).toBe(10);
    await expectWholeDays();
  });

  it('stores empty weekend days as empty and does not fetch them again', async () => {
    const server = feedServer(weekdays('2026-11-09', '2026-11-23'));
    server.days['2026-11-23'] = [];
    await refresh(server, MONDAY);
    await refresh(server, MONDAY + MINUTE);

    for (const date of ['2026-11-21', '2026-11-15', '2026-11-14']) {
      expect((await db.feedDays.get(date))?.paperIds).toEqual([]);
    }
    server.asked.length = 0;
    const later = await refresh(server, MONDAY + 60 * MINUTE);
    expect(later).toMatchObject({ ok: true, more: false, requests: 2 });
    expect(server.asked).toEqual(['2026-11-23', '2026-11-22']);
  });

  it('never sends more requests than the budget, even for days that span several pages', async () => {
    const big = Array.from({ length: 150 }, (_, i) => ({ id: `2611.${String(20000 + i)}` }));
    const server = feedServer({ ...weekdays('2026-11-09', '2026-11-23'), '2026-11-20': big });
    server.days['2026-11-23'] = [];
    const outcome = await refresh(server, MONDAY);
    expect(server.asked.length).toBe(REQUEST_BUDGET);
    expect(outcome.requests).toBe(REQUEST_BUDGET);
    expect(outcome.more).toBe(true);
    expect((await db.feedDays.get('2026-11-20'))?.paperIds).toHaveLength(150);
  });

  it('does not spend every run on the same empty days when the feed has been empty for over a week', async () => {
    // Only Monday 16 (seven days back) has papers: the lookback needs more than one budget.
    const server = feedServer({ '2026-11-16': [{ id: '2611.16001' }], '2026-11-13': [{ id: '2611.13001' }] });
    const outcomes: RefreshOutcome[] = [];
    for (let run = 0; run < 4 && (run === 0 || outcomes.at(-1)!.more); run++) {
      outcomes.push(await refresh(server, MONDAY + run * MINUTE));
    }
    expect(outcomes.at(-1)).toMatchObject({ ok: true, more: false });
    expect(await db.feedDays.get('2026-11-16')).toMatchObject({ paperIds: ['2611.16001'] });
    // Backfilled from Monday 16: Friday 13 is among the six days before it.
    expect(await db.feedDays.get('2026-11-13')).toMatchObject({ paperIds: ['2611.13001'] });
    expect(await db.feedDays.get('2026-11-10')).toBeDefined();
    // Days older than yesterday were each asked once.
    const older = server.asked.filter((date) => date < '2026-11-22');
    expect(new Set(older).size).toBe(older.length);
  });

  it('settles when the feed has had nothing for a long time', async () => {
    const server = feedServer({});
    const first = await refresh(server, MONDAY);
    const second = await refresh(server, MONDAY + MINUTE);
    expect(first.more).toBe(true);
    expect(second).toMatchObject({ ok: true, more: false });
    server.asked.length = 0;
    await refresh(server, MONDAY + 60 * MINUTE);
    expect(server.asked).toEqual(['2026-11-23', '2026-11-22']);
  });
});

describe('runRefresh: later runs', () => {
  const FRIDAY = Date.parse('2026-11-20T10:00:00Z');

  async function settled(server: ReturnType<typeof feedServer>) {
    await refresh(server, FRIDAY);
    await refresh(server, FRIDAY + MINUTE);
    server.asked.length = 0;
  }

  it('re-reads today and yesterday only', async () => {
    const server = feedServer(weekdays('2026-11-09', '2026-11-20'));
    await settled(server);
    const outcome = await refresh(server, FRIDAY + 60 * MINUTE);
    expect(server.asked).toEqual(['2026-11-20', '2026-11-19']);
    expect(outcome).toMatchObject({
      ok: true,
      more: false,
      requests: 2,
      daysStored: ['2026-11-20', '2026-11-19'],
    });
  });

  it('updates upvotes and comment counts and keeps firstSeenAt', async () => {
    const server = feedServer(weekdays('2026-11-09', '2026-11-20'));
    await settled(server);
    const before = await db.papers.get('2611.20001');
    expect(before).toMatchObject({ upvotes: 10, numComments: 0, firstSeenAt: FRIDAY });

    server.days['2026-11-20'] = [
      { id: '2611.20001', upvotes: 55, comments: 4 },
      { id: '2611.20002', upvotes: 20 },
      { id: '2611.20003', upvotes: 3 },
    ];
    const later = FRIDAY + 60 * MINUTE;
    await refresh(server, later);

    expect(await db.papers.get('2611.20001')).toMatchObject({
      upvotes: 55,
      numComments: 4,
      firstSeenAt: FRIDAY,
      updatedAt: later,
    });
    expect(await db.papers.get('2611.20003')).toMatchObject({ firstSeenAt: later });
    expect((await db.feedDays.get('2026-11-20'))?.paperIds).toEqual([
      '2611.20001',
      '2611.20002',
      '2611.20003',
    ]);
  });

  it('fetches again a day stored while it was still today, when the browser was closed the day after', async () => {
    const server = feedServer(weekdays('2026-11-09', '2026-11-20'));
    server.days['2026-11-20'] = [{ id: '2611.20001' }];
    await settled(server);
    server.days['2026-11-20'] = [{ id: '2611.20001' }, { id: '2611.20002' }, { id: '2611.20003' }];

    const outcome = await refresh(server, MONDAY);
    expect(server.asked).toEqual(['2026-11-23', '2026-11-22', '2026-11-21', '2026-11-20']);
    expect(outcome).toMatchObject({ ok: true, more: false });
    expect((await db.feedDays.get('2026-11-20'))?.paperIds).toHaveLength(3);
  });

  it('fills the days since the last run when the browser was closed for over a week', async () => {
    const WEDNESDAY = Date.parse('2026-11-11T10:00:00Z');
    const server = feedServer(weekdays('2026-10-26', '2026-11-22'));
    await refresh(server, WEDNESDAY);
    await refresh(server, WEDNESDAY + MINUTE);

    const SUNDAY = Date.parse('2026-11-22T10:00:00Z');
    for (let run = 0; run < 3; run++) {
      const outcome = await refresh(server, SUNDAY + run * MINUTE);
      if (!outcome.more) break;
    }
    const latest = (await db.feedDays.toArray()).filter((day) => day.paperIds.length).map((day) => day.date);
    expect(latest.sort().at(-1)).toBe('2026-11-20');
    for (const date of ['2026-11-20', '2026-11-19', '2026-11-18', '2026-11-17', '2026-11-16', '2026-11-14']) {
      expect(await db.feedDays.get(date), date).toBeDefined();
    }
  });

  it('marks the run as started before the first request, so a stopped worker leaves it interrupted', async () => {
    const server = feedServer(weekdays('2026-11-09', '2026-11-20'));
    await settled(server);
    let dueDuringRun: boolean | undefined;
    const inner = server.fetch;
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      dueDuringRun ??= await isRefreshDue(db, FRIDAY + 61 * MINUTE, 60);
      return inner(input, init);
    }) as typeof globalThis.fetch;
    await runRefresh({ db, fetch, now: FRIDAY + 60 * MINUTE, retentionDays: 90 });
    expect(dueDuringRun).toBe(true);
    expect(await isRefreshDue(db, FRIDAY + 61 * MINUTE, 60)).toBe(false);
  });
});

describe('runRefresh: failures', () => {
  it('leaves only whole days behind when a backfill fails, and records the error', async () => {
    const server = feedServer(weekdays('2026-11-09', '2026-11-23'), { '2026-11-18': 500 });
    server.days['2026-11-23'] = [];
    const outcome = await refresh(server, MONDAY);

    expect(outcome.ok).toBe(false);
    expect(outcome.more).toBe(false);
    expect(outcome.error).toBeInstanceOf(FeedError);
    expect(outcome.error?.kind).toBe('http');
    // Days stored before the failure stay; the failed day has neither a row nor papers.
    expect(await storedDates()).toEqual([
      '2026-11-23',
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
      '2026-11-19',
    ]);
    expect(await db.papers.where('id').startsWith('2611.18').count()).toBe(0);
    await expectWholeDays();

    const state = await getAllState(db);
    expect(state.failedAttempts).toBe(1);
    expect(state.lastError).toEqual({ at: MONDAY, message: 'Hugging Face answered 500' });
    expect(state.lastRefreshFinishedAt).toBe(MONDAY);
    expect(state.lastRefreshOkAt).toBe(0);

    await refresh(server, MONDAY + MINUTE);
    expect((await getAllState(db)).failedAttempts).toBe(2);

    delete server.fail['2026-11-18'];
    const recovered = await refresh(server, MONDAY + 2 * MINUTE);
    expect(recovered.ok).toBe(true);
    expect(await getAllState(db)).toMatchObject({
      failedAttempts: 0,
      lastError: null,
      lastRefreshOkAt: MONDAY + 2 * MINUTE,
    });
    expect(await db.feedDays.get('2026-11-18')).toMatchObject({ paperIds: ['2611.18002', '2611.18001'] });
  });

  it('stores nothing of a day whose second page fails', async () => {
    const big = Array.from({ length: 150 }, (_, i) => ({ id: `2611.${String(20000 + i)}` }));
    const server = feedServer({ '2026-11-20': big });
    const inner = server.fetch;
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) =>
      new URL(String(input)).searchParams.get('p') === '1'
        ? new Response('', { status: 503 })
        : inner(input, init)) as typeof globalThis.fetch;
    const outcome = await runRefresh({
      db,
      fetch,
      now: Date.parse('2026-11-20T10:00:00Z'),
      retentionDays: 90,
    });
    expect(outcome.ok).toBe(false);
    expect(await db.feedDays.get('2026-11-20')).toBeUndefined();
    expect(await db.papers.count()).toBe(0);
  });

  it('passes a 429 on with its Retry-After', async () => {
    const fetch = (async () =>
      new Response('', {
        status: 429,
        headers: { 'retry-after': '120' },
      })) as unknown as typeof globalThis.fetch;
    const outcome = await runRefresh({ db, fetch, now: MONDAY, retentionDays: 90 });
    expect(outcome.error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 120_000 });
    expect(nextRetryDelay(outcome, 1, 60)).toBe(120_000);
  });
});

describe('nextRetryDelay', () => {
  const ok = (more: boolean): RefreshOutcome => ({ ok: true, more, daysStored: [], requests: 0 });
  const failed = (retryAfterMs?: number): RefreshOutcome => ({
    ok: false,
    more: false,
    daysStored: [],
    requests: 1,
    error: new FeedError(retryAfterMs === undefined ? 'network' : 'rate-limited', 'x', retryAfterMs),
  });

  it('schedules nothing after a complete run and a one-minute follow-up when more is left', () => {
    expect(nextRetryDelay(ok(false), 0, 60)).toBeUndefined();
    expect(nextRetryDelay(ok(true), 0, 60)).toBe(MINUTE);
  });

  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [4, 240_000],
    [5, 480_000],
    [7, 1_920_000],
    [8, 3_600_000],
    [30, 3_600_000],
  ])('backs off after failure %i: %i ms (capped at the 60-minute interval)', (attempts, delay) => {
    expect(nextRetryDelay(failed(), attempts, 60)).toBe(delay);
  });

  it('caps at a shorter interval', () => {
    expect(nextRetryDelay(failed(), 10, 15)).toBe(15 * MINUTE);
  });

  it.each([
    [1, 300_000, 300_000],
    [3, 10_000, 120_000],
    // Retry-After wins over the interval cap too.
    [30, 2 * 60 * MINUTE, 2 * 60 * MINUTE],
  ])(
    "after failure %i with Retry-After %i ms waits %i ms, never less than the server's ask",
    (attempts, retryAfter, delay) => {
      expect(nextRetryDelay(failed(retryAfter), attempts, 60)).toBe(delay);
    },
  );
});

describe('isRefreshDue', () => {
  const now = MONDAY;

  it.each([
    ['never run', true, { lastRefreshStartedAt: 0, lastRefreshFinishedAt: 0, lastRefreshOkAt: 0 }],
    [
      'fresh',
      false,
      {
        lastRefreshStartedAt: now - 10 * MINUTE,
        lastRefreshFinishedAt: now - 10 * MINUTE,
        lastRefreshOkAt: now - 10 * MINUTE,
      },
    ],
    [
      'stale',
      true,
      {
        lastRefreshStartedAt: now - 61 * MINUTE,
        lastRefreshFinishedAt: now - 61 * MINUTE,
        lastRefreshOkAt: now - 61 * MINUTE,
      },
    ],
    [
      'exactly one interval old',
      true,
      {
        lastRefreshStartedAt: now - 60 * MINUTE,
        lastRefreshFinishedAt: now - 60 * MINUTE,
        lastRefreshOkAt: now - 60 * MINUTE,
      },
    ],
    [
      'interrupted (started after it last finished)',
      true,
      {
        lastRefreshStartedAt: now - MINUTE,
        lastRefreshFinishedAt: now - 10 * MINUTE,
        lastRefreshOkAt: now - 10 * MINUTE,
      },
    ],
    [
      'failed (finished after the last success)',
      true,
      {
        lastRefreshStartedAt: now - 5 * MINUTE,
        lastRefreshFinishedAt: now - 5 * MINUTE,
        lastRefreshOkAt: now - 30 * MINUTE,
      },
    ],
  ])('%s → due: %s', async (_name, due, state) => {
    await setState(db, state);
    expect(await isRefreshDue(db, now, 60)).toBe(due);
  });

  it('follows the outcome of a real run', async () => {
    const good = feedServer({ '2026-11-23': [{ id: '2611.23001' }] });
    await refresh(good, now);
    expect(await isRefreshDue(db, now + 5 * MINUTE, 60)).toBe(false);
    await refresh(feedServer({}, { '2026-11-23': 500 }), now + 10 * MINUTE);
    expect(await isRefreshDue(db, now + 11 * MINUTE, 60)).toBe(true);
  });
});
