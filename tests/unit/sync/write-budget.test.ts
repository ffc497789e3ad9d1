// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { quotaErrorKind } from '@/lib/sync/area';
import { logWrite, nextWriteAt } from '@/lib/sync/write-budget';

const NOW = Date.parse('2026-12-01T09:00:00Z');

describe('nextWriteAt', () => {
  const limits = { perMinute: 3, perHour: 5 };

  it('allows a write while under both limits', () => {
    expect(nextWriteAt([], NOW, limits)).toBe(NOW);
    expect(nextWriteAt([NOW - 61_000, NOW - 30_000, NOW - 10_000], NOW, limits)).toBe(NOW);
  });

  it('waits until the oldest write of a full minute leaves the window', () => {
    expect(nextWriteAt([NOW - 50_000, NOW - 30_000, NOW - 10_000], NOW, limits)).toBe(NOW + 10_000);
  });

  it('waits for the hour window too', () => {
    const writes = [NOW - 3_000_000, NOW - 2_000_000, NOW - 1_000_000, NOW - 500_000, NOW - 100_000];
    expect(nextWriteAt(writes, NOW, limits)).toBe(NOW - 3_000_000 + 3_600_000);
  });

  it('keeps an hour of log', () => {
    expect(logWrite([NOW - 3_700_000, NOW - 10], NOW)).toEqual([NOW - 10, NOW]);
  });
});

describe('quotaErrorKind', () => {
  it.each([
    ['QUOTA_BYTES quota exceeded', 'bytes'],
    ['QUOTA_BYTES_PER_ITEM quota exceeded', 'item-bytes'],
    ['MAX_ITEMS quota exceeded', 'items'],
    ['MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded', 'writes-per-minute'],
    ['MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded', 'writes-per-hour'],
    ['QuotaExceededError: storage.sync API call exceeded its quota limitations.', 'quota'],
    ['Error: An unexpected error occurred', undefined],
  ])('%s', (message, kind) => {
    expect(quotaErrorKind(new Error(message))).toBe(kind);
  });
});
