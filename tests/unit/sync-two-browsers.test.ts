import { afterEach, describe, expect, it } from 'vitest';
import type { BookmarkChanged } from '@/lib/messaging/events';
import type { PaperRef } from '@/lib/paper/ref';
import { createBookmarkWriter } from '@/lib/storage/bookmarks';
import { PaperPulseDB } from '@/lib/storage/db';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '@/lib/storage/settings';
import { createSyncLibrary } from '@/lib/storage/sync-library';
import { parseSyncStatus, SYNC_STATUS_KEY } from '@/lib/storage/sync-state';
import type { SyncOutcome } from '@/lib/sync/engine';
import { createBookmarkSync, SYNC_ALARM, SYNC_DEBOUNCE_MS, SYNC_RETRY_ALARM } from '@/lib/worker/sync';
import { FakeSyncService, type FakeArea } from './sync/fake-sync-service';

/**
 * Two PaperPulse installs, each with its own database, storage areas and worker sync glue, and one
 * sync service between their storage.sync areas (tests/unit/sync/fake-sync-service.ts: uploads,
 * downloads, offline periods, Chrome's quotas). Everything above the areas is the real code: the
 * bookmark writer, the Dexie LocalLibrary, lib/worker/sync.ts and the engine.
 */

/** A key-value area (storage.local / storage.session) of one install. */
class MemoryArea {
  readonly items = new Map<string, unknown>();
  async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === null ? [...this.items.keys()] : typeof keys === 'string' ? [keys] : keys;
    return Object.fromEntries(
      wanted.filter((key) => this.items.has(key)).map((key) => [key, structuredClone(this.items.get(key))]),
    );
  }
  async set(items: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(items)) this.items.set(key, structuredClone(value));
  }
  async remove(keys: string | string[]): Promise<void> {
    for (const key of typeof keys === 'string' ? [keys] : keys) this.items.delete(key);
  }
}

class MemoryAlarms {
  readonly alarms = new Map<string, { name: string; scheduledTime: number; periodInMinutes?: number }>();
  constructor(private readonly now: () => number) {}
  async get(name: string) {
    return this.alarms.get(name);
  }
  create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }) {
    const scheduledTime = info.when ?? this.now() + (info.delayInMinutes ?? 0) * 60_000;
    this.alarms.set(name, {
      name,
      scheduledTime,
      ...(info.periodInMinutes ? { periodInMinutes: info.periodInMinutes } : {}),
    });
  }
  async clear(name: string) {
    return this.alarms.delete(name);
  }
}

const START = Date.parse('2026-12-01T09:00:00Z');
const ref = (id: string, title = `Paper ${id}`): PaperRef => ({
  key: `arxiv:${id}`,
  site: 'arxiv',
  arxivId: id,
  title,
  authors: [`Author of ${id}`],
});

class Install {
  readonly db = new PaperPulseDB('t-' + crypto.randomUUID());
  readonly local = new MemoryArea();
  readonly session = new MemoryArea();
  readonly alarms: MemoryAlarms;
  readonly told: BookmarkChanged[] = [];
  readonly errors: unknown[] = [];
  readonly timers = new Set<() => void>();
  readonly outcomes: SyncOutcome[] = [];
  enabled = true;
  readonly writer;
  readonly sync;

  constructor(
    readonly world: World,
    readonly replicaId: string,
    readonly area: FakeArea,
  ) {
    const now = () => world.time;
    this.alarms = new MemoryAlarms(now);
    const announce = async (events: BookmarkChanged[]) => void this.told.push(...events);
    this.sync = createBookmarkSync({
      local: createSyncLibrary(this.db, now),
      area,
      session: this.session,
      store: this.local,
      alarms: this.alarms,
      now,
      enabled: async () => this.enabled,
      replicaId: async () => replicaId,
      announce,
      log: (error) => this.errors.push(error),
      later: (task) => {
        this.timers.add(task);
        return () => this.timers.delete(task);
      },
    });
    this.writer = createBookmarkWriter({
      db: this.db,
      now,
      announce,
      replicaId: async () => replicaId,
      written: this.sync.localChanged,
    });
  }

  async syncNow(): Promise<SyncOutcome> {
    this.area.changed = false;
    const outcome = (await this.sync.run())!;
    this.outcomes.push(outcome);
    return outcome;
  }

