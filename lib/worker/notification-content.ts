import type { Notifications } from 'webextension-polyfill';
import type { Digest } from '../digest/digest';
import { notificationId } from './notification-target';
import type { Arrival } from './watched-arrivals';
import { t, tp } from '../i18n';

/** What PaperPulse's notifications say. Pure: the id says what a click opens. */

export interface NotificationContent {
  id: string;
  options: Notifications.CreateNotificationOptions;
}

export interface NotificationLook {
  iconUrl: string;
  /** Chromium draws `list` notifications; Firefox only `basic` ones, so titles go in the message. */
  listItems: boolean;
}

/** Titles named in one batch; the digest page lists the rest. */
export const BATCH_TITLES = 5;

/** Every topic the arrivals match, once each, in order of first appearance. */
function topicsOf(arrivals: readonly Arrival[]): string[] {
  return [...new Set(arrivals.flatMap((arrival) => arrival.topics))];
}

/**
 * One paper: its title, the topics it is on and its upvotes; a click opens it. Several: one
 * notification naming the topics and the top titles; a click opens them all on the digest page.
 */
export function arrivalNotification(
  arrivals: readonly Arrival[],
  look: NotificationLook,
): NotificationContent {
  const [first] = arrivals;
  if (!first) throw new Error('no arrivals to announce');
  if (arrivals.length === 1) {
    return {
      id: notificationId({ kind: 'paper', id: first.paper.id }),
      options: {
        type: 'basic',
        iconUrl: look.iconUrl,
        title: t('notifyOnePaper', first.topics.join(', ')),
        message: first.paper.title,
        contextMessage: t('notifyOnePaperContext', first.paper.upvotes),
      },
    };
  }
  const title = t('notifyPapers', arrivals.length, topicsOf(arrivals).join(', '));
  const shown = arrivals.slice(0, BATCH_TITLES);
  const more = arrivals.length - shown.length;
  const contextMessage = more > 0 ? t('notifyPapersContextMore', more) : t('notifyPapersContext');
  const id = notificationId({ kind: 'papers', ids: arrivals.map((arrival) => arrival.paper.id) });
  if (look.listItems) {
    return {
      id,
      options: {
        type: 'list',
        iconUrl: look.iconUrl,
        title,
        // Shown where a list is drawn as one line (macOS shows only the first item).
        message: first.paper.title,
        items: shown.map(({ paper, topics }) => ({ title: paper.title, message: topics.join(', ') })),
        contextMessage,
      },
    };
  }
  return {
    id,
    options: {
      type: 'basic',
      iconUrl: look.iconUrl,
      title,
      message: shown.map(({ paper }) => `• ${paper.title}`).join('\n'),
      contextMessage,
    },
  };
}

/** "Your PaperPulse week: …"; undefined for a week with nothing stored (nothing to say). */
export function digestNotification(digest: Digest, look: NotificationLook): NotificationContent | undefined {
  const [best] = digest.top;
  if (!best) return undefined;
  const onTopics = digest.topics.filter((topic) => topic.total > 0);
  const topics = onTopics.map((topic) => `${topic.topic} ${topic.total}`).join(' · ');
  return {
    id: notificationId({ kind: 'digest', week: digest.to }),
    options: {
      type: 'basic',
      iconUrl: look.iconUrl,
      title: t('notifyDigestTitle', tp('paperCount', digest.paperCount)),
      message: t('notifyDigestMessage', best.title, best.upvotes),
      contextMessage: topics ? t('notifyDigestTopics', topics) : t('notifyDigestNoTopics'),
    },
  };
}
