/**
 * A simulated week for the refresh scheduler: the real createScheduler on fake-indexeddb, alarms
 * that fire at their scheduled time on a simulated local clock, and a Daily Papers server on the
 * true clock whose behaviour the test draws at random (outages, 429s with any Retry-After, 500s,
 * timeouts, slow and malformed answers, empty days), plus popups, "Refresh now", browser starts and
 * closures, worker restarts (a fresh scheduler on the same database) and workers stopped in the middle
 * of a request (the run in flight is abandoned, never resumed), and clock jumps either way.
 */

import { addDays, utcDay } from '@/lib/dates';
import { PaperPulseDB } from '@/lib/storage/db';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import {
  REFRESH_ALARM,
  createScheduler,
  type Alarms,
  type Scheduler,
  type Trigger,
} from '@/lib/worker/scheduler';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

export type RetryAfter =
  | { kind: 'absent' }
  | { kind: 'seconds'; seconds: number }
  | { kind: 'date'; seconds: number }
  | { kind: 'raw'; value: string };

export type Fault =
  | { kind: 'status'; status: 500 | 502 | 503 }
  | { kind: 'rate-limited'; retryAfter: RetryAfter }
  | { kind: 'timeout' }
  | { kind: 'offline' }
  | { kind: 'slow'; seconds: number }
  | { kind: 'malformed'; body: 'html' | 'object' | 'unreadable-items' }
  | { kind: 'empty' };

/** Every request in [at, at + lengthMs) of true time gets `fault`. */
export interface Outage {
  at: number;
  lengthMs: number;
  fault: Fault;
}

export type WorldEvent =
  | { at: number; kind: 'popup' | 'manual' | 'browser-start' | 'worker-restart' | 'stop-mid-request' }
  | { at: number; kind: 'clock-jump'; jumpMs: number }
  | { at: number; kind: 'browser-closed'; lengthMs: number }
  /** A user opening the popup, or pressing "Refresh now", again and again. */
  | { at: number; kind: 'burst'; trigger: 'popup' | 'manual'; everyMs: number; count: number };

export interface WorldConfig {
  /** Install time, true clock. */
  start: number;
  /** Seeds the feed's contents and the stray faults. */
  seed: number;
  /** Share of requests outside outages that get a stray fault. */
  faultRate: number;
  strayFaults: Fault[];
  outages: Outage[];
  events: WorldEvent[];
  /** No fault and no event but popups in the first minutes: the install backfill's bound applies. */
  healthyStart: boolean;
}

/** The last 26 hours are healthy, after a browser start: the feed must be current at the end. */
export const HEALTHY_TAIL_MS = 26 * HOUR;
export const HEALTHY_START_MS = 15 * MINUTE;

export interface WorldReport {
  /** True time of every request the server received, and the day it asked. */
  requests: { at: number; date: string }[];
  /** Days asked after the server's today at the time. */
  future: string[];
  /** Days that had papers and were later stored empty. */
  emptied: string[];
  /** When the install backfill (today back to 14 days before the latest day with papers) was all stored. */
  installDoneAfterMs?: number;
  /** At the end: the day before the last was stored after the faults ended. */
  currentAtEnd: boolean;
  workerStarts: number;
  runs: number;
  /** How often each fault was answered and each event happened. */
  injected: Record<string, number>;
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Papers a day has in all: a few dozen on weekdays, now and then over a page, none at weekends. */
function dayTotal(date: string, seed: number): number {
  let hash = seed;
  for (const char of date) hash = Math.imul(hash ^ char.charCodeAt(0), 16_777_619);
  const random = mulberry32(hash);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return random() < 0.1 ? 1 : 0;
  return random() < 0.06 ? 101 + Math.floor(random() * 80) : 3 + Math.floor(random() * 40);
}

function paperItems(date: string, count: number) {
  const prefix = `${date.slice(2, 4)}${date.slice(5, 7)}.${date.slice(8, 10)}`;
  return Array.from({ length: count }, (_, i) => {
    const id = `${prefix}${String(i).padStart(3, '0')}`;
    return { paper: { id, title: `Paper ${id}`, upvotes: count - i }, title: `Paper ${id}`, numComments: 0 };
  });
}

/** Alarms on the local clock, like the browser's; `when` at least 30 s ahead, as Chrome does. */
class SimAlarms implements Alarms {
  readonly scheduled = new Map<string, { name: string; scheduledTime: number; periodInMinutes?: number }>();
  constructor(private readonly local: () => number) {}
  async get(name: string) {
    const alarm = this.scheduled.get(name);
    return alarm && { ...alarm };
  }
  create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }) {
    const when = info.when ?? this.local() + (info.delayInMinutes ?? info.periodInMinutes ?? 0) * MINUTE;
    this.scheduled.set(name, {
      name,
      scheduledTime: Math.max(when, this.local() + 30 * SECOND),
      periodInMinutes: info.periodInMinutes,
    });
  }
  async clear(name: string) {
    return this.scheduled.delete(name);
  }
  next() {
    let next: { name: string; scheduledTime: number; periodInMinutes?: number } | undefined;
    for (const alarm of this.scheduled.values())
      if (!next || alarm.scheduledTime < next.scheduledTime) next = alarm;
    return next;
  }
}