  /** The synced fields of every row, by key. */
  async library() {
    const rows = await this.db.bookmarks.toArray();
    return Object.fromEntries(
      rows.map(({ key, title, arxivId, doi, tags, note, read, addedAt }) => [
        key,
        { title, arxivId, doi, tags: [...tags].sort(), note, read, addedAt },
      ]),
    );
  }

  async status() {
    return parseSyncStatus((await this.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY]);
  }
}

class World {
  time = START;
  readonly service = new FakeSyncService(() => this.time);
  readonly laptop = new Install(this, 'laptop01', this.service.area('laptop'));
  readonly desktop = new Install(this, 'desktop1', this.service.area('desktop'));
  readonly installs = [this.laptop, this.desktop];

  advance(ms: number) {
    this.time += ms;
  }

  /** The network and both installs' syncs, until nothing is written and nothing moves. */
  async settle(maxRounds = 10): Promise<void> {
    for (let round = 0; round < maxRounds; round++) {
      this.service.flush();
      let busy = false;
      let retryAt = 0;
      for (const install of this.installs) {
        const outcome = await install.syncNow();
        if (outcome.written.length) busy = true;
        if (outcome.status === 'deferred' || outcome.status === 'failed')
          retryAt = Math.max(retryAt, outcome.retryAt ?? this.time);
      }
      this.advance(Math.max(2_000, retryAt - this.time));
      if (!busy && !retryAt && this.service.idle() && this.installs.every((install) => !install.area.changed))
        return;
    }
    throw new Error('the two installs did not settle');
  }

  async expectConverged() {
    expect(await this.desktop.library()).toEqual(await this.laptop.library());
  }
}

let world: World;
afterEach(async () => {
  for (const install of world.installs) {
    expect(install.errors).toEqual([]);
    await install.db.delete();
  }
});

