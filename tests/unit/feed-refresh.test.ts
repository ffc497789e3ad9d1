import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '@/lib/dates';
import { PaperPulseDB } from '@/lib/storage/db';
import {
  FOLLOW_UP_DELAY_MS,
  INSTALL_FOLLOW_UP_DELAY_MS,
  REQUEST_BUDGET,
  runRefresh,
  type RefreshOutcome,
} from '@/lib/feed/refresh';
import { getAllState, setState } from '@/lib/storage/state';
import { feedServer, weekdays, type RawPaper } from './support/feed-server';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Monday 2026-11-23, 10:00 UTC: today and the weekend have no papers yet; Friday does. */
const MONDAY = Date.parse('2026-11-23T10:00:00Z');
const FRIDAY = Date.parse('2026-11-20T10:00:00Z');

let db: PaperPulseDB;
beforeEach(() => {
  db = new PaperPulseDB('t-' + crypto.randomUUID());
});
afterEach(async () => {
  await db.delete();
});

type Server = ReturnType<typeof feedServer>;

function refresh(server: Server, now: number, retentionDays = 90) {
  return runRefresh({ db, fetch: server.fetch, now, retentionDays });
}

/** Dates from `from` down to `to`, newest first. */
function daysDown(from: string, to: string): string[] {
  const days: string[] = [];
  for (let date = from; date >= to; date = addDays(date, -1)) days.push(date);
  return days;
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

/** Runs until a run has nothing more to do (at most `max` runs), a minute apart. */
async function settle(server: Server, from: number, retentionDays: number, max = 12) {
  const outcomes: RefreshOutcome[] = [];
  for (let run = 0; run < max; run++) {
    const outcome = await refresh(server, from + run * MINUTE, retentionDays);
    outcomes.push(outcome);
    if (!outcome.more) break;
  }
  server.asked.length = 0;
  return outcomes;
}

describe('runRefresh: the install backfill', () => {
  it('fetches the 14 days before the latest day with papers, newest first, in two runs of the budget', async () => {
    const server = feedServer(weekdays('2026-08-01', '2026-11-23'));
    server.days['2026-11-23'] = [];

    const first = await refresh(server, MONDAY);
    expect(server.asked).toEqual(daysDown('2026-11-23', '2026-11-14'));
    expect(first).toMatchObject({ ok: true, more: true, requests: REQUEST_BUDGET, daysFailed: [] });
    expect(first.daysStored).toEqual(server.asked);
    // Friday is the latest day with papers: its 14 days back reach 2026-11-06, not done yet.
    expect(first.followUpAt).toBe(MONDAY + INSTALL_FOLLOW_UP_DELAY_MS);

    server.asked.length = 0;
    const second = await refresh(server, first.followUpAt);
    // Today and yesterday again, then where the first run stopped.
    expect(server.asked).toEqual(['2026-11-23', '2026-11-22', ...daysDown('2026-11-13', '2026-11-06')]);
    expect(second).toMatchObject({ ok: true, more: true });
    // The install backfill is done; the rest of the retention window follows at a slower pace.
    expect(second.followUpAt).toBe(first.followUpAt + FOLLOW_UP_DELAY_MS);

    expect(await storedDates()).toEqual(daysDown('2026-11-23', '2026-11-06'));
    expect((await db.feedDays.get('2026-11-21'))?.paperIds).toEqual([]);
    expect((await db.feedDays.get('2026-11-20'))?.paperIds).toEqual(['2611.20002', '2611.20001']);
    await expectWholeDays();
  });

  it('then fills the retention window, and afterwards re-reads only today and yesterday', async () => {
    const server = feedServer(weekdays('2026-08-01', '2026-11-23'));
    const outcomes = await settle(server, MONDAY, 30);
    expect(outcomes.at(-1)).toMatchObject({ ok: true, more: false, followUpAt: 0 });
    // Today back to 30 days before it, each day asked once (plus today and yesterday every run).
    expect(await storedDates()).toEqual(daysDown('2026-11-23', '2026-10-24'));

    const later = await refresh(server, MONDAY + HOUR, 30);
    expect(server.asked).toEqual(['2026-11-23', '2026-11-22']);
    expect(later).toMatchObject({
      ok: true,
      more: false,
      requests: 2,
      daysStored: ['2026-11-23', '2026-11-22'],
    });
  });

  it('stores empty weekend days as empty and does not fetch them again', async () => {
    const server = feedServer(weekdays('2026-08-01', '2026-11-23'));
    await settle(server, MONDAY, 20);
    for (const date of ['2026-11-21', '2026-11-15', '2026-11-14']) {
      expect((await db.feedDays.get(date))?.paperIds).toEqual([]);
    }
    await refresh(server, MONDAY + HOUR, 20);
    expect(server.asked).toEqual(['2026-11-23', '2026-11-22']);
  });

  it('never sends more requests than the budget, even for days that span several pages', async () => {
    const big: RawPaper[] = Array.from({ length: 150 }, (_, i) => ({ id: `2611.${String(20000 + i)}` }));
    const server = feedServer({ ...weekdays('2026-11-01', '2026-11-23'), '2026-11-20': big });
    const outcome = await refresh(server, MONDAY);
    expect(server.asked).toHaveLength(REQUEST_BUDGET);
    expect(outcome).toMatchObject({ requests: REQUEST_BUDGET, more: true });
    expect((await db.feedDays.get('2026-11-20'))?.paperIds).toHaveLength(150);
  });

  it('settles when the feed has had nothing for the whole window', async () => {
    const server = feedServer({});
    const outcomes = await settle(server, MONDAY, 20);
    expect(outcomes.at(-1)).toMatchObject({ ok: true, more: false });
    expect(await db.feedDays.count()).toBe(21);
    await refresh(server, MONDAY + HOUR, 20);
    expect(server.asked).toEqual(['2026-11-23', '2026-11-22']);
  });
});

describe('runRefresh: later runs', () => {
  it('updates upvotes and comment counts and keeps firstSeenAt', async () => {
    const server = feedServer(weekdays('2026-10-01', '2026-11-20'));
    await settle(server, FRIDAY, 20);
    expect(await db.papers.get('2611.20001')).toMatchObject({
      upvotes: 10,
      numComments: 0,
      firstSeenAt: FRIDAY,
    });

    server.days['2026-11-20'] = [
      { id: '2611.20001', upvotes: 55, comments: 4 },
      { id: '2611.20002', upvotes: 20 },
      { id: '2611.20003', upvotes: 3 },
    ];
    const later = FRIDAY + HOUR;
    await refresh(server, later, 20);
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
    const server = feedServer(weekdays('2026-10-01', '2026-11-20'));
    server.days['2026-11-20'] = [{ id: '2611.20001' }];
    await settle(server, FRIDAY, 20);
    server.days['2026-11-20'] = [{ id: '2611.20001' }, { id: '2611.20002' }, { id: '2611.20003' }];

    const outcome = await refresh(server, MONDAY, 20);
    // Friday again (stored while it was today), and the rest of the week, read days ago: their
    // upvotes have moved since.
    expect(server.asked).toEqual([
      '2026-11-23',
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
      '2026-11-19',
      '2026-11-18',
      '2026-11-17',
    ]);
    expect(outcome).toMatchObject({ ok: true, more: false });
    expect((await db.feedDays.get('2026-11-20'))?.paperIds).toHaveLength(3);
  });

  it('marks the run as started before the first request, so a stopped worker leaves it cut off', async () => {
    const server = feedServer(weekdays('2026-10-01', '2026-11-20'));
    await settle(server, FRIDAY, 20);
    let duringRun: { started: number; finished: number } | undefined;
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const state = await getAllState(db);
      duringRun ??= { started: state.lastRefreshStartedAt, finished: state.lastRefreshFinishedAt };
      return server.fetch(input, init);
    }) as typeof globalThis.fetch;
    await runRefresh({ db, fetch, now: FRIDAY + HOUR, retentionDays: 20 });
    expect(duringRun!.started).toBeGreaterThan(duringRun!.finished);
    const after = await getAllState(db);
    expect(after.lastRefreshFinishedAt).toBeGreaterThanOrEqual(after.lastRefreshStartedAt);
  });
});

