import browser from 'webextension-polyfill';
import type { PaperPulseDB } from '../storage/db';
import { getAllState, getState, setState } from '../storage/state';

/** `99+` above 99; empty (no badge) at zero. */
export function badgeText(unseenCount: number): string {
  if (unseenCount <= 0) return '';
  return unseenCount > 99 ? '99+' : String(unseenCount);
}

export function badgeTitle(unseenCount: number, lastRefreshOkAt: number, locale?: string): string {
  const what =
    unseenCount === 0
      ? 'No new Daily Papers since you last opened PaperPulse'
      : `${unseenCount} new Daily Paper${unseenCount === 1 ? '' : 's'} since you last opened PaperPulse`;
  const when = lastRefreshOkAt
    ? `Feed updated ${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(lastRefreshOkAt)}`
    : 'Feed not loaded yet';
  return `PaperPulse — ${what}\n${when}`;
}

/** Feed papers PaperPulse first stored after the user last opened the popup. */
export async function unseenCount(db: PaperPulseDB, lastSeenAt: number): Promise<number> {
  return db.papers.where('firstSeenAt').above(lastSeenAt).count();
}

/** Recomputes the badge from the database; cheap enough to run after every refresh. */
export async function updateBadge(db: PaperPulseDB): Promise<number> {
  const state = await getAllState(db);
  const count = await unseenCount(db, state.lastSeenAt);
  // Manifest V2 (Firefox's build) calls it browserAction.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ text: badgeText(count) });
  await action.setBadgeBackgroundColor({ color: '#d9480f' });
  await action.setTitle({ title: badgeTitle(count, state.lastRefreshOkAt) });
  return count;
}

/** The popup opened: everything stored so far has been seen. */
export async function markAllSeen(db: PaperPulseDB, now: number): Promise<number> {
  const previous = await getState(db, 'lastSeenAt');
  await setState(db, { lastSeenAt: now });
  await updateBadge(db);
  return previous;
}