describe('two PaperPulse installs syncing through storage.sync', () => {
  it('merge their libraries on first sync, keep local-only fields, and tell open tabs', async () => {
    world = new World();
    const { laptop, desktop } = world;
    await laptop.writer.set(ref('2410.00001'), true);
    await laptop.writer.update('arxiv:2410.00001', { note: 'laptop note', tags: ['vision'] });
    await desktop.writer.set(ref('2410.00002'), true);
    await desktop.writer.set(ref('2410.00001'), true);
    await world.settle();
    await world.expectConverged();
    expect(Object.keys(await laptop.library()).sort()).toEqual(['arxiv:2410.00001', 'arxiv:2410.00002']);
    // The laptop's note and tags were the later write to that paper: they win on the desktop too.
    expect((await desktop.library())['arxiv:2410.00001']).toMatchObject({
      note: 'laptop note',
      tags: ['vision'],
    });
    // Authors are local-only: the desktop bookmarked that paper itself and keeps its own.
    expect(await desktop.db.bookmarks.get('arxiv:2410.00001')).toMatchObject({
      authors: ['Author of 2410.00001'],
    });
    expect(await laptop.db.bookmarks.get('arxiv:2410.00002')).toMatchObject({
      authors: [],
      absUrl: 'https://arxiv.org/abs/2410.00002',
    });
    expect(laptop.told).toContainEqual({
      type: 'bookmark.changed',
      key: 'arxiv:2410.00002',
      bookmarked: true,
    });
    expect(await laptop.status()).toMatchObject({ status: 'synced', plan: { bookmarks: 2, synced: 2 } });
  });

  it('converge after concurrent edits of one bookmark: per field, the later write wins', async () => {
    world = new World();
    const { laptop, desktop } = world;
    await laptop.writer.set(ref('2410.00003'), true);
    await world.settle();
    await laptop.writer.update('arxiv:2410.00003', { note: 'from the laptop' });
    world.advance(1000);
    await desktop.writer.update('arxiv:2410.00003', { tags: ['rl'], read: true });
    world.advance(1000);
    await desktop.writer.update('arxiv:2410.00003', { note: 'from the desktop, later' });
    await world.settle();
    await world.expectConverged();
    expect((await laptop.library())['arxiv:2410.00003']).toMatchObject({
      note: 'from the desktop, later',
      tags: ['rl'],
      read: true,
    });
  });

  it('a deletion is not undone by an older edit made offline, and a restore from the trash brings it back', async () => {
    world = new World();
    const { laptop, desktop } = world;
    await laptop.writer.set(ref('2410.00004'), true);
    await laptop.writer.update('arxiv:2410.00004', { note: 'keep this', tags: ['later'] });
    await world.settle();

    desktop.area.online = false;
    await desktop.writer.update('arxiv:2410.00004', { read: true });
    await desktop.syncNow();
    world.advance(60_000);
    await laptop.writer.set(ref('2410.00004'), false);
    await world.settle();
    desktop.area.online = true;
    await world.settle();
    await world.expectConverged();
    expect(await desktop.db.bookmarks.get('arxiv:2410.00004')).toBeUndefined();
    // Another browser's deletion lands in this one's "Recently removed", note and tags with it.
    expect(await desktop.db.trash.get('arxiv:2410.00004')).toMatchObject({
      bookmark: { note: 'keep this', tags: ['later'] },
    });
    expect(desktop.told).toContainEqual({
      type: 'bookmark.changed',
      key: 'arxiv:2410.00004',
      bookmarked: false,
    });

    world.advance(60_000);
    await desktop.writer.restore('arxiv:2410.00004');
    await world.settle();
    await world.expectConverged();
    expect((await laptop.library())['arxiv:2410.00004']).toMatchObject({
      note: 'keep this',
      tags: ['later'],
    });
  });

  it('converge after an offline period with edits, additions and deletions on both sides', async () => {
    world = new World();
    const { laptop, desktop } = world;
    for (const id of ['2410.00010', '2410.00011', '2410.00012']) await laptop.writer.set(ref(id), true);
    await world.settle();
    laptop.area.online = false;
    await laptop.writer.set(ref('2410.00013'), true);
    await laptop.writer.set(ref('2410.00010'), false);
    await laptop.writer.update('arxiv:2410.00011', { note: 'written offline' });
    await laptop.syncNow();
    world.advance(3_600_000);
    await desktop.writer.set(ref('2410.00014'), true);
    await desktop.writer.set(ref('2410.00012'), false);
    await desktop.writer.update('arxiv:2410.00011', { tags: ['desk'] });
    await world.settle();
    // Offline, the laptop sees none of the desktop's changes, nor the desktop its.
    expect(Object.keys(await laptop.library()).sort()).toEqual([
      'arxiv:2410.00011',
      'arxiv:2410.00012',
      'arxiv:2410.00013',
    ]);
    expect(Object.keys(await desktop.library()).sort()).toEqual([
      'arxiv:2410.00010',
      'arxiv:2410.00011',
      'arxiv:2410.00014',
    ]);
    laptop.area.online = true;
    await world.settle();
    await world.expectConverged();
    expect(Object.keys(await laptop.library()).sort()).toEqual([
      'arxiv:2410.00011',
      'arxiv:2410.00013',
      'arxiv:2410.00014',
    ]);
    expect((await desktop.library())['arxiv:2410.00011']).toMatchObject({
      note: 'written offline',
      tags: ['desk'],
    });
  });

  it('a quota error loses nothing locally, is shown, and the next sync sends what waited', async () => {
    world = new World();
    const { laptop, desktop } = world;
    await laptop.writer.set(ref('2410.00020'), true);
    await world.settle();
    const written: string[] = [];
    for (let index = 21; index < 26; index++) {
      const id = `2410.000${index}`;
      await laptop.writer.set(ref(id), true);
      await laptop.writer.update(`arxiv:${id}`, { note: `note ${index}` });
      written.push(`arxiv:${id}`);
    }
    laptop.area.failures.push('QUOTA_BYTES quota exceeded');
    const failed = await laptop.syncNow();
    expect(failed).toMatchObject({ status: 'failed', error: { quota: 'bytes' } });
    expect(failed.pendingBookmarks).toBeGreaterThan(0);
    expect(await laptop.status()).toMatchObject({ status: 'failed', error: { quota: 'bytes' } });
    const library = await laptop.library();
    for (const [index, key] of written.entries())
      expect(library[key]).toMatchObject({ note: `note ${index + 21}` });

    // A write-rate error asks for a retry alarm a minute later.
    laptop.area.failures.push('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    await laptop.syncNow();
    expect(laptop.alarms.alarms.get(SYNC_RETRY_ALARM)?.scheduledTime).toBe(world.time + 60_000);

    world.advance(60_000);
    await world.settle();
    await world.expectConverged();
    expect(Object.keys(await desktop.library())).toHaveLength(6);
    expect(laptop.alarms.alarms.has(SYNC_RETRY_ALARM)).toBe(false);
  });

  it('with sync off, nothing moves either way; switching it on merges both libraries', async () => {
    world = new World();
    const { laptop, desktop } = world;
    desktop.enabled = false;
    await laptop.writer.set(ref('2410.00030'), true);
    await desktop.writer.set(ref('2410.00031'), true);
    await world.settle();
    expect(desktop.area.calls).toMatchObject({ get: 0, set: 0 });
    expect(Object.keys(await desktop.library())).toEqual(['arxiv:2410.00031']);
    expect(await desktop.status()).toMatchObject({ status: 'off' });

    desktop.enabled = true;
    await world.settle();
    await world.expectConverged();
    expect(Object.keys(await laptop.library()).sort()).toEqual(['arxiv:2410.00030', 'arxiv:2410.00031']);
  });
});

describe('when the worker syncs', () => {
  it('after a burst of writes (once), on another browser’s bucket, on its alarms and when the switch changes', async () => {
    world = new World();
    const { laptop } = world;
    /** Runs so far: each run reads the area once. */
    const runs = () => laptop.area.calls.get;
    const idle = () => laptop.sync.run();

    await laptop.writer.set(ref('2410.00040'), true);
    await laptop.writer.update('arxiv:2410.00040', { note: 'a' });
    await laptop.writer.update('arxiv:2410.00040', { note: 'ab' });
    // One debounce timer for the burst: each write cancelled the one before.
    expect(laptop.timers.size).toBe(1);
    expect(runs()).toBe(0);
    for (const fire of [...laptop.timers]) fire();
    // A run asked for while one waits to start is that same run.
    await idle();
    expect(runs()).toBe(1);
    expect(laptop.area.calls.set).toBe(1);

    laptop.sync.storageChanged({ 'bm.3': { newValue: {} } }, 'sync');
    await idle();
    expect(runs()).toBe(2);

    laptop.sync.storageChanged({ 'other-extension-key': { newValue: 1 } }, 'sync');
    laptop.sync.storageChanged(
      {
        [SETTINGS_KEY]: { oldValue: DEFAULT_SETTINGS, newValue: { ...DEFAULT_SETTINGS, badgeMode: 'none' } },
      },
      'local',
    );
    laptop.sync.alarmFired({ name: 'refresh' });
    await Promise.resolve();
    expect(runs()).toBe(2);

    laptop.sync.storageChanged(
      {
        [SETTINGS_KEY]: {
          oldValue: DEFAULT_SETTINGS,
          newValue: { ...DEFAULT_SETTINGS, syncBookmarks: false },
        },
      },
      'local',
    );
    await idle();
    expect(runs()).toBe(3);
    laptop.sync.alarmFired({ name: SYNC_RETRY_ALARM });
    await idle();
    laptop.sync.alarmFired({ name: SYNC_ALARM });
    await idle();
    expect(runs()).toBe(5);

    // A worker start syncs only when the last sync is older than the period.
    await laptop.sync.start();
    expect(runs()).toBe(5);
    expect(laptop.alarms.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 30 });
    world.advance(30 * 60_000);
    await laptop.sync.start();
    expect(runs()).toBe(6);
  });

  it('records a sync area that cannot be read as a failure, and throws nothing', async () => {
    world = new World();
    const { laptop } = world;
    await laptop.writer.set(ref('2410.00050'), true);
    laptop.area.get = async () => {
      throw new Error('storage.sync is not available');
    };
    expect(await laptop.syncNow()).toMatchObject({
      status: 'failed',
      error: { message: 'storage.sync is not available' },
    });
    expect(await laptop.status()).toMatchObject({ status: 'failed' });
    expect(Object.keys(await laptop.library())).toEqual(['arxiv:2410.00050']);
  });
});
