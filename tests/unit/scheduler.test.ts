import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { RefreshOutcome } from '@/lib/feed/refresh';
import { PaperPulseDB } from '@/lib/storage/db';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { getAllState, setState } from '@/lib/storage/state';
import { createScheduler, REFRESH_ALARM, RETRY_ALARM, type Trigger } from '@/lib/worker/scheduler';
import { feedServer, weekdays } from './support/feed-server';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
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
const retryAlarm = async () => (await fakeBrowser.alarms.get(RETRY_ALARM))?.scheduledTime;

beforeEach(() => {
  db = new PaperPulseDB('t-' + crypto.randomUUID());
  clock = FRIDAY;
  server = feedServer(weekdays('2026-08-01', '2026-11-27'), {}, { now: () => clock });
  outcomes = [];
});
afterEach(async () => {
  await db.delete();
});

describe('a first run', () => {
  it.each(['install', 'startup', 'alarm', 'retry', 'popup', 'wake', 'manual'] satisfies Trigger[])(
    '%s runs a refresh',
    async (trigger) => {
      const result = await scheduler().trigger(trigger);
      expect(result.decision.allowed).toBe(true);
      expect(requests()).toBeGreaterThan(0);
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]?.ok).toBe(true);
      expect((await getAllState(db)).lastRefreshOkAt).toBe(FRIDAY);
    },
  );

  it('the install backfill of 14 days is done by its follow-up three minutes later', async () => {
    await scheduler().trigger('install');
    expect(outcomes[0]).toMatchObject({ more: true, followUpAt: FRIDAY + 3 * MINUTE });
    expect(await retryAlarm()).toBe(FRIDAY + 3 * MINUTE);
    expect((await getAllState(db)).nextRefreshAllowedAt).toBe(FRIDAY + 3 * MINUTE);

    // The popup opening in between does not start the follow-up early.
    clock += MINUTE;
    expect((await scheduler().trigger('popup')).decision).toMatchObject({
      allowed: false,
      reason: 'follow-up',
    });

    clock = FRIDAY + 3 * MINUTE;
    await scheduler().trigger('retry');
    for (let back = 0; back <= 14; back++) {
      const date = new Date(FRIDAY - back * 24 * HOUR).toISOString().slice(0, 10);
      expect(await db.feedDays.get(date), date).toBeDefined();
    }
    // The rest of the 90-day window follows, at most four runs an hour.
    expect(outcomes[1]).toMatchObject({ ok: true, more: true, followUpAt: clock + 15 * MINUTE });
    expect(await retryAlarm()).toBe(clock + 15 * MINUTE);
  });

  it('"Refresh now" as the very first run reads today and yesterday, and the backfill follows soon', async () => {
    await scheduler().trigger('manual');
    expect(server.asked).toEqual(['2026-11-27', '2026-11-26']);
    expect(outcomes[0]).toMatchObject({ ok: true, followUpAt: FRIDAY + 3 * MINUTE });
    expect(await retryAlarm()).toBe(FRIDAY + 3 * MINUTE);
  });

  it('runs one refresh at a time, however many triggers arrive together', async () => {
    const shared = scheduler();
    await Promise.all([shared.trigger('install'), shared.trigger('wake'), shared.trigger('startup')]);
    expect(outcomes).toHaveLength(1);
  });

  it('tells afterRun even when the refresh failed', async () => {
    server.fail['2026-11-27'] = 503;
    await scheduler().trigger('alarm');
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.ok).toBe(false);
  });
});

/** A settled extension: the backfill done, the last refresh `ago` and successful. */
async function settled(ago: number) {
  await setState(db, {
    lastRefreshStartedAt: FRIDAY - ago,
    lastRefreshFinishedAt: FRIDAY - ago + 5000,
    lastRefreshOkAt: FRIDAY - ago + 5000,
  });
}

