// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Storage } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing';
import { describeSyncPlan, newReplicaId, syncOnce, type SyncArea } from '@/lib/sync';
import { MemoryLibrary } from './harness';

const NOW = Date.parse('2026-12-01T09:00:00Z');

describe('the public API', () => {
  it('runs against the browser’s storage.sync as it is (WXT’s fake of it)', async () => {
    const area: SyncArea = fakeBrowser.storage.sync;
    const library = new MemoryLibrary(newReplicaId(), () => NOW);
    library.add('arxiv:2410.17243', 'Efficient LLM Inference by Piggybacking Decodes with Chunked Prefills');
    const outcome = await syncOnce({
      enabled: true,
      local: library,
      area,
      replicaId: library.replicaId,
      now: NOW,
      budget: { recentWrites: [] },
    });
    expect(outcome).toMatchObject({ status: 'synced', recentWrites: [NOW] });
    expect(describeSyncPlan(outcome.plan!)).toBe('Your bookmark is synced.');
    expect(JSON.stringify(await fakeBrowser.storage.sync.get(null))).toContain('Piggybacking');
  });

  it('accepts both browsers’ storage.sync types as a SyncArea (checked by tsc)', () => {
    const fromPolyfill = (area: Storage.StorageArea): SyncArea => area;
    const fromChrome = (area: typeof chrome.storage.sync): SyncArea => area;
    expect([fromPolyfill, fromChrome]).toHaveLength(2);
  });

  it('makes short replica ids, distinct per browser', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newReplicaId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{10}$/);
    expect(newReplicaId((bytes) => bytes.fill(37))).toBe('1111111111');
  });
});
