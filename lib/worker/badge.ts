import browser from 'webextension-polyfill';
import { compileTopics } from '../topics/matcher';
import type { PaperPulseDB } from '../storage/db';
import type { Settings } from '../storage/settings';
import { getAllState, getState, setState } from '../storage/state';
import { t, tp } from '../i18n';

/** What the badge counts: every new paper, the new ones on the watched topics, or nothing. */
export type BadgeSettings = Pick<Settings, 'badgeMode' | 'watchedTopics'>;

/** `99+` above 99; empty (no badge) at zero. */
export function badgeText(unseenCount: number): string {
  if (unseenCount <= 0) return '';
  return unseenCount > 99 ? '99+' : String(unseenCount);
}

export function badgeTitle(
  unseenCount: number,
  lastRefreshOkAt: number,
  mode: BadgeSettings['badgeMode'] = 'all',
  locale?: string,
): string {
  const watched = mode === 'watched';
  const what =
    mode === 'none'
      ? t('badgeOff')
      : unseenCount === 0
        ? t(watched ? 'badgeNoneNewWatched' : 'badgeNoneNew')
        : tp(watched ? 'badgeNewWatched' : 'badgeNew', unseenCount);
  const when = lastRefreshOkAt
    ? t(
        'badgeUpdated',
        new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(lastRefreshOkAt),
      )
    : t('badgeNotLoaded');
  return t('badgeTooltip', what, when);
}

/**
 * Feed papers PaperPulse first stored after the user last opened the popup: all of them, or those
 * on the watched topics; none when the badge is off.
 */
export async function unseenCount(
  db: PaperPulseDB,
  lastSeenAt: number,
  { badgeMode, watchedTopics }: BadgeSettings = { badgeMode: 'all', watchedTopics: [] },
): Promise<number> {
  if (badgeMode === 'none') return 0;
  const unseen = db.papers.where('firstSeenAt').above(lastSeenAt);
  if (badgeMode === 'all') return unseen.count();
  const matcher = compileTopics(watchedTopics);
  if (matcher.topics.length === 0) return 0;
  return unseen.filter((paper) => matcher.match(paper).length > 0).count();
}

/** Recomputes the badge from the database and the settings; cheap enough to run after every refresh. */
export async function updateBadge(db: PaperPulseDB, settings: BadgeSettings): Promise<number> {
  const state = await getAllState(db);
  const count = await unseenCount(db, state.lastSeenAt, settings);
  // Manifest V2 (Firefox's build) calls it browserAction.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ text: badgeText(count) });
  // #b93d0c: the brand orange at 5.6:1 against the badge's white text.
  await action.setBadgeBackgroundColor({ color: '#b93d0c' });
  await action.setTitle({ title: badgeTitle(count, state.lastRefreshOkAt, settings.badgeMode) });
  return count;
}

/** The popup opened: everything stored so far has been seen. */
export async function markAllSeen(db: PaperPulseDB, now: number, settings: BadgeSettings): Promise<number> {
  const previous = await getState(db, 'lastSeenAt');
  await setState(db, { lastSeenAt: now });
  await updateBadge(db, settings);
  return previous;
}