describe('runRefresh: each day on its own', () => {
  it('a backfill day answering 500 is retried on its own backoff while today is counted and stored', async () => {
    const server = feedServer(weekdays('2026-10-01', '2026-11-20'), { '2026-11-18': 500 });
    const first = await refresh(server, FRIDAY, 20);
    expect(first.ok).toBe(true);
    expect(first.daysFailed.map((failure) => failure.date)).toEqual(['2026-11-18']);
    expect(first.daysStored).toContain('2026-11-20');
    expect(first.daysStored).toContain('2026-11-17');
    expect(await db.feedDays.get('2026-11-18')).toBeUndefined();
    expect(await db.papers.where('id').startsWith('2611.18').count()).toBe(0);
    await expectWholeDays();
    let state = await getAllState(db);
    expect(state).toMatchObject({ lastError: null, failedAttempts: 0 });
    expect(state.dayRetries['2026-11-18']).toEqual({ failures: 1, nextTryAt: FRIDAY + HOUR });

    // The follow-up a few minutes later does not ask it again…
    server.asked.length = 0;
    await refresh(server, first.followUpAt, 20);
    expect(server.asked).not.toContain('2026-11-18');
    // …an hour later it is asked once more, fails again, and waits two hours.
    server.asked.length = 0;
    await refresh(server, FRIDAY + HOUR, 20);
    expect(server.asked).toContain('2026-11-18');
    state = await getAllState(db);
    expect(state.dayRetries['2026-11-18']).toEqual({ failures: 2, nextTryAt: FRIDAY + 3 * HOUR });

    delete server.fail['2026-11-18'];
    await refresh(server, FRIDAY + 3 * HOUR, 20);
    expect((await db.feedDays.get('2026-11-18'))?.paperIds).toEqual(['2611.18002', '2611.18001']);
    expect((await getAllState(db)).dayRetries).toEqual({});
  });

  it('backs a failing day off 1, 2, 4 … hours, capped at a day', async () => {
    const server = feedServer(weekdays('2026-10-01', '2026-11-20'), { '2026-11-18': 503 });
    await settle(server, FRIDAY, 20);
    const waits: number[] = [];
    let now = FRIDAY;
    for (let attempt = 0; attempt < 7; attempt++) {
      const { nextTryAt } = (await getAllState(db)).dayRetries['2026-11-18']!;
      waits.push((nextTryAt - now) / HOUR);
      now = nextTryAt;
      await refresh(server, now, 20);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 24, 24]);
  });

  it('every earlier day failing still stores today and yesterday, two failures end the run', async () => {
    const fail = Object.fromEntries(daysDown('2026-11-18', '2026-10-01').map((date) => [date, 500]));
    const server = feedServer(weekdays('2026-10-01', '2026-11-20'), fail);
    const outcome = await refresh(server, FRIDAY, 20);
    expect(server.asked).toEqual(['2026-11-20', '2026-11-19', '2026-11-18', '2026-11-17']);
    expect(outcome).toMatchObject({ ok: true, more: false, followUpAt: 0, requests: 4 });
    expect(outcome.daysStored).toEqual(['2026-11-20', '2026-11-19']);
    expect((await db.feedDays.get('2026-11-20'))?.paperIds).toHaveLength(2);
    // The next runs try other days, two at a time, never the ones waiting out their backoff.
    server.asked.length = 0;
    await refresh(server, FRIDAY + 10 * MINUTE, 20);
    expect(server.asked).toEqual(['2026-11-20', '2026-11-19', '2026-11-16', '2026-11-15']);
  });

  it('today failing fails the run; yesterday is still stored, the backfill waits', async () => {
    const server = feedServer(weekdays('2026-10-01', '2026-11-20'), { '2026-11-20': 502 });
    const outcome = await refresh(server, FRIDAY, 20);
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatchObject({ kind: 'http', status: 502 });
    expect(outcome.daysStored).toEqual(['2026-11-19']);
    // The backfill waits for a run that works: a retry costs two requests, not the budget.
    expect(server.asked).toEqual(['2026-11-20', '2026-11-19']);
    expect(await getAllState(db)).toMatchObject({
      failedAttempts: 1,
      lastError: { at: FRIDAY, message: 'Hugging Face answered 502' },
      lastRefreshOkAt: 0,
    });
    // No day backoff for today: the run's own backoff retries it.
    expect((await getAllState(db)).dayRetries['2026-11-20']).toBeUndefined();
  });

  it('stores nothing of a day whose second page fails', async () => {
    const big: RawPaper[] = Array.from({ length: 150 }, (_, i) => ({ id: `2611.${String(20000 + i)}` }));
    const server = feedServer({ '2026-11-20': big });
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) =>
      new URL(String(input)).searchParams.get('p') === '1'
        ? new Response('', { status: 503 })
        : server.fetch(input, init)) as typeof globalThis.fetch;
    const outcome = await runRefresh({ db, fetch, now: FRIDAY, retentionDays: 20 });
    expect(outcome.ok).toBe(false);
    expect(await db.feedDays.get('2026-11-20')).toBeUndefined();
    expect(await db.papers.where('id').startsWith('2611.2').count()).toBe(0);
  });
});

