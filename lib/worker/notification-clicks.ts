import { notificationTarget, targetUrl } from './notification-target';

export interface NotificationClickDeps {
  openTab: (url: string) => Promise<unknown>;
  /** `runtime.getURL`. */
  extensionUrl: (path: string) => string;
  /** Removes the notification once it has done its job. */
  clear: (notificationId: string) => Promise<unknown>;
}

/**
 * A click on one of PaperPulse's notifications opens what its id names (see notification-target.ts);
 * the worker may have been started by the click itself, so nothing else is needed. Returns the URL
 * opened, or undefined for a notification that is not ours.
 */
export async function openNotification(
  notificationId: string,
  deps: NotificationClickDeps,
): Promise<string | undefined> {
  const target = notificationTarget(notificationId);
  if (!target) return undefined;
  const url = targetUrl(target, deps.extensionUrl);
  await deps.openTab(url);
  await deps.clear(notificationId);
  return url;
}