describe('the interval', () => {
  it.each(['startup', 'popup', 'wake', 'alarm', 'retry', 'install'] satisfies Trigger[])(
    '%s 10 minutes after a refresh sends nothing',
    async (trigger) => {
      await settled(10 * MINUTE);
      const result = await scheduler().trigger(trigger);
      expect(result.decision).toMatchObject({ allowed: false, reason: 'interval', at: FRIDAY + 49 * MINUTE });
      expect(requests()).toBe(0);
      expect(outcomes).toEqual([]);
      expect((await getAllState(db)).nextRefreshAllowedAt).toBe(FRIDAY + 49 * MINUTE);
    },
  );

  it.each(['startup', 'popup', 'alarm'] satisfies Trigger[])(
    '%s an interval after a refresh refreshes',
    async (trigger) => {
      await settled(61 * MINUTE);
      await scheduler().trigger(trigger);
      expect(requests()).toBeGreaterThan(0);
    },
  );

  it('"Refresh now" re-reads today and yesterday at once, but at most once a minute', async () => {
    await settled(10 * MINUTE);
    const s = scheduler();
    expect((await s.trigger('manual')).decision.allowed).toBe(true);
    const sent = requests();
    expect(server.asked).toEqual(['2026-11-27', '2026-11-26']);
    clock += 30_000;
    expect((await s.trigger('manual')).decision).toMatchObject({
      allowed: false,
      reason: 'manual-limit',
      at: FRIDAY + MINUTE,
    });
    expect(requests()).toBe(sent);
  });
});

describe('failures', () => {
  it('back off 30 s, 1, 2, 4 minutes, whoever triggers: the popup opening does not skip it', async () => {
    server.fail['2026-11-27'] = 500;
    server.fail['2026-11-26'] = 500;
    const s = scheduler();
    await s.trigger('startup');
    const waits: number[] = [];
    for (let failure = 1; failure <= 4; failure++) {
      const retryAt = (await retryAlarm())!;
      waits.push(retryAt - clock);
      expect((await getAllState(db)).nextRefreshAllowedAt).toBe(retryAt);
      clock = retryAt - 1000;
      const sent = requests();
      expect((await s.trigger('popup')).decision.reason).toBe('backoff');
      expect(requests()).toBe(sent);
      clock = retryAt;
      await s.trigger('retry');
    }
    expect(waits).toEqual([30_000, MINUTE, 2 * MINUTE, 4 * MINUTE]);
  });

  it('after the failures, a success clears the backoff and the retry alarm', async () => {
    server.fail['2026-11-27'] = 500;
    await scheduler().trigger('startup');
    delete server.fail['2026-11-27'];
    clock += 30_000;
    await scheduler().trigger('retry');
    expect(await getAllState(db)).toMatchObject({ failedAttempts: 0, lastError: null });
  });

  it('429 with Retry-After: 3600: the popup, browser starts and alarms send nothing for an hour', async () => {
    server.fail['2026-11-27'] = { status: 429, headers: { 'retry-after': '3600' } };
    await scheduler().trigger('install');
    expect(requests()).toBe(1);
    expect(await retryAlarm()).toBe(FRIDAY + HOUR);
    for (const [offset, trigger] of [
      [MINUTE, 'popup'],
      [2 * MINUTE, 'startup'],
      [3 * MINUTE, 'wake'],
      [10 * MINUTE, 'popup'],
      [59 * MINUTE, 'alarm'],
      [59 * MINUTE, 'manual'],
    ] as const) {
      clock = FRIDAY + offset;
      // A fresh scheduler each time: a browser restart, a new worker.
      const result = await scheduler().trigger(trigger);
      expect(result.decision).toMatchObject({ allowed: false, reason: 'retry-after', at: FRIDAY + HOUR });
    }
    expect(requests()).toBe(1);
    clock = FRIDAY + HOUR;
    delete server.fail['2026-11-27'];
    await scheduler().trigger('retry');
    expect(requests()).toBeGreaterThan(1);
    expect((await getAllState(db)).retryNotBefore).toBe(0);
  });
});

describe('a worker waking up', () => {
  it('creates the periodic alarm at the refresh interval and sends nothing when not due', async () => {
    await settled(0);
    await scheduler().trigger('wake');
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toMatchObject({
      periodInMinutes: DEFAULT_SETTINGS.refreshIntervalMinutes,
    });
    expect(requests()).toBe(0);
  });

  it('sets the periodic alarm again when it is more than a period away (the clock was set back)', async () => {
    await fakeBrowser.alarms.create(REFRESH_ALARM, { periodInMinutes: 60, when: FRIDAY + 30 * 24 * HOUR });
    await settled(0);
    await scheduler().trigger('wake');
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))!.scheduledTime).toBeLessThanOrEqual(FRIDAY + HOUR);
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

  it('puts back a retry alarm the browser lost', async () => {
    server.fail['2026-11-27'] = 500;
    await scheduler().trigger('install');
    const retryAt = await retryAlarm();
    await fakeBrowser.alarms.clear(RETRY_ALARM);
    clock += 5000;
    await scheduler().trigger('wake');
    expect(await retryAlarm()).toBe(retryAt);
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
