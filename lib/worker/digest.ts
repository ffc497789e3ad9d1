import { digestOf, isDigestDue, WEEK_MS } from '../digest/digest';
import { weekPapers } from '../digest/week-papers';
import type { PaperPulseDB } from '../storage/db';
import type { Settings } from '../storage/settings';
import { getState, setState } from '../storage/state';
import { digestNotification, type NotificationContent, type NotificationLook } from './notification-content';
import type { NotificationsApi } from './notify-watched';
import type { Alarms } from './scheduler';

export const DIGEST_ALARM = 'weekly-digest';
const WEEK_MINUTES = WEEK_MS / 60_000;
/** An overdue digest that could not be shown (no permission) is tried again after this. */
const RETRY_MS = 86_400_000;

export interface WeeklyDigestDeps {
  db: PaperPulseDB;
  alarms: Alarms;
  now: () => number;
  settings: () => Promise<Settings>;
  permitted: () => Promise<boolean>;
  notifications: () => NotificationsApi | undefined;
  look: NotificationLook;
}

/**
 * The opt-in weekly digest: one notification a week that opens the digest page. Decided from what
 * is stored (`digestLastAt`), never from memory: the alarm only wakes the worker, and every wake,
 * alarm and settings change runs the same `check`, so a lost alarm or a restart changes nothing.
 */
export function createWeeklyDigest(deps: WeeklyDigestDeps) {
  const { db, alarms } = deps;

  /**
   * Arms, disarms or claims the week in one transaction, so that two checks at once (a wake and the
   * alarm that caused it) cannot both claim it. Switching the digest off forgets the week; switching
   * it on starts one, so the first digest comes a week later and never within a week of another.
   */
  function claimWeek(enabled: boolean, permitted: boolean, now: number) {
    return db.transaction('rw', db.state, async () => {
      const lastAt = await getState(db, 'digestLastAt');
      if (!enabled) {
        await setState(db, { digestLastAt: 0 });
        return { lastAt: 0, due: false };
      }
      // Not armed yet, or the clock went back before the week began: the week starts now.
      const armed = lastAt === 0 || lastAt > now;
      const due = !armed && permitted && isDigestDue(lastAt, now);
      if (armed || due) await setState(db, { digestLastAt: now });
      return { lastAt: armed || due ? now : lastAt, due };
    });
  }

  async function scheduleAlarm(lastAt: number, now: number): Promise<void> {
    const when = Math.max(lastAt + WEEK_MS, now + (isDigestDue(lastAt, now) ? RETRY_MS : 0));
    const existing = await alarms.get(DIGEST_ALARM);
    if (existing?.periodInMinutes === WEEK_MINUTES && Math.abs(existing.scheduledTime - when) < 60_000)
      return;
    await alarms.create(DIGEST_ALARM, { when, periodInMinutes: WEEK_MINUTES });
  }

  return {
    isDigestAlarm: (name: string) => name === DIGEST_ALARM,

    /** On every wake, on the alarm and when the settings change; shows the digest when it is due. */
    async check(): Promise<NotificationContent | undefined> {
      const { weeklyDigest, watchedTopics } = await deps.settings();
      const notifications = deps.notifications();
      const permitted = weeklyDigest && !!notifications && (await deps.permitted());
      const now = deps.now();
      const { lastAt, due } = await claimWeek(weeklyDigest, permitted, now);
      if (!weeklyDigest) {
        await alarms.clear(DIGEST_ALARM);
        return undefined;
      }
      await scheduleAlarm(lastAt, now);
      if (!due || !notifications) return undefined;
      const content = digestNotification(digestOf(await weekPapers(db, now), watchedTopics, now), deps.look);
      if (content) await notifications.create(content.id, content.options);
      return content;
    },
  };
}

export type WeeklyDigest = ReturnType<typeof createWeeklyDigest>;
