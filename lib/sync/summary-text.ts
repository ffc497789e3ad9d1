import type { PlanSummary } from './plan';
import { t, tp } from '../i18n';

/**
 * The options page's one line about sync (syncPlan… messages in _locales), with the numbers as
 * placeholders; the rule for which sentence is said is here, in one place.
 */

const count = new Intl.NumberFormat('en-US');

/** "1,200 bookmarks". */
const bookmarks = (n: number) => tp('bookmarkCount', n, count.format(n));

function notesPhrase({ read, unread }: PlanSummary['notesKept']): string | undefined {
  if (read && unread) return tp('syncNotesReadUnread', unread, count.format(read), count.format(unread));
  if (read) return tp('syncNotesRead', read, count.format(read));
  if (unread) return tp('syncNotesUnread', unread, count.format(unread));
  return undefined;
}

/** e.g. "312 bookmarks synced; notes of 40 read bookmarks and 1,200 older bookmarks are kept on this device only." */
export function describeSyncPlan(summary: PlanSummary): string {
  if (summary.bookmarks === 0) return t('syncPlanNone');
  const keptWhole = summary.bookmarksKept.read + summary.bookmarksKept.unread;
  const notes = notesPhrase(summary.notesKept);
  if (!keptWhole && !notes) {
    return summary.bookmarks === 1 ? t('syncPlanOne') : t('syncPlanAll', count.format(summary.bookmarks));
  }
  const older = keptWhole ? tp('syncOlder', keptWhole, count.format(keptWhole)) : undefined;
  const kept = notes && older ? t('syncKeptBoth', notes, older) : (notes ?? older!);
  return notes || keptWhole > 1
    ? t('syncPlanPartialAre', bookmarks(summary.synced), kept)
    : t('syncPlanPartialIs', bookmarks(summary.synced), kept);
}