function retryAfterHeader(retryAfter: RetryAfter, now: number): Record<string, string> {
  switch (retryAfter.kind) {
    case 'absent':
      return {};
    case 'seconds':
      return { 'retry-after': String(retryAfter.seconds) };
    case 'date':
      return { 'retry-after': new Date(now + retryAfter.seconds * SECOND).toUTCString() };
    case 'raw':
      return { 'retry-after': retryAfter.value };
  }
}

export async function runWorld(config: WorldConfig, durationMs = WEEK): Promise<WorldReport> {
  const db = new PaperPulseDB(`world-${crypto.randomUUID()}`);
  const end = config.start + durationMs;
  const tailStart = end - HEALTHY_TAIL_MS;
  let trueNow = config.start;
  let skew = 0;
  const local = () => trueNow + skew;
  const alarms = new SimAlarms(local);
  const random = mulberry32(config.seed);
  const report: WorldReport = {
    requests: [],
    future: [],
    emptied: [],
    currentAtEnd: false,
    workerStarts: 0,
    runs: 0,
    injected: {},
  };
  const count = (what: string) => void (report.injected[what] = (report.injected[what] ?? 0) + 1);
  /** Set by a `stop-mid-request` event: the next request's worker is stopped while it is out. */
  let stopNextRequest = false;

  const healthyAt = (time: number) =>
    time >= tailStart || (config.healthyStart && time < config.start + HEALTHY_START_MS);
  const faultAt = (time: number): Fault | undefined => {
    if (healthyAt(time)) return undefined;
    const outage = config.outages.find(
      (o) => time >= config.start + o.at && time < config.start + o.at + o.lengthMs,
    );
    if (outage) return outage.fault;
    if (config.strayFaults.length && random() < config.faultRate)
      return config.strayFaults[Math.floor(random() * config.strayFaults.length)];
    return undefined;
  };
  const visible = (date: string, time: number) => {
    const today = utcDay(time);
    const total = dayTotal(date, config.seed);
    if (date < today) return total;
    return Math.floor((total * (time - Date.parse(`${today}T00:00:00Z`))) / DAY);
  };

  /** The server, on the true clock. */
  async function serve(url: URL): Promise<Response> {
    const date = url.searchParams.get('date') ?? '';
    const page = Number(url.searchParams.get('p') ?? 0);
    const fault = faultAt(trueNow);
    if (fault)
      count(
        fault.kind === 'status' ? String(fault.status) : fault.kind === 'rate-limited' ? '429' : fault.kind,
      );
    if (fault?.kind === 'timeout') {
      trueNow += 15 * SECOND;
      throw new DOMException('The operation timed out.', 'TimeoutError');
    }
    if (fault?.kind === 'offline') throw new TypeError('Failed to fetch');
    if (fault?.kind === 'slow') trueNow += fault.seconds * SECOND;
    const headers = { 'content-type': 'application/json', date: new Date(trueNow).toUTCString() };
    const answer = (status: number, body: string, extra: Record<string, string> = {}) =>
      new Response(body, { status, headers: { ...headers, ...extra } });
    if (date > utcDay(trueNow)) return answer(400, '{"error":"Invalid date"}');
    if (fault?.kind === 'status') return answer(fault.status, 'Internal Error');
    if (fault?.kind === 'rate-limited')
      return answer(429, 'Too Many Requests', retryAfterHeader(fault.retryAfter, trueNow));
    if (fault?.kind === 'malformed') {
      if (fault.body === 'html') return answer(200, '<!doctype html><title>Maintenance</title>');
      if (fault.body === 'object') return answer(200, '{"error":"Invalid date"}');
      return answer(200, JSON.stringify([{ paper: { title: 'no id' } }, { entry: {} }]));
    }
    const items = fault?.kind === 'empty' ? [] : paperItems(date, visible(date, trueNow));
    return answer(200, JSON.stringify(items.slice(page * 100, (page + 1) * 100)));
  }

  interface Worker {
    scheduler: Scheduler;
    alive: boolean;
    /** Resolves when the worker is stopped (its run in flight is abandoned). */
    stopped: Promise<'stopped'>;
    stop(): void;
  }
  let worker: Worker | undefined;
  const never = () => new Promise<Response>(() => undefined);

  function startWorker(): Worker {
    let resolveStopped!: (value: 'stopped') => void;
    const self: Worker = {
      scheduler: undefined as unknown as Scheduler,
      alive: true,
      stopped: new Promise((resolve) => (resolveStopped = resolve)),
      stop() {
        self.alive = false;
        resolveStopped('stopped');
      },
    };
    const fetch = (async (input: RequestInfo | URL) => {
      // A stopped worker sends nothing and hears nothing back.
      if (!self.alive) return never();
      const url = new URL(String(input));
      const date = url.searchParams.get('date') ?? '';
      report.requests.push({ at: trueNow, date });
      if (date > utcDay(trueNow)) report.future.push(date);
      if (stopNextRequest) {
        // The browser stops the worker while this request is out: it was sent, never answered.
        stopNextRequest = false;
        count('worker stopped mid-request');
        self.stop();
        return never();
      }
      return serve(url);
    }) as typeof globalThis.fetch;
    self.scheduler = createScheduler({
      db,
      alarms,
      fetch,
      now: local,
      settings: async () => DEFAULT_SETTINGS,
      afterRun: async () => void report.runs++,
    });
    report.workerStarts++;
    return self;
  }

  /**
   * Delivers a browser event to the worker, starting one when none runs (a new worker always
   * runs `wake` first, as the background's main does). Returns when its work is done or the
   * worker was stopped in the middle of it.
   */
  async function deliver(...triggers: Trigger[]) {
    let current = worker?.alive ? worker : undefined;
    let all = triggers;
    if (!current) {
      current = worker = startWorker();
      if (!all.includes('wake')) all = ['wake', ...all];
    }
    const { scheduler, stopped } = current;
    const work = Promise.all(all.map((trigger) => scheduler.trigger(trigger)));
    if ((await Promise.race([work.then(() => 'done' as const), stopped])) === 'stopped') worker = undefined;
  }

  const everNonEmpty = new Set<string>();
  const installDates = () => {
    const today = utcDay(config.start);
    let anchor = today;
    for (let back = 0; back < 30; back++) {
      const date = addDays(today, -back);
      if (visible(date, config.start) > 0) {
        anchor = date;
        break;
      }
    }
    const dates: string[] = [];
    for (let date = today; date >= addDays(anchor, -14); date = addDays(date, -1)) dates.push(date);
    return dates;
  };
  const wantedAtInstall = installDates();
  async function check() {
    const days = await db.feedDays.toArray();
    for (const day of days) {
      if (day.paperIds.length > 0) everNonEmpty.add(day.date);
      else if (everNonEmpty.has(day.date) && !report.emptied.includes(day.date))
        report.emptied.push(day.date);
    }
    if (report.installDoneAfterMs === undefined) {
      const stored = new Set(days.map((day) => day.date));
      if (wantedAtInstall.every((date) => stored.has(date)))
        report.installDoneAfterMs = trueNow - config.start;
    }
  }

  const expanded = config.events.flatMap((event): WorldEvent[] =>
    event.kind === 'burst'
      ? Array.from({ length: event.count }, (_, i) => ({
          at: event.at + i * event.everyMs,
          kind: event.trigger,
        }))
      : [event],
  );
  const events = [...expanded, { at: tailStart - config.start, kind: 'browser-start' as const }]
    .filter((event) => event.at >= 0 && event.at < durationMs)
    .filter((event) => config.start + event.at < tailStart || event.at === tailStart - config.start)
    .filter((event) => !config.healthyStart || event.at >= HEALTHY_START_MS || event.kind === 'popup')
    .sort((a, b) => a.at - b.at);

  try {
    await deliver('install', 'wake');
    await check();
    let next = 0;
    for (;;) {
      const alarm = alarms.next();
      const alarmAt = alarm ? alarm.scheduledTime - skew : Infinity;
      const event = events[next];
      const eventAt = event ? config.start + event.at : Infinity;
      const at = Math.min(alarmAt, eventAt);
      if (at >= end) break;
      trueNow = Math.max(trueNow, at);
      if (alarm && alarmAt <= eventAt) {
        if (alarm.periodInMinutes) alarm.scheduledTime = local() + alarm.periodInMinutes * MINUTE;
        else alarms.scheduled.delete(alarm.name);
        await deliver(alarm.name === REFRESH_ALARM ? 'alarm' : 'retry');
      } else if (event) {
        next++;
        if (event.kind !== 'stop-mid-request') count(event.kind);
        switch (event.kind) {
          case 'popup':
          case 'manual':
            await deliver(event.kind);
            break;
          case 'burst':
            break;
          case 'worker-restart':
            worker?.stop();
            worker = undefined;
            break;
          case 'stop-mid-request':
            stopNextRequest = true;
            break;
          case 'clock-jump':
            skew += event.jumpMs;
            break;
          case 'browser-closed':
          case 'browser-start':
            worker?.stop();
            worker = undefined;
            if (event.kind === 'browser-closed') {
              // Closed for a while: nothing runs, then the browser starts again.
              trueNow = Math.min(trueNow + event.lengthMs, tailStart);
              while (events[next] && config.start + events[next]!.at < trueNow) next++;
            }
            // Chrome may lose alarms across a restart.
            if (random() < 0.3) alarms.scheduled.clear();
            stopNextRequest = false;
            await deliver('startup', 'wake');
            break;
        }
      }
      await check();
    }
    const lastFullDay = utcDay(end - 2 * HOUR);
    const day = await db.feedDays.get(lastFullDay);
    report.currentAtEnd = !!day && day.fetchedAt >= end - 3 * HOUR;
    return report;
  } finally {
    worker?.stop();
    db.close();
    await db.delete();
  }
}

/** Most requests in any window of `windowMs` (true time). */
export function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}
