import type { SyncArea } from '@/lib/sync/area';

/**
 * A model of the browser's sync service, for tests: each browser has its own storage area; writes
 * land there at once and are uploaded later; the server keeps, per item, the last write it received
 * (item-level last-writer-wins, which is what Chrome sync does per key) and sends it to the other
 * browsers, which may be offline (nothing moves), get downloads late or in any order (an older
 * revision of an item never replaces a newer one), and enforce Chrome's quotas on set().
 *
 * The limits are written out here, not imported, so that the engine's own constants are tested
 * against them rather than against themselves.
 */
export const CHROME_LIMITS = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
};

/** Chrome's count: UTF-8 of the key and of its JSON writer's output, which escapes <, U+2028, U+2029. */
export function chromeItemBytes(key: string, value: unknown): number {
  const json = JSON.stringify(value)
    .replaceAll('<', '\\u003C')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
  return Buffer.byteLength(key, 'utf8') + Buffer.byteLength(json, 'utf8');
}

/** What happens when a download meets a write of the same item that was not uploaded yet. */
export type ConflictRule = 'pending-write-wins' | 'server-wins';

interface Download {
  area: FakeArea;
  key: string;
  json: string | undefined;
  revision: number;
}

export class FakeArea implements SyncArea {
  readonly items = new Map<string, string>();
  /** Local writes not uploaded yet (the latest per item). */
  readonly unsent = new Map<string, string | undefined>();
  readonly appliedRevision = new Map<string, number>();
  readonly writeTimes: number[] = [];
  online = true;
  /** Set when a download changed an item: storage.onChanged would fire. */
  changed = false;
  /** Messages the next set() calls reject with, in order. */
  readonly failures: string[] = [];
  calls = { get: 0, set: 0, remove: 0 };

  constructor(
    private readonly service: FakeSyncService,
    readonly name: string,
  ) {}

  async get(keys: null): Promise<Record<string, unknown>> {
    if (keys !== null) throw new Error('the engine reads the whole area');
    this.calls.get++;
    return Object.fromEntries([...this.items].map(([key, json]) => [key, JSON.parse(json)]));
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.calls.set++;
    const failure = this.failures.shift();
    if (failure) throw new Error(failure);
    this.checkRate();
    const next = new Map(this.items);
    for (const [key, value] of Object.entries(items)) {
      if (chromeItemBytes(key, value) > CHROME_LIMITS.QUOTA_BYTES_PER_ITEM) {
        throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      }
      next.set(key, JSON.stringify(value));
    }
    const total = [...next].reduce((sum, [key, json]) => sum + chromeItemBytes(key, JSON.parse(json)), 0);
    if (total > CHROME_LIMITS.QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
    if (next.size > CHROME_LIMITS.MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
    this.writeTimes.push(this.service.now());
    for (const [key, value] of Object.entries(items)) {
      const json = JSON.stringify(value);
      this.items.set(key, json);
      this.unsent.set(key, json);
    }
  }

  async remove(keys: string | string[]): Promise<void> {
    this.calls.remove++;
    this.checkRate();
    this.writeTimes.push(this.service.now());
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      this.items.delete(key);
      this.unsent.set(key, undefined);
    }
  }

  totalBytes(): number {
    return [...this.items].reduce((sum, [key, json]) => sum + chromeItemBytes(key, JSON.parse(json)), 0);
  }

  private checkRate(): void {
    const now = this.service.now();
    const within = (ms: number) => this.writeTimes.filter((at) => at > now - ms).length;
    if (within(60_000) >= CHROME_LIMITS.MAX_WRITE_OPERATIONS_PER_MINUTE) {
      throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    }
    if (within(3_600_000) >= CHROME_LIMITS.MAX_WRITE_OPERATIONS_PER_HOUR) {
      throw new Error('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded');
    }
  }
}

export class FakeSyncService {
  readonly areas: FakeArea[] = [];
  private readonly server = new Map<string, { json: string | undefined; revision: number }>();
  private revision = 0;
  private downloads: Download[] = [];

  constructor(
    readonly now: () => number,
    readonly conflict: ConflictRule = 'pending-write-wins',
  ) {}

  area(name: string): FakeArea {
    const area = new FakeArea(this, name);
    this.areas.push(area);
    return area;
  }

  /** Sends an online area's unsent writes to the server, which queues them for every other area. */
  upload(area: FakeArea): void {
    if (!area.online) return;
    for (const [key, json] of area.unsent) {
      const revision = ++this.revision;
      this.server.set(key, { json, revision });
      area.appliedRevision.set(key, revision);
      for (const other of this.areas)
        if (other !== area) this.downloads.push({ area: other, key, json, revision });
    }
    area.unsent.clear();
  }

  /**
   * Delivers queued downloads to online areas. `choose` picks which of them arrive now and in what
   * order (by index into the queue); the rest wait. By default, everything, in order.
   */
  deliver(choose?: (count: number) => number[]): void {
    const ready = this.downloads.filter((download) => download.area.online);
    const picked = choose
      ? choose(ready.length).filter((index) => index < ready.length)
      : ready.map((_, i) => i);
    const arrived = new Set(picked.map((index) => ready[index]!));
    for (const download of picked.map((index) => ready[index]!)) this.apply(download);
    this.downloads = this.downloads.filter((download) => !arrived.has(download));
  }

  /** Uploads and delivers until nothing moves (among online areas). */
  flush(): void {
    for (;;) {
      const uploading = this.areas.some((area) => area.online && area.unsent.size > 0);
      for (const area of this.areas) this.upload(area);
      const arriving = this.downloads.filter((download) => download.area.online).length;
      this.deliver();
      if (!uploading && arriving === 0) return;
    }
  }

  /** True when nothing is waiting to move between online areas. */
  idle(): boolean {
    return (
      this.areas.every((area) => !area.online || area.unsent.size === 0) &&
      this.downloads.every((download) => !download.area.online)
    );
  }

  private apply({ area, key, json, revision }: Download): void {
    if ((area.appliedRevision.get(key) ?? 0) >= revision) return;
    if (area.unsent.has(key)) {
      if (this.conflict === 'pending-write-wins') return;
      area.unsent.delete(key);
    }
    area.appliedRevision.set(key, revision);
    if (json === undefined) area.items.delete(key);
    else area.items.set(key, json);
    area.changed = true;
  }
}
