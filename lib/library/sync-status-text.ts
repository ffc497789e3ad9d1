import type { SyncStatus } from '../storage/sync-state';
import { describeSyncPlan } from '../sync/summary-text';

/**
 * What the options page says about bookmark sync, from the last run's status (lib/worker/sync.ts).
 * Lines in the order they are shown: what is synced, then anything wrong.
 */

const QUOTA_REASONS: Record<string, string> = {
  bytes: 'the browser’s sync storage is full',
  'item-bytes': 'one sync item grew past the browser’s size limit',
  items: 'the browser’s sync storage holds too many items',
  'writes-per-minute': 'the browser allows only so many sync writes a minute',
  'writes-per-hour': 'the browser allows only so many sync writes an hour',
  quota: 'the browser’s sync quota is used up',
};

const changes = (count: number) =>
  count === 1 ? '1 bookmark’s changes wait' : `${count.toLocaleString('en-US')} bookmarks’ changes wait`;

export function syncStatusLines(
  enabled: boolean,
  status: SyncStatus | undefined,
): { text: string; problem?: true }[] {
  if (!enabled) return [{ text: 'Sync is off: your bookmarks stay on this browser.' }];
  if (!status || status.status === 'off') return [{ text: 'Not synced yet.' }];
  const lines: { text: string; problem?: true }[] = [];
  if (status.plan) lines.push({ text: describeSyncPlan(status.plan) });
  if (status.status === 'failed') {
    const reason = status.error?.quota
      ? (QUOTA_REASONS[status.error.quota] ?? QUOTA_REASONS.quota!)
      : (status.error?.message ?? 'unknown error');
    const waiting = status.pendingBookmarks ? `; ${changes(status.pendingBookmarks)} for the next sync` : '';
    lines.push({
      text: `The last sync did not finish (${reason})${waiting}. Nothing is lost on this browser.`,
      problem: true,
    });
  }
  if (status.status === 'deferred' && status.pendingBookmarks)
    lines.push({
      text: `${changes(status.pendingBookmarks)} a moment: the browser rations how often extensions write to sync.`,
    });
  if (status.newerFormat)
    lines.push({
      text: 'Another of your browsers runs a newer PaperPulse: what it synced is read, but update this one to sync everything.',
      problem: true,
    });
  return lines;
}
