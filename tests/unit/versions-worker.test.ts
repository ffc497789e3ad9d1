import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { PaperRef } from '@/lib/paper/ref';
import { createBookmarkWriter } from '@/lib/storage/bookmarks';
import { PaperPulseDB } from '@/lib/storage/db';
import type { Bookmark } from '@/lib/storage/records';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { getState } from '@/lib/storage/state';
import { VERSION_CHECK_ALARM, versionAlert } from '@/lib/versions';
import { createVersionCheck, dismissVersionAlert } from '@/lib/worker/versions';
import { arxivFixture } from './versions/fixture';
import { atomFeed, atomResponse, fakeArxiv, fakeClock, ids } from './versions/fake-arxiv';

/**
 * The worker's version check (lib/worker/versions.ts) on a real database (fake-indexeddb), WXT's
 * fake alarms, and a fake export.arxiv.org serving the fixture built on the API manual's example
 * (tests/fixtures/arxiv/batch-two-entries.xml: 2410.17243 is at v3). A "restart" is a new check
 * object on the same database: nothing is kept in memory between them.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PAPER: PaperRef = {
  key: 'arxiv:2410.17243',
  site: 'arxiv',
  arxivId: '2410.17243',
  version: 1,
  title: 'Breaking the Memory Barrier',
};

let db: PaperPulseDB;
let clock: ReturnType<typeof fakeClock>;
let enabled: boolean;
let permitted: boolean;
/** What arXiv answers next; a test changes it to move the paper to v4 or take the server down. */
let answer: (ids: string[]) => Response | Promise<Response>;
let arxiv: ReturnType<typeof fakeArxiv>;

const writer = () => createBookmarkWriter({ db, now: clock.now, announce: async () => undefined });
const worker = () =>
  createVersionCheck({
    db,
    bookmarks: writer(),
    alarms: fakeBrowser.alarms,
    fetch: arxiv.fetch,
    sleep: clock.sleep,
    now: clock.now,
    settings: async () => ({ ...DEFAULT_SETTINGS, versionAlerts: enabled }),
    permitted: async () => permitted,
  });
/** An answer that arrives when the test says so. */
function held() {
  let release: (response: Response) => void = () => undefined;
  const response = new Promise<Response>((resolve) => (release = resolve));
  return { response, release: (value: Response) => release(value) };
}
const stored = async (key = PAPER.key) => (await db.bookmarks.get(key))!;
const shown = async (key = PAPER.key) => {
  const bookmark = await stored(key);
  return versionAlert(bookmark.arxivId!, bookmark)?.text;
};

beforeEach(() => {
  db = new PaperPulseDB('t-' + crypto.randomUUID());
  clock = fakeClock(Date.parse('2026-12-01T06:00:00Z'));
  enabled = true;
  permitted = true;
  answer = () => atomResponse(arxivFixture('batch-two-entries.xml'));
  arxiv = fakeArxiv((asked) => answer(asked), clock);
});
afterEach(async () => {
  await db.delete();
});

