import type { PlanSummary } from './plan';

/**
 * The options page's one line about sync, in English. For the store build these become _locales
 * messages with the numbers as placeholders; the wording is here so the rule for it is in one place.
 */

const count = new Intl.NumberFormat('en-US');

function bookmarks(n: number, adjective = ''): string {
  return `${count.format(n)} ${adjective}${n === 1 ? 'bookmark' : 'bookmarks'}`;
}

function notesPhrase({ read, unread }: PlanSummary['notesKept']): string | undefined {
  if (read && unread) return `notes of ${count.format(read)} read and ${bookmarks(unread, 'unread ')}`;
  if (read) return `notes of ${bookmarks(read, 'read ')}`;
  if (unread) return `notes of ${bookmarks(unread, 'unread ')}`;
  return undefined;
}

/** e.g. "312 bookmarks synced; notes of 40 read bookmarks and 1,200 older bookmarks are kept on this device only." */
export function describeSyncPlan(summary: PlanSummary): string {
  if (summary.bookmarks === 0) return 'No bookmarks to sync yet.';
  const keptWhole = summary.bookmarksKept.read + summary.bookmarksKept.unread;
  const notes = notesPhrase(summary.notesKept);
  if (!keptWhole && !notes) {
    return summary.bookmarks === 1
      ? 'Your bookmark is synced.'
      : `All ${bookmarks(summary.bookmarks)} are synced.`;
  }
  const kept = [notes, keptWhole ? bookmarks(keptWhole, 'older ') : undefined].filter(Boolean).join(' and ');
  return `${bookmarks(summary.synced)} synced; ${kept} ${notes || keptWhole > 1 ? 'are' : 'is'} kept on this device only.`;
}
