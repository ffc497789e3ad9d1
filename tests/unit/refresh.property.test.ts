import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DAY,
  HEALTHY_START_MS,
  WEEK,
  busiestWindow,
  runWorld,
  type Fault,
  type RetryAfter,
  type WorldConfig,
  type WorldEvent,
  type WorldReport,
} from './support/refresh-world';

/**
 * The refresh gate's bounds, as a property of the real scheduler over simulated weeks of random
 * upstream behaviour (see support/refresh-world.ts). `npm run test:stress` runs many more weeks.
 */
const WEEKS = Number(process.env.PAPERPULSE_STRESS_WEEKS ?? 3);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const retryAfter: fc.Arbitrary<RetryAfter> = fc.oneof(
  fc.constant({ kind: 'absent' } as const),
  fc.record({ kind: fc.constant('seconds' as const), seconds: fc.integer({ min: 0, max: 7200 }) }),
  fc.record({ kind: fc.constant('date' as const), seconds: fc.integer({ min: -600, max: 3 * 86_400 }) }),
  fc.record({
    kind: fc.constant('raw' as const),
    value: fc.constantFrom(
      '9'.repeat(400),
      '-5',
      'soon',
      '1.5',
      '',
      'Fri, 01 Jan 2100 00:00:00 GMT',
      '86400',
    ),
  }),
);

const fault: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({
    kind: fc.constant('status' as const),
    status: fc.constantFrom(500 as const, 502 as const, 503 as const),
  }),
  fc.record({ kind: fc.constant('rate-limited' as const), retryAfter }),
  fc.constant({ kind: 'timeout' } as const),
  fc.constant({ kind: 'offline' } as const),
  fc.record({ kind: fc.constant('slow' as const), seconds: fc.integer({ min: 1, max: 14 }) }),
  fc.record({
    kind: fc.constant('malformed' as const),
    body: fc.constantFrom('html' as const, 'object' as const, 'unreadable-items' as const),
  }),
  fc.constant({ kind: 'empty' } as const),
);

const at = fc.integer({ min: 0, max: WEEK - 1 });
const event: fc.Arbitrary<WorldEvent> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ at, kind: fc.constant('popup' as const) }) },
  { weight: 1, arbitrary: fc.record({ at, kind: fc.constant('manual' as const) }) },
  { weight: 2, arbitrary: fc.record({ at, kind: fc.constant('browser-start' as const) }) },
  { weight: 2, arbitrary: fc.record({ at, kind: fc.constant('worker-restart' as const) }) },
  { weight: 2, arbitrary: fc.record({ at, kind: fc.constant('stop-mid-request' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      at,
      kind: fc.constant('clock-jump' as const),
      jumpMs: fc.integer({ min: -2 * DAY, max: 2 * DAY }),
    }),
  },
  {
    // Mostly in the first hours, while the retention window fills and runs use their whole budget.
    weight: 2,
    arbitrary: fc.record({
      at: fc.oneof(fc.integer({ min: 0, max: 4 * HOUR }), at),
      kind: fc.constant('burst' as const),
      trigger: fc.constantFrom('popup' as const, 'manual' as const),
      everyMs: fc.integer({ min: 5_000, max: 90_000 }),
      count: fc.integer({ min: 2, max: 60 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      at,
      kind: fc.constant('browser-closed' as const),
      lengthMs: fc.integer({ min: MINUTE, max: 30 * HOUR }),
    }),
  },
);

const world: fc.Arbitrary<WorldConfig> = fc.record({
  // Any moment of a few weeks: weekdays, weekends and every hour of the day.
  start: fc.integer({ min: Date.parse('2026-11-02T00:00:00Z'), max: Date.parse('2026-11-30T00:00:00Z') }),
  seed: fc.integer(),
  faultRate: fc.double({ min: 0, max: 0.4, noNaN: true }),
  strayFaults: fc.array(fault, { maxLength: 4 }),
  outages: fc.array(fc.record({ at, lengthMs: fc.integer({ min: MINUTE, max: 30 * HOUR }), fault }), {
    maxLength: 4,
  }),
  events: fc.array(event, { maxLength: 60 }),
  healthyStart: fc.boolean(),
});

const figures = {
  weeks: 0,
  requests: 0,
  most5min: 0,
  mostDay: 0,
  slowestInstallMs: 0,
  healthyInstalls: 0,
  injected: {} as Record<string, number>,
};

afterAll(() => {
  console.info(
    `refresh property: ${figures.weeks} simulated weeks, ${figures.requests} requests;` +
      ` busiest 5 minutes ${figures.most5min}, busiest 24 h ${figures.mostDay};` +
      ` ${figures.healthyInstalls} healthy installs, backfill done within ${Math.round(figures.slowestInstallMs / 1000)} s at worst;` +
      ` injected: ${Object.entries(figures.injected)
        .map(([what, times]) => `${what} ${times}`)
        .join(', ')}`,
  );
});

function assertBounds(config: WorldConfig, report: WorldReport) {
  const times = report.requests.map((request) => request.at);
  const most5min = busiestWindow(times, 5 * MINUTE);
  const mostDay = busiestWindow(times, DAY);
  figures.weeks++;
  figures.requests += times.length;
  for (const [what, times] of Object.entries(report.injected))
    figures.injected[what] = (figures.injected[what] ?? 0) + times;
  figures.most5min = Math.max(figures.most5min, most5min);
  figures.mostDay = Math.max(figures.mostDay, mostDay);
  expect(most5min, 'requests in any 5 minutes').toBeLessThanOrEqual(30);
  expect(mostDay, 'requests in any 24 hours').toBeLessThanOrEqual(300);
  expect(report.future, 'days asked after the server’s today').toEqual([]);
  expect(report.emptied, 'days stored with papers, then empty').toEqual([]);
  if (config.healthyStart) {
    figures.healthyInstalls++;
    figures.slowestInstallMs = Math.max(figures.slowestInstallMs, report.installDoneAfterMs ?? Infinity);
    expect(report.installDoneAfterMs, 'install backfill done').toBeLessThanOrEqual(
      HEALTHY_START_MS - 5 * MINUTE,
    );
  }
  expect(report.currentAtEnd, 'the feed is current after a healthy day').toBe(true);
}

describe('the refresh gate over simulated weeks', () => {
  it(
    `keeps every bound whatever Hugging Face answers (${WEEKS} weeks)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(world, async (config) => assertBounds(config, await runWorld(config))),
        { numRuns: WEEKS, endOnFailure: true },
      );
    },
    WEEKS * 60_000,
  );

  it('a quiet week: the install backfill in minutes, then a few requests an hour', async () => {
    const config: WorldConfig = {
      start: Date.parse('2026-11-23T09:30:00Z'),
      seed: 7,
      faultRate: 0,
      strayFaults: [],
      outages: [],
      events: [],
      healthyStart: true,
    };
    const report = await runWorld(config);
    assertBounds(config, report);
    expect(report.installDoneAfterMs).toBeLessThanOrEqual(5 * MINUTE);
    // The 90-day window fills on the first day; after that, today and yesterday each hour, and
    // the five other days of the week every six hours.
    const lastDay = report.requests.filter((request) => request.at >= config.start + 6 * DAY);
    expect(lastDay.length).toBeLessThanOrEqual(2 * 25 + 5 * 5 + 10);
  }, 60_000);
});
