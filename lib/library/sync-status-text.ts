import type { SyncStatus } from '../storage/sync-state';
import { describeSyncPlan } from '../sync/summary-text';
import { t, tp, type MessageKey } from '../i18n';

/**
 * What the options page says about bookmark sync, from the last run's status (lib/worker/sync.ts).
 * Lines in the order they are shown: what is synced, then anything wrong.
 */

const QUOTA_REASONS: Record<string, MessageKey> = {
  bytes: 'syncQuotaBytes',
  'item-bytes': 'syncQuotaItemBytes',
  items: 'syncQuotaItems',
  'writes-per-minute': 'syncQuotaPerMinute',
  'writes-per-hour': 'syncQuotaPerHour',
  quota: 'syncQuota',
};

const changes = (count: number) => tp('syncChangesWait', count, count.toLocaleString('en-US'));

export function syncStatusLines(
  enabled: boolean,
  status: SyncStatus | undefined,
): { text: string; problem?: true }[] {
  if (!enabled) return [{ text: t('syncOff') }];
  if (!status || status.status === 'off') return [{ text: t('syncNotYet') }];
  const lines: { text: string; problem?: true }[] = [];
  if (status.plan) lines.push({ text: describeSyncPlan(status.plan) });
  if (status.status === 'failed') {
    const reason = status.error?.quota
      ? t(QUOTA_REASONS[status.error.quota] ?? 'syncQuota')
      : (status.error?.message ?? t('syncUnknownError'));
    lines.push({
      text: status.pendingBookmarks
        ? t('syncFailedWaiting', reason, changes(status.pendingBookmarks))
        : t('syncFailed', reason),
      problem: true,
    });
  }
  if (status.status === 'deferred' && status.pendingBookmarks)
    lines.push({
      text: t('syncDeferred', changes(status.pendingBookmarks)),
    });
  if (status.newerFormat)
    lines.push({
      text: t('syncNewerFormat'),
      problem: true,
    });
  return lines;
}
