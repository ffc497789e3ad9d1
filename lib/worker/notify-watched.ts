import type { Notifications } from 'webextension-polyfill';
import type { PaperPulseDB } from '../storage/db';
import type { Paper } from '../storage/records';
import type { Settings } from '../storage/settings';
import { getState, setState } from '../storage/state';
import { compileTopics } from '../topics/matcher';
import { arrivalNotification, type NotificationContent, type NotificationLook } from './notification-content';
import { arrivalWindowStart, nextWatermark, watchedArrivals, type Arrival } from './watched-arrivals';

/** The part of `browser.notifications` PaperPulse uses; absent until the permission is granted. */
export type NotificationsApi = Pick<Notifications.Static, 'create'>;

export interface WatchedNotifierDeps {
  db: PaperPulseDB;
  settings: () => Promise<Settings>;
  /** Is the optional `notifications` permission granted (`permissions.contains`)? */
  permitted: () => Promise<boolean>;
  notifications: () => NotificationsApi | undefined;
  look: NotificationLook;
}

/**
 * "Notify me about watched-topic papers": after each refresh, one notification for the papers that
 * arrived since the last look and match a watched topic (see watched-arrivals.ts for what "arrived"
 * means). With the setting off, no topics or no permission it notifies nothing but still moves the
 * watermark, so that ticking the box later does not announce last week's papers.
 */
export function createWatchedNotifier(deps: WatchedNotifierDeps) {
  const { db } = deps;

  /**
   * Takes the arrivals to announce and records them as notified and the window as considered, in
   * one transaction: two passes cannot take the same paper, and what is taken is never taken again.
   */
  function claim(enabled: boolean, topics: readonly string[]): Promise<Arrival[]> {
    return db.transaction('rw', db.papers, db.state, async () => {
      const [consideredUpTo, notifiedIds, runStartedAt] = await Promise.all([
        getState(db, 'watchedConsideredUpTo'),
        getState(db, 'watchedNotifiedIds'),
        getState(db, 'lastRefreshStartedAt'),
      ]);
      const arrived = await db.papers
        .where('firstSeenAt')
        .aboveOrEqual(arrivalWindowStart(consideredUpTo, runStartedAt))
        .toArray();
      // Ids of papers the feed has pruned are dropped with them: the list stays as long as the feed.
      const stored = (await db.papers.bulkGet(notifiedIds)).filter((paper): paper is Paper => !!paper);
      const notified = new Set(stored.map((paper) => paper.id));
      // The first papers ever stored are the install's backfill, not news.
      const firstLook = consideredUpTo === 0;
      const arrivals = enabled && !firstLook ? watchedArrivals(arrived, notified, compileTopics(topics)) : [];
      for (const arrival of arrivals) notified.add(arrival.paper.id);
      await setState(db, {
        watchedConsideredUpTo: nextWatermark(consideredUpTo, arrived),
        watchedNotifiedIds: [...notified],
      });
      return arrivals;
    });
  }

  return {
    /**
     * Runs after every refresh. The claim is stored before the notification is shown: a worker
     * stopped in between loses that one notification rather than ever showing it twice.
     */
    async afterRefresh(): Promise<NotificationContent | undefined> {
      const settings = await deps.settings();
      const wanted = settings.notifyWatched && settings.watchedTopics.length > 0;
      const enabled = wanted && (await deps.permitted());
      const notifications = deps.notifications();
      const arrivals = await claim(enabled && !!notifications, settings.watchedTopics);
      if (!notifications || arrivals.length === 0) return undefined;
      const content = arrivalNotification(arrivals, deps.look);
      await notifications.create(content.id, content.options);
      return content;
    },
  };
}

export type WatchedNotifier = ReturnType<typeof createWatchedNotifier>;