describe('runRefresh: stopping early', () => {
  it('offline: two requests, then the run ends and fails', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    const outcome = await runRefresh({ db, fetch, now: MONDAY, retentionDays: 90 });
    expect(outcome).toMatchObject({ ok: false, requests: 2, error: { kind: 'network' } });
  });

  it('a 429 ends the run at once, and its Retry-After is kept', async () => {
    const server = feedServer(weekdays('2026-10-01', '2026-11-23'), {
      '2026-11-22': { status: 429, headers: { 'retry-after': '120' } },
    });
    const outcome = await refresh(server, MONDAY);
    expect(server.asked).toEqual(['2026-11-23', '2026-11-22']);
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAfterMs: 120_000 } });
    expect((await getAllState(db)).retryNotBefore).toBe(MONDAY + 120_000);
  });

  it('keeps the later of the old and the new Retry-After, clamps it to a day, and clears it on success', async () => {
    const server = feedServer(weekdays('2026-10-01', '2026-11-23'), {
      '2026-11-23': { status: 429, headers: { 'retry-after': '9'.repeat(400) } },
    });
    await refresh(server, MONDAY);
    expect((await getAllState(db)).retryNotBefore).toBe(MONDAY + 24 * HOUR);

    server.fail['2026-11-23'] = { status: 429, headers: { 'retry-after': '60' } };
    await refresh(server, MONDAY + MINUTE);
    expect((await getAllState(db)).retryNotBefore).toBe(MONDAY + 24 * HOUR);

    // A failure without Retry-After keeps it too.
    server.fail['2026-11-23'] = 500;
    server.fail['2026-11-22'] = 500;
    await refresh(server, MONDAY + 2 * MINUTE);
    expect((await getAllState(db)).retryNotBefore).toBe(MONDAY + 24 * HOUR);

    delete server.fail['2026-11-23'];
    delete server.fail['2026-11-22'];
    await refresh(server, MONDAY + 25 * HOUR);
    expect(await getAllState(db)).toMatchObject({ retryNotBefore: 0, failedAttempts: 0, lastError: null });
  });
});

