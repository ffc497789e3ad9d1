import browser from 'webextension-polyfill';
import { registerHandlers } from '@/lib/messaging/receive';
import { createWorker } from '@/lib/worker';
import type { Trigger } from '@/lib/worker/scheduler';
import { SETTINGS_KEY } from '@/lib/storage/settings';

// Manifest V3 workers can be stopped between any two events: every listener is registered
// synchronously here, and no state that matters is kept in memory.
export default defineBackground(() => {
  const { handlers, scheduler, tabs, logError, updateFirstScreen, digest, openClicked } = createWorker();
  const run = (trigger: Trigger) => void scheduler.trigger(trigger).catch(logError(`${trigger} refresh`));
  const checkDigest = () => void digest.check().catch(logError('weekly digest'));
  // The notifications API exists only while its optional permission is granted: listen now if it
  // is, and as soon as the user grants it.
  const listenToClicks = () => {
    if (browser.notifications && !browser.notifications.onClicked.hasListener(openClicked))
      browser.notifications.onClicked.addListener(openClicked);
  };
  listenToClicks();
  browser.permissions.onAdded.addListener(listenToClicks);
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') run('install');
  });
  browser.runtime.onStartup.addListener(() => run('startup'));
  browser.alarms.onAlarm.addListener(({ name }) => {
    const trigger = scheduler.alarmTrigger(name);
    if (trigger) run(trigger);
    else if (digest.isDigestAlarm(name)) checkDigest();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) checkDigest();
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId).catch(logError('tab gone')));
  registerHandlers(handlers);
  run('wake');
  checkDigest();
  // A worker stopped before it could update the popup's first screen catches up now.
  void updateFirstScreen();
});
