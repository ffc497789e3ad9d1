import { describe, expect, it } from 'vitest';
import { syncStatusLines } from '@/lib/library/sync-status-text';
import type { SyncStatus } from '@/lib/storage/sync-state';

const plan = {
  bookmarks: 3,
  synced: 3,
  notesKept: { read: 0, unread: 0 },
  bookmarksKept: { read: 0, unread: 0 },
  deletions: { synced: 0, kept: 0 },
  bytes: 900,
  items: 2,
};
const status = (patch: Partial<SyncStatus>): SyncStatus => ({
  at: 1,
  status: 'synced',
  pendingBookmarks: 0,
  plan,
  ...patch,
});

describe('what the options page says about sync', () => {
  it.each<[string, boolean, SyncStatus | undefined, string[]]>([
    ['off', false, status({}), ['Sync is off: your bookmarks stay on this browser.']],
    ['never run', true, undefined, ['Not synced yet.']],
    ['synced', true, status({}), ['All 3 bookmarks are synced.']],
    [
      'a quota error',
      true,
      status({
        status: 'failed',
        pendingBookmarks: 2,
        error: { message: 'QUOTA_BYTES quota exceeded', quota: 'bytes' },
      }),
      [
        'All 3 bookmarks are synced.',
        'The last sync did not finish (the browser’s sync storage is full); 2 bookmarks’ changes wait for the next sync. Nothing is lost on this browser.',
      ],
    ],
    [
      'another failure',
      true,
      status({ status: 'failed', plan: undefined, error: { message: 'offline' } }),
      ['The last sync did not finish (offline). Nothing is lost on this browser.'],
    ],
    [
      'deferred',
      true,
      status({ status: 'deferred', pendingBookmarks: 1 }),
      [
        'All 3 bookmarks are synced.',
        '1 bookmark’s changes wait a moment: the browser rations how often extensions write to sync.',
      ],
    ],
    [
      'a newer format elsewhere',
      true,
      status({ newerFormat: true }),
      [
        'All 3 bookmarks are synced.',
        'Another of your browsers runs a newer PaperPulse: what it synced is read, but update this one to sync everything.',
      ],
    ],
  ])('%s', (_name, enabled, given, expected) => {
    expect(syncStatusLines(enabled, given).map((line) => line.text)).toEqual(expected);
  });
});
