import { expect } from 'vitest';
import { syncOnce, type LocalLibrary, type SyncOutcome } from '@/lib/sync/engine';
import type { LocalEntry } from '@/lib/sync/local-apply';
import { recordAfterEdit } from '@/lib/sync/local-edit';
import type { SyncQuota } from '@/lib/sync/quota';
import { isDeleted, REGISTERS, type Register, type SyncRecord, type SyncedBookmark } from '@/lib/sync/record';
import { compareStamps } from '@/lib/sync/clock';
import { FakeSyncService, type ConflictRule, type FakeArea } from './fake-sync-service';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const field of Object.values(value)) deepFreeze(field);
  }
  return value;
}

/** A bookmark row as the lead's Dexie row would hold it: the synced fields and a local-only one. */
export interface Row extends SyncedBookmark {
  summary: string;
}

/** One register write made by a local edit, for the test's oracle of what must win. */
export interface Write {
  key: string;
  register: (typeof REGISTERS)[number];
  value: Register<unknown>;
}

/**
 * The local library of one browser, in memory, as the lead's Dexie adapter would behave: every edit
 * goes through recordAfterEdit in the same step as the row write; deleted rows go to a trash.
 */
export class MemoryLibrary implements LocalLibrary {
  readonly rows = new Map<string, Row>();
  readonly records = new Map<string, SyncRecord>();
  readonly trash = new Map<string, Row>();

  constructor(
    readonly replicaId: string,
    private readonly clock: () => number,
    private readonly onWrite: (write: Write) => void = () => {},
  ) {}

  // What the engine reads is handed over as stored, frozen: it must treat it as immutable (a
  // mutation throws here, since modules run in strict mode), and big libraries stay fast.
  async read() {
    return { rows: [...this.rows.values()], records: [...this.records.values()] };
  }

  async update(
    keys: readonly string[],
    change: (key: string, current: LocalEntry) => LocalEntry,
  ): Promise<void> {
    for (const key of keys) {
      const row = this.rows.get(key);
      const record = this.records.get(key);
      const next = change(key, { ...(row ? { row } : {}), ...(record ? { record } : {}) });
      if (next.row) this.rows.set(key, deepFreeze({ summary: '', ...row, ...next.row }));
      else if (row) {
        this.trash.set(key, row);
        this.rows.delete(key);
      }
      if (next.record) this.records.set(key, deepFreeze(next.record));
      else this.records.delete(key);
    }
  }

  /** A row that exists from before sync, written without the hook (a library sync has never seen). */
  importRow(row: Row): void {
    this.rows.set(row.key, deepFreeze(row));
  }

  /** Every local write to a bookmark: the row changes and its record is told, in one step. */
  write(key: string, after: Row | undefined): void {
    const before = this.rows.get(key);
    const record = this.records.get(key);
    const next = recordAfterEdit({ record, before, after, now: this.clock(), replicaId: this.replicaId });
    if (after) this.rows.set(key, deepFreeze(after));
    else if (before) {
      this.trash.set(key, before);
      this.rows.delete(key);
    }
    if (after) this.trash.delete(key);
    if (!next) return;
    this.records.set(key, deepFreeze(next));
    for (const register of REGISTERS) {
      const written = next[register];
      if (written && (!record?.[register] || compareStamps(written.stamp, record[register]!.stamp) !== 0)) {
        this.onWrite({ key, register, value: written });
      }
    }
  }

  add(key: string, title = `Paper ${key}`, summary = `Abstract of ${key}`): void {
    const now = this.clock();
    this.write(key, { key, title, tags: [], note: '', read: false, addedAt: now, updatedAt: now, summary });
  }

  edit(key: string, patch: Partial<Pick<Row, 'tags' | 'note' | 'read' | 'title'>>): boolean {
    const row = this.rows.get(key);
    if (!row) return false;
    this.write(key, { ...row, ...patch, updatedAt: this.clock() });
    return true;
  }

  remove(key: string): boolean {
    if (!this.rows.has(key)) return false;
    this.write(key, undefined);
    return true;
  }

  /** Puts a trashed bookmark back as it was (the trash keeps its note, tags and added time). */
  restore(key: string): boolean {
    const row = this.trash.get(key);
    if (!row || this.rows.has(key)) return false;
    this.write(key, { ...row, updatedAt: this.clock() });
    return true;
  }
}