describe('runRefresh: the server’s today', () => {
  it('a clock a day ahead: the rejected "today" is "not yet", and the server’s today is stored', async () => {
    const serverNow = MONDAY;
    const localNow = MONDAY + 24 * HOUR;
    const server = feedServer(weekdays('2026-10-01', '2026-11-23'), {}, { now: () => serverNow });
    const outcome = await runRefresh({ db, fetch: server.fetch, now: localNow, retentionDays: 20 });
    // First contact: the local today is asked once, answered 400, and learnt from.
    expect(server.asked.slice(0, 3)).toEqual(['2026-11-24', '2026-11-23', '2026-11-22']);
    expect(outcome).toMatchObject({ ok: true, daysNotYet: ['2026-11-24'], daysFailed: [] });
    expect(await db.feedDays.get('2026-11-24')).toBeUndefined();
    expect((await db.feedDays.get('2026-11-23'))?.paperIds).toHaveLength(2);
    expect((await getAllState(db)).serverClockOffsetMs).toBe(-24 * HOUR);

    // From then on the server's clock is known: tomorrow is never asked.
    server.asked.length = 0;
    await runRefresh({ db, fetch: server.fetch, now: localNow + HOUR, retentionDays: 20 });
    expect(server.asked.every((date) => date <= '2026-11-23')).toBe(true);
    expect(server.future).toEqual(['2026-11-24']);
  });

  it('a clock that jumps days ahead after a run still never asks a day the server has not begun', async () => {
    let serverNow = FRIDAY;
    const server = feedServer(weekdays('2026-10-01', '2026-11-25'), {}, { now: () => serverNow });
    await runRefresh({ db, fetch: server.fetch, now: FRIDAY, clock: () => serverNow, retentionDays: 20 });
    serverNow = FRIDAY + HOUR;
    const jumped = serverNow + 3 * 24 * HOUR;
    const outcome = await runRefresh({ db, fetch: server.fetch, now: jumped, retentionDays: 20 });
    expect(server.future).toEqual([]);
    expect(outcome.ok).toBe(true);
    expect(outcome.daysStored.slice(0, 2)).toEqual(['2026-11-20', '2026-11-19']);
  });

  it('a clock a day behind: the server’s Date brings today in', async () => {
    const server = feedServer(weekdays('2026-10-01', '2026-11-23'), {}, { now: () => MONDAY });
    const outcome = await runRefresh({ db, fetch: server.fetch, now: MONDAY - 24 * HOUR, retentionDays: 20 });
    // Our today first (the server's yesterday); its answer's Date shows the server is a day on.
    expect(server.asked.slice(0, 2)).toEqual(['2026-11-22', '2026-11-23']);
    expect(outcome.ok).toBe(true);
    expect((await db.feedDays.get('2026-11-23'))?.paperIds).toHaveLength(2);
    server.asked.length = 0;
    await runRefresh({ db, fetch: server.fetch, now: MONDAY - 23 * HOUR, retentionDays: 20 });
    // Now the server's clock is known: its today comes first.
    expect(server.asked.slice(0, 2)).toEqual(['2026-11-23', '2026-11-22']);
  });

  it('a browser away longer than the feed is kept asks the last day it saw once, then catches up', async () => {
    let serverNow = FRIDAY;
    const server = feedServer(weekdays('2026-10-01', '2027-01-31'), {}, { now: () => serverNow });
    await settle(server, FRIDAY, 14);
    // Three weeks away: every day of the 14-day window lies after the last day an answer showed.
    serverNow = FRIDAY + 21 * 24 * HOUR;
    const outcome = await runRefresh({ db, fetch: server.fetch, now: serverNow, retentionDays: 14 });
    expect(server.asked[0]).toBe('2026-11-20');
    expect(server.asked.slice(1, 3)).toEqual(['2026-12-11', '2026-12-10']);
    expect(outcome.ok).toBe(true);
    expect(server.future).toEqual([]);
    // The probe's day is older than the window: pruned with the rest.
    expect((await storedDates()).at(-1)! >= addDays('2026-12-11', -14)).toBe(true);
  });

  it('a clock a year ahead while offline prunes nothing', async () => {
    const server = feedServer(weekdays('2026-10-01', '2026-11-20'));
    await settle(server, FRIDAY, 20);
    const before = await db.feedDays.count();
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    await runRefresh({ db, fetch: offline, now: FRIDAY + 365 * 24 * HOUR, retentionDays: 20 });
    expect(await db.feedDays.count()).toBe(before);
  });
});

