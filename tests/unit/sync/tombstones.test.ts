// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDeleted } from '@/lib/sync/record';
import { isExpiredTombstone, LOCAL_TOMBSTONE_TTL_MS, SYNC_TOMBSTONE_TTL_MS } from '@/lib/sync/tombstones';
import { recordArb } from './arbitraries';
import { World } from './harness';
import { DAY } from './library';

describe('tombstone lifetimes', () => {
  it('are 180 days in the sync area and two years on the device', () => {
    expect(SYNC_TOMBSTONE_TTL_MS).toBe(180 * DAY);
    expect(LOCAL_TOMBSTONE_TTL_MS).toBe(730 * DAY);
  });

  it('a live record never expires; a deletion expires exactly when older than the lifetime', () => {
    fc.assert(
      fc.property(
        recordArb(),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        (record, now, ttl) => {
          const expired = isExpiredTombstone(record, now, ttl);
          if (!isDeleted(record)) expect(expired).toBe(false);
          else expect(expired).toBe(record.deleted!.stamp.wall < now - ttl);
        },
      ),
    );
  });

  it('a browser forgets a deletion after two years, and not before', async () => {
    const world = new World(['laptop']);
    const [laptop] = world.browsers;
    laptop!.library.add('arxiv:2410.17243');
    laptop!.library.remove('arxiv:2410.17243');
    await laptop!.sync();
    world.advance(729 * DAY);
    await laptop!.sync();
    expect(laptop!.library.records.has('arxiv:2410.17243')).toBe(true);
    world.advance(2 * DAY);
    await laptop!.sync();
    expect(laptop!.library.records.has('arxiv:2410.17243')).toBe(false);
    // The area still holds the old tombstone (forgetting is no reason to write); reading it again
    // brings nothing back.
    expect([...laptop!.area.items.values()].join()).toContain('arxiv:2410.17243');
    await laptop!.sync();
    expect(laptop!.library.records.has('arxiv:2410.17243')).toBe(false);
    expect(laptop!.library.rows.has('arxiv:2410.17243')).toBe(false);
  });
});
