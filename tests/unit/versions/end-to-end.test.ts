import { describe, expect, it } from 'vitest';
import {
  VersionFieldsSchema,
  checkVersions,
  dismissAlert,
  isCheckDue,
  outcomeOf,
  updatesFromRun,
  versionAlert,
  type LastCheckOutcome,
  type VersionFields,
} from '@/lib/versions';
import { arxivFixture } from './fixture';
import { atomResponse, fakeArxiv, fakeClock } from './fake-arxiv';

const HOUR = 3_600_000;

/** What the extension stores, as JSON: a worker restart keeps this and nothing else. */
interface Stored {
  bookmarks: ({ key: string; arxivId: string } & VersionFields)[];
  lastVersionCheckAt: number;
  lastVersionCheckOk: boolean;
  lastVersionCheckRetryAfterMs: number;
}

const restart = (stored: Stored): Stored => {
  const copy = JSON.parse(JSON.stringify(stored)) as Stored;
  copy.bookmarks = copy.bookmarks.map((b) => ({ ...b, ...VersionFieldsSchema.parse(b) }));
  return copy;
};

/** The alarm handler as lib/versions/index.ts describes it; returns the versions raised. */
async function wake(stored: Stored, clock: ReturnType<typeof fakeClock>, fetch: typeof globalThis.fetch) {
  const outcome: LastCheckOutcome = {
    ok: stored.lastVersionCheckOk,
    retryAfterMs: stored.lastVersionCheckRetryAfterMs,
  };
  if (!isCheckDue(stored.lastVersionCheckAt, outcome, clock.now())) return undefined;
  stored.lastVersionCheckAt = clock.now();
  stored.lastVersionCheckOk = false;
  const run = await checkVersions({ papers: stored.bookmarks, fetch, sleep: clock.sleep, now: clock.now });
  const raised: number[] = [];
  for (const update of updatesFromRun(stored.bookmarks, run)) {
    const bookmark = stored.bookmarks.find((b) => b.arxivId === update.arxivId)!;
    Object.assign(bookmark, update.fields);
    if (update.raised !== undefined) raised.push(update.raised);
  }
  const result = outcomeOf(run);
  stored.lastVersionCheckOk = result.ok;
  stored.lastVersionCheckRetryAfterMs = result.retryAfterMs ?? 0;
  return raised;
}

describe('a bookmark saved as v1 of a paper whose latest version is v3', () => {
  it('shows "v3 available" after the daily check, once', async () => {
    const clock = fakeClock(Date.parse('2026-12-01T06:00:00Z'));
    // arXiv answered from the fixture built on the API manual's example: 2410.17243 is at v3.
    const arxiv = fakeArxiv(() => atomResponse(arxivFixture('batch-two-entries.xml')), clock);
    let stored: Stored = {
      bookmarks: [
        { key: 'arxiv:2410.17243', arxivId: '2410.17243', savedVersion: 1 },
        { key: 'arxiv:hep-ex/0307015', arxivId: 'hep-ex/0307015' },
      ],
      lastVersionCheckAt: 0,
      lastVersionCheckOk: true,
      lastVersionCheckRetryAfterMs: 0,
    };
    const alerts = () => stored.bookmarks.map((b) => versionAlert(b.arxivId, b)?.text);
    const raisedEver: number[] = [];

    // Day 1: the first check raises v3 for the v1 bookmark; the one saved without a version gets a baseline.
    raisedEver.push(...((await wake(stored, clock, arxiv.fetch)) ?? []));
    expect(alerts()).toEqual(['v3 available', undefined]);
    expect(versionAlert('2410.17243', stored.bookmarks[0]!)?.url).toBe('https://arxiv.org/abs/2410.17243v3');

    // The worker restarts every hour that day: no request, nothing raised again, still shown.
    for (let hour = 1; hour < 24; hour++) {
      clock.advance(HOUR);
      stored = restart(stored);
      expect(await wake(stored, clock, arxiv.fetch)).toBeUndefined();
    }
    expect(arxiv.requests).toHaveLength(1);

    // Day 2: arXiv still says v3: no second alert.
    clock.advance(HOUR);
    raisedEver.push(...((await wake(stored, clock, arxiv.fetch)) ?? []));
    expect(arxiv.requests).toHaveLength(2);
    expect(alerts()).toEqual(['v3 available', undefined]);

    // The user dismisses it; day 3 and after a restart, it does not come back.
    stored.bookmarks[0] = { ...stored.bookmarks[0]!, ...dismissAlert(stored.bookmarks[0]!) };
    stored = restart(stored);
    clock.advance(25 * HOUR);
    raisedEver.push(...((await wake(stored, clock, arxiv.fetch)) ?? []));
    expect(alerts()).toEqual([undefined, undefined]);

    expect(raisedEver).toEqual([3]);
    expect(stored.bookmarks[0]).toMatchObject({ savedVersion: 1, latestVersion: 3, alertedVersion: 3 });
  });

  it('keeps its alert pending through a failed day and checks again the next', async () => {
    const clock = fakeClock(Date.parse('2026-12-01T06:00:00Z'));
    const arxiv = fakeArxiv(
      (_ids, index) =>
        index === 0 ? new Response('', { status: 503 }) : atomResponse(arxivFixture('batch-two-entries.xml')),
      clock,
    );
    const stored: Stored = {
      bookmarks: [{ key: 'arxiv:2410.17243', arxivId: '2410.17243', savedVersion: 1 }],
      lastVersionCheckAt: 0,
      lastVersionCheckOk: true,
      lastVersionCheckRetryAfterMs: 0,
    };
    expect(await wake(stored, clock, arxiv.fetch)).toEqual([]);
    expect(stored.lastVersionCheckOk).toBe(false);
    clock.advance(12 * HOUR);
    expect(await wake(stored, clock, arxiv.fetch)).toBeUndefined();
    clock.advance(12 * HOUR);
    expect(await wake(stored, clock, arxiv.fetch)).toEqual([3]);
    expect(stored.lastVersionCheckOk).toBe(true);
  });
});