describe('runRefresh: answers that must not empty a day', () => {
  const unreadable = {
    status: 200,
    body: JSON.stringify([{ paper: { id: 'not-an-id', title: 'x' } }, { entry: { id: '2611.00001' } }]),
  };

  it('a backfill day whose items all fail validation is a failure for that day, never an empty day', async () => {
    const server = feedServer(weekdays('2026-10-01', '2026-11-20'), { '2026-11-17': unreadable });
    const outcome = await refresh(server, FRIDAY, 20);
    expect(outcome.ok).toBe(true);
    expect(outcome.daysFailed).toMatchObject([{ date: '2026-11-17', error: { kind: 'invalid' } }]);
    expect(await db.feedDays.get('2026-11-17')).toBeUndefined();
  });

  it('today’s items all failing validation fails the run and keeps the stored day', async () => {
    const server = feedServer(weekdays('2026-10-01', '2026-11-20'));
    await settle(server, FRIDAY, 20);
    server.fail['2026-11-20'] = unreadable;
    const outcome = await refresh(server, FRIDAY + HOUR, 20);
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(outcome.error?.message).toMatch(/could read none/);
    expect((await db.feedDays.get('2026-11-20'))?.paperIds).toHaveLength(2);
  });

  it('an empty answer for a stored non-empty day keeps the stored day', async () => {
    const server = feedServer(weekdays('2026-10-01', '2026-11-20'));
    await settle(server, FRIDAY, 20);
    server.days['2026-11-19'] = [];
    const outcome = await refresh(server, FRIDAY + HOUR, 20);
    expect(outcome.ok).toBe(false);
    expect(outcome.error?.message).toMatch(/no papers for 2026-11-19, which had 2/);
    expect((await db.feedDays.get('2026-11-19'))?.paperIds).toHaveLength(2);
  });
});

