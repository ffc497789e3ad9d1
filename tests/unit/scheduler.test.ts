import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { RefreshOutcome } from '@/lib/feed/refresh';
import { PaperPulseDB } from '@/lib/storage/db';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { getAllState, setState } from '@/lib/storage/state';
import { createScheduler, REFRESH_ALARM, RETRY_ALARM, type Trigger } from '@/lib/worker/scheduler';
import { feedServer, weekdays } from './support/feed-server';

const MINUTE = 60_000;
/** Friday 2026-11-27, 10:00 UTC: a weekday with papers. */
const FRIDAY = Date.parse('2026-11-27T10:00:00Z');

let db: PaperPulseDB;
let clock: number;
let server: ReturnType<typeof feedServer>;
let outcomes: (RefreshOutcome | undefined)[];

function scheduler() {
  return createScheduler({
    db,
    alarms: fakeBrowser.alarms,
    fetch: server.fetch,
    now: () => clock,
    settings: async () => DEFAULT_SETTINGS,
    afterRun: async (outcome) => void outcomes.push(outcome),
  });
}

const requests = () => server.asked.length;

beforeEach(() => {
  db = new PaperPulseDB('t-' + crypto.randomUUID());
  clock = FRIDAY;
  server = feedServer(weekdays('2026-11-01', '2026-11-27'));
  outcomes = [];
});
afterEach(async () => {
  await db.delete();
});

describe('triggers that always refresh', () => {
  it.each(['install', 'startup', 'alarm', 'retry'] satisfies Trigger[])(
    '%s runs a refresh',
    async (trigger) => {
      await scheduler().trigger(trigger);
      expect(requests()).toBeGreaterThan(0);
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]?.ok).toBe(true);
      expect((await getAllState(db)).lastRefreshOkAt).toBe(FRIDAY);
    },
  );

  it('schedules a follow-up a minute later when the install backfill needs more than one run', async () => {
    // Friday plus six days back, one request each, is more than one run's budget.
    await scheduler().trigger('install');
    expect(outcomes[0]?.more).toBe(true);
    const retry = await fakeBrowser.alarms.get(RETRY_ALARM);
    expect(retry?.scheduledTime).toBe(FRIDAY + MINUTE);
    clock += MINUTE;
    await scheduler().trigger('retry');
    expect(outcomes[1]).toMatchObject({ ok: true, more: false });
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });

  it('backs off after a failure: the retry alarm is set 30 s later, then 1 minute', async () => {
    server = feedServer({}, { '2026-11-27': 500 });
    await scheduler().trigger('startup');
    expect((await fakeBrowser.alarms.get(RETRY_ALARM))?.scheduledTime).toBe(FRIDAY + 30_000);
    clock += 30_000;
    await scheduler().trigger('retry');
    expect((await fakeBrowser.alarms.get(RETRY_ALARM))?.scheduledTime).toBe(clock + MINUTE);
  });

  it('runs one refresh at a time, however many triggers arrive together', async () => {
    const shared = scheduler();
    await Promise.all([shared.trigger('install'), shared.trigger('alarm'), shared.trigger('startup')]);
    expect(outcomes).toHaveLength(1);
  });

  it('tells afterRun even when the refresh failed', async () => {
    server = feedServer({}, { '2026-11-27': 503 });
    await scheduler().trigger('alarm');
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.ok).toBe(false);
  });
});

describe('the popup opening', () => {
  it('refreshes nothing when the last refresh is recent and succeeded', async () => {
    await setState(db, {
      lastRefreshStartedAt: FRIDAY - 10 * MINUTE,
      lastRefreshFinishedAt: FRIDAY - 9 * MINUTE,
      lastRefreshOkAt: FRIDAY - 9 * MINUTE,
    });
    await scheduler().trigger('popup');
    expect(requests()).toBe(0);
  });

  it('refreshes when the last one is older than the interval', async () => {
    await setState(db, {
      lastRefreshStartedAt: FRIDAY - 61 * MINUTE,
      lastRefreshFinishedAt: FRIDAY - 61 * MINUTE,
      lastRefreshOkAt: FRIDAY - 61 * MINUTE,
    });
    await scheduler().trigger('popup');
    expect(requests()).toBeGreaterThan(0);
  });

  it('refreshes at once after a failed refresh', async () => {
    await setState(db, { lastRefreshOkAt: FRIDAY - 5 * MINUTE, lastRefreshFinishedAt: FRIDAY - MINUTE });
    await scheduler().trigger('popup');
    expect(requests()).toBeGreaterThan(0);
  });

  it("waits out a 429's Retry-After", async () => {
    await setState(db, { lastRefreshFinishedAt: FRIDAY - MINUTE, retryNotBefore: FRIDAY + 10 * MINUTE });
    await scheduler().trigger('popup');
    expect(requests()).toBe(0);
  });
});

describe('a worker waking up', () => {
  it('creates the periodic alarm at the refresh interval', async () => {
    await setState(db, {
      lastRefreshStartedAt: FRIDAY,
      lastRefreshFinishedAt: FRIDAY,
      lastRefreshOkAt: FRIDAY,
    });
    await scheduler().trigger('wake');
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toMatchObject({
      periodInMinutes: DEFAULT_SETTINGS.refreshIntervalMinutes,
    });
    expect(requests()).toBe(0);
  });

  it('resumes a refresh that a stopped worker cut off', async () => {
    await setState(db, {
      lastRefreshStartedAt: FRIDAY - MINUTE,
      lastRefreshFinishedAt: FRIDAY - 60 * MINUTE,
      lastRefreshOkAt: FRIDAY - 60 * MINUTE,
    });
    await scheduler().trigger('wake');
    expect(requests()).toBeGreaterThan(0);
  });

  it('leaves a pending retry to its alarm', async () => {
    await setState(db, {
      lastRefreshStartedAt: FRIDAY - MINUTE,
      lastRefreshFinishedAt: FRIDAY - 60 * MINUTE,
    });
    await fakeBrowser.alarms.create(RETRY_ALARM, { when: FRIDAY + MINUTE });
    await scheduler().trigger('wake');
    expect(requests()).toBe(0);
  });
});

describe('alarm names', () => {
  it('maps the scheduler’s alarms to triggers and ignores others', () => {
    const { alarmTrigger } = scheduler();
    expect(alarmTrigger(REFRESH_ALARM)).toBe('alarm');
    expect(alarmTrigger(RETRY_ALARM)).toBe('retry');
    expect(alarmTrigger('digest')).toBeUndefined();
  });
});