export class Browser {
  readonly library: MemoryLibrary;
  recentWrites: number[] = [];
  enabled = true;
  /** How far this machine's clock is off (ms). */
  skew = 0;
  outcomes: SyncOutcome[] = [];

  constructor(
    readonly world: World,
    readonly replicaId: string,
    readonly area: FakeArea,
    onWrite: (write: Write) => void,
  ) {
    this.library = new MemoryLibrary(replicaId, () => world.time + this.skew, onWrite);
  }

  async sync(): Promise<SyncOutcome> {
    this.area.changed = false;
    const outcome = await syncOnce({
      enabled: this.enabled,
      local: this.library,
      area: this.area,
      replicaId: this.replicaId,
      now: this.world.time + this.skew,
      budget: { recentWrites: this.recentWrites },
      ...(this.world.quota ? { quota: this.world.quota } : {}),
    });
    this.recentWrites = outcome.recentWrites;
    this.outcomes.push(outcome);
    return outcome;
  }
}

export const START = Date.parse('2026-12-01T09:00:00Z');

export class World {
  time = START;
  readonly service: FakeSyncService;
  readonly browsers: Browser[];
  readonly writes: Write[] = [];

  constructor(
    names: string[],
    readonly quota?: SyncQuota,
    conflict?: ConflictRule,
  ) {
    this.service = new FakeSyncService(() => this.time, conflict);
    this.browsers = names.map(
      (name) => new Browser(this, name, this.service.area(name), (write) => this.writes.push(write)),
    );
  }

  advance(ms: number): void {
    this.time += ms;
  }

  /**
   * Runs the network and every browser's sync until a round where nothing is written and nothing
   * moves: what the worker does on storage.onChanged and after writes. Returns the rounds it took.
   */
  async settle(maxRounds = 10): Promise<number> {
    for (let round = 1; round <= maxRounds; round++) {
      this.service.flush();
      let wrote = false;
      let retryAt = 0;
      for (const browser of this.browsers) {
        const outcome = await browser.sync();
        if (outcome.written.length) wrote = true;
        if (outcome.status === 'deferred' || outcome.status === 'failed')
          retryAt = Math.max(retryAt, outcome.retryAt ?? this.time);
      }
      this.advance(Math.max(2_000, retryAt - this.time));
      if (
        !wrote &&
        !retryAt &&
        this.service.idle() &&
        this.browsers.every((browser) => !browser.area.changed)
      )
        return round;
    }
    throw new Error(`no quiescence within ${maxRounds} rounds`);
  }
}

/** The synced fields of every row, for comparing libraries across browsers. */
export function syncedRows(library: MemoryLibrary): Record<string, SyncedBookmark> {
  return Object.fromEntries(
    [...library.rows.values()]
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .map(({ summary: _summary, updatedAt: _updatedAt, arxivId, doi, ...row }) => [
        row.key,
        { ...row, ...(arxivId !== undefined ? { arxivId } : {}), ...(doi !== undefined ? { doi } : {}) },
      ]),
  ) as Record<string, SyncedBookmark>;
}

/**
 * A record as it matters: a deletion makes every register written before it moot, and only the
 * deleted register travels with a tombstone, so those are left out of comparisons.
 */
export function effective(record: SyncRecord | undefined): SyncRecord | undefined {
  if (!record || !isDeleted(record)) return record;
  const deletedAt = record.deleted!.stamp;
  return Object.fromEntries(
    Object.entries(record).filter(
      ([name, register]) =>
        name === 'key' || compareStamps((register as Register<unknown>).stamp, deletedAt) >= 0,
    ),
  ) as unknown as SyncRecord;
}

/** All browsers hold the same rows and the same records (as they matter). */
export function expectConverged(world: World): void {
  const [first, ...others] = world.browsers;
  const records = (browser: Browser) =>
    Object.fromEntries([...browser.library.records].map(([key, record]) => [key, effective(record)]));
  for (const other of others) {
    expect(syncedRows(other.library)).toEqual(syncedRows(first!.library));
    expect(records(other)).toEqual(records(first!));
  }
}

/** The oracle: per register, the write with the highest stamp ever made. */
export function winningWrites(writes: readonly Write[]): Map<string, Write> {
  const winners = new Map<string, Write>();
  for (const write of writes) {
    const id = `${write.key} ${write.register}`;
    const best = winners.get(id);
    if (!best || compareStamps(write.value.stamp, best.value.stamp) > 0) winners.set(id, write);
  }
  return winners;
}