describe('runRefresh: the follow-up rule', () => {
  it('is scheduled only when the run made progress and days are left', async () => {
    // Today and yesterday take five pages each: the whole budget, every run.
    const page = (day: string) =>
      Array.from({ length: 480 }, (_, i) => ({ id: `2611.${day}${String(i).padStart(3, '0')}` }));
    const server = feedServer({
      ...weekdays('2026-10-01', '2026-11-20'),
      '2026-11-20': page('20'),
      '2026-11-19': page('19'),
    });
    const first = await refresh(server, FRIDAY, 20);
    // New days stored: progress, and the backfill is left.
    expect(first).toMatchObject({ ok: true, more: true, requests: REQUEST_BUDGET });
    expect(first.followUpAt).toBeGreaterThan(0);
    const second = await refresh(server, first.followUpAt, 20);
    // The same two days again: no progress, so no follow-up (the hourly run goes on).
    expect(second).toMatchObject({ ok: true, more: true, followUpAt: 0 });
    expect((await getAllState(db)).followUpAt).toBe(0);
  });

  it('"Refresh now" (recentOnly) reads today and yesterday and leaves the pending follow-up as it was', async () => {
    const server = feedServer(weekdays('2026-08-01', '2026-11-23'));
    const first = await refresh(server, MONDAY);
    server.asked.length = 0;
    const manual = await runRefresh({
      db,
      fetch: server.fetch,
      now: MONDAY + MINUTE,
      retentionDays: 90,
      recentOnly: true,
    });
    expect(server.asked).toEqual(['2026-11-23', '2026-11-22']);
    expect(manual).toMatchObject({ ok: true, requests: 2, followUpAt: first.followUpAt });
    expect((await getAllState(db)).followUpAt).toBe(first.followUpAt);
  });

  it('is not scheduled after a failed run', async () => {
    const server = feedServer(weekdays('2026-10-01', '2026-11-23'), { '2026-11-23': 500 });
    const outcome = await refresh(server, MONDAY);
    expect(outcome).toMatchObject({ ok: false, followUpAt: 0 });
  });

  it('continues from what is stored, not from memory: a run cut off mid-way is resumed by the next', async () => {
    const server = feedServer(weekdays('2026-08-01', '2026-11-23'));
    let calls = 0;
    const stopped = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (++calls > 5) return new Promise<Response>(() => undefined); // the worker is gone
      return server.fetch(input, init);
    }) as typeof globalThis.fetch;
    void runRefresh({ db, fetch: stopped, now: MONDAY, retentionDays: 30 });
    await expect.poll(() => server.asked.length).toBe(5);
    await expect.poll(async () => (await db.feedDays.count()) === 5).toBe(true);
    server.asked.length = 0;
    await refresh(server, MONDAY + MINUTE, 30);
    expect(server.asked).toEqual(['2026-11-23', '2026-11-22', ...daysDown('2026-11-18', '2026-11-11')]);
  });
});

describe('runRefresh: state written by an older version', () => {
  it('reads rows of another shape as their defaults', async () => {
    await db.state.bulkPut([
      { key: 'dayRetries', value: 'garbage' as never },
      { key: 'requestLedger', value: { 0: 1 } as never },
      { key: 'retryNotBefore', value: null as never },
    ]);
    await setState(db, { failedAttempts: 2 });
    const server = feedServer(weekdays('2026-10-01', '2026-11-20'));
    const outcome = await refresh(server, FRIDAY, 20);
    expect(outcome.ok).toBe(true);
    expect((await getAllState(db)).requestLedger).toHaveLength(outcome.requests);
  });
});