describe('a bookmark saved as v1 whose latest version on arXiv is v3', () => {
  it('is saved with its version, and shows "v3 available" after the daily check, raised once', async () => {
    await writer().set(PAPER, true);
    expect(await stored()).toMatchObject({ savedVersion: 1 });
    expect(await shown()).toBeUndefined();

    const run = await worker().check();
    expect(run?.ok).toBe(true);
    expect(arxiv.requests.map((request) => request.ids)).toEqual([['2410.17243']]);
    expect(await shown()).toBe('v3 available');
    expect(versionAlert('2410.17243', await stored())?.url).toBe('https://arxiv.org/abs/2410.17243v3');
    expect(await stored()).toMatchObject({ savedVersion: 1, latestVersion: 3 });

    // Restarts all day long: no request, the alert stays as it is until dismissed.
    for (let hour = 1; hour < 24; hour++) {
      clock.advance(HOUR);
      expect(await worker().check()).toBeUndefined();
    }
    expect(arxiv.requests).toHaveLength(1);
    expect(await shown()).toBe('v3 available');
  });

  it('once dismissed, never shows v3 again (later checks and restarts included); v4 alerts again', async () => {
    await writer().set(PAPER, true);
    await worker().check();
    expect(await shown()).toBe('v3 available');
    const before = await stored();

    await dismissVersionAlert(writer(), PAPER.key);
    expect(await shown()).toBeUndefined();
    // Not a user edit: the library's "updated" order does not move.
    expect((await stored()).updatedAt).toBe(before.updatedAt);

    for (let day = 1; day <= 3; day++) {
      clock.advance(DAY);
      expect((await worker().check())?.ok).toBe(true);
      expect(await shown()).toBeUndefined();
    }
    expect(arxiv.requests).toHaveLength(4);

    answer = () => atomResponse(atomFeed(['2410.17243v4']));
    clock.advance(DAY);
    await worker().check();
    expect(await shown()).toBe('v4 available');
    expect(versionAlert('2410.17243', await stored())?.url).toBe('https://arxiv.org/abs/2410.17243v4');
  });

  it('keeps a dismissal the user made while the run was waiting for arXiv', async () => {
    await writer().set(PAPER, true);
    await worker().check();
    clock.advance(DAY);
    const gate = held();
    answer = () => gate.response;
    const pending = worker().check();
    await expect.poll(() => arxiv.requests.length).toBe(2);
    // The run has read the library and is waiting for arXiv; the user dismisses meanwhile.
    await dismissVersionAlert(writer(), PAPER.key);
    gate.release(atomResponse(arxivFixture('batch-two-entries.xml')));
    expect((await pending)?.ok).toBe(true);
    expect(await shown()).toBeUndefined();
  });

  it('a paper saved without a version gets a silent baseline, not an alert', async () => {
    await writer().set({ ...PAPER, version: undefined }, true);
    expect((await stored()).savedVersion).toBeUndefined();
    await worker().check();
    expect(await stored()).toMatchObject({ latestVersion: 3, alertedVersion: 3 });
    expect(await shown()).toBeUndefined();
  });
});

describe('failures', () => {
  it('are retried the next day, not sooner, and then alert', async () => {
    await writer().set(PAPER, true);
    answer = () => new Response('busy', { status: 503 });
    const failed = await worker().check();
    expect(failed?.ok).toBe(false);
    expect(await getState(db, 'lastVersionCheckOk')).toBe(false);
    expect(await shown()).toBeUndefined();

    answer = () => atomResponse(arxivFixture('batch-two-entries.xml'));
    for (let hour = 1; hour < 24; hour++) {
      clock.advance(HOUR);
      expect(await worker().check()).toBeUndefined();
    }
    expect(arxiv.requests).toHaveLength(1);

    clock.advance(HOUR);
    expect((await worker().check())?.ok).toBe(true);
    expect(arxiv.requests).toHaveLength(2);
    expect(await getState(db, 'lastVersionCheckOk')).toBe(true);
    expect(await shown()).toBe('v3 available');
  });

  it('count a run cut off by the worker stopping as the day’s attempt', async () => {
    await writer().set(PAPER, true);
    const gate = held();
    answer = () => gate.response;
    const cutOff = worker().check();
    await expect.poll(() => arxiv.requests.length).toBe(1);
    // The worker stops here; what is stored says a run started today and did not end well.
    expect(await getState(db, 'lastVersionCheckAt')).toBe(clock.now());
    expect(await getState(db, 'lastVersionCheckOk')).toBe(false);
    clock.advance(HOUR);
    expect(await worker().check()).toBeUndefined();
    expect(arxiv.requests).toHaveLength(1);
    gate.release(new Response('', { status: 503 }));
    await cutOff;
  });

  it('wait for a Retry-After longer than a day', async () => {
    await writer().set(PAPER, true);
    answer = () => new Response('slow down', { status: 429, headers: { 'retry-after': String(2 * 86_400) } });
    await worker().check();
    expect(await getState(db, 'lastVersionCheckRetryAfterMs')).toBe(2 * DAY);
    answer = () => atomResponse(arxivFixture('batch-two-entries.xml'));
    clock.advance(DAY + HOUR);
    expect(await worker().check()).toBeUndefined();
    clock.advance(DAY);
    expect((await worker().check())?.ok).toBe(true);
  });
});

describe('politeness', () => {
  it('asks at most 100 ids a request, one request at a time, at least 3 s apart', async () => {
    const many = ids(250);
    await db.bookmarks.bulkAdd(
      many.map((arxivId): Bookmark => ({
        key: `arxiv:${arxivId}`,
        arxivId,
        title: arxivId,
        authors: [],
        tags: [],
        note: '',
        read: false,
        addedAt: clock.now(),
        updatedAt: clock.now(),
        savedVersion: 1,
      })),
    );
    answer = (asked) => atomResponse(atomFeed(asked.map((id) => `${id}v2`)));
    const run = await worker().check();
    expect(run?.ok).toBe(true);
    expect(arxiv.requests.map((request) => request.ids.length)).toEqual([100, 100, 50]);
    expect(new Set(arxiv.requests.flatMap((request) => request.ids))).toEqual(new Set(many));
    expect(arxiv.maxInFlight()).toBe(1);
    const starts = arxiv.requests.map((request) => request.startedAt);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(3_000);
    expect(await shown(`arxiv:${many[249]}`)).toBe('v2 available');
  });

  it('runs one check at a time: a wake during a run waits for it', async () => {
    await writer().set(PAPER, true);
    const check = worker();
    const [first, second] = await Promise.all([check.check(), check.check()]);
    expect(first).toBe(second);
    expect(arxiv.requests).toHaveLength(1);
  });

  it('asks only about bookmarks with a canonical arXiv id', async () => {
    await writer().set(PAPER, true);
    await writer().set(
      { key: 'doi:10.1101/2021.08.03.454978', site: 'biorxiv', title: 'A bioRxiv paper' },
      true,
    );
    await db.bookmarks.put({ ...(await stored()), key: 'arxiv:odd', arxivId: '2410.17243v2&x=1' });
    await worker().check();
    expect(arxiv.requests.map((request) => request.ids)).toEqual([['2410.17243']]);
  });
});

describe('the alarm', () => {
  it('is kept while the option is on and permitted, and cleared when either goes', async () => {
    await worker().check();
    const alarm = await fakeBrowser.alarms.get(VERSION_CHECK_ALARM);
    expect(alarm?.periodInMinutes).toBe(60);
    // Ensured, not re-created: a wake does not push the next one back.
    await worker().check();
    expect((await fakeBrowser.alarms.get(VERSION_CHECK_ALARM))?.scheduledTime).toBe(alarm?.scheduledTime);

    permitted = false;
    clock.advance(DAY);
    expect(await worker().check()).toBeUndefined();
    expect(await fakeBrowser.alarms.get(VERSION_CHECK_ALARM)).toBeUndefined();

    permitted = true;
    await worker().check();
    expect(await fakeBrowser.alarms.get(VERSION_CHECK_ALARM)).toBeDefined();
    enabled = false;
    clock.advance(DAY);
    expect(await worker().check()).toBeUndefined();
    expect(await fakeBrowser.alarms.get(VERSION_CHECK_ALARM)).toBeUndefined();
  });

  it('sends nothing while the option is off or the permission is missing', async () => {
    await writer().set(PAPER, true);
    enabled = false;
    await worker().check();
    enabled = true;
    permitted = false;
    await worker().check();
    expect(arxiv.requests).toEqual([]);
    expect(await shown()).toBeUndefined();
  });
});

describe('dismissing', () => {
  it('refuses a key that is not a bookmark', async () => {
    await expect(dismissVersionAlert(writer(), 'arxiv:2411.00001')).rejects.toThrow(/not bookmarked/);
  });
});
