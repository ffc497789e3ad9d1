import browser from 'webextension-polyfill';
import { registerHandlers } from '@/lib/messaging/receive';
import { createWorker } from '@/lib/worker';
import type { Trigger } from '@/lib/worker/scheduler';
import { SETTINGS_KEY } from '@/lib/storage/settings';

// Manifest V3 workers can be stopped between any two events: every listener is registered
// synchronously here, and no state that matters is kept in memory.
export default defineBackground(() => {
  const {
    handlers,
    scheduler,
    tabs,
    logError,
    updateFirstScreen,
    settingsChanged,
    menu,
    shortcut,
    badgeFlash,
    digest,
    openClicked,
    versions,
    bookmarkSync,
  } = createWorker();
  const run = (trigger: Trigger) => void scheduler.trigger(trigger).catch(logError(`${trigger} refresh`));
  const installMenu = () => void menu.install().catch(logError('context menu'));
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
    if (reason === 'install' || reason === 'update') {
      run('install');
      installMenu();
    }
  });
  browser.runtime.onStartup.addListener(() => {
    run('startup');
    installMenu();
  });
  browser.contextMenus.onClicked.addListener(
    (info, tab) => void menu.clicked(info, tab).catch(logError('bookmark from the menu')),
  );
  browser.commands.onCommand.addListener(
    (command, tab) => void shortcut(command, tab).catch(logError('bookmark shortcut')),
  );
  browser.alarms.onAlarm.addListener(({ name }) => {
    const trigger = scheduler.alarmTrigger(name);
    if (trigger) run(trigger);
    else if (digest.isDigestAlarm(name)) checkDigest();
    else if (versions.isVersionAlarm(name)) void versions.check().catch(logError('version check'));
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId).catch(logError('tab gone')));
  // Options and permissions apply at once: the badge, the refresh alarm, the any-site script, the digest.
  const followSettings = () => void settingsChanged().catch(logError('settings'));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    followSettings();
    checkDigest();
  });
  browser.permissions.onAdded.addListener(followSettings);
  browser.permissions.onRemoved.addListener(followSettings);
  browser.storage.onChanged.addListener(bookmarkSync.storageChanged);
  browser.alarms.onAlarm.addListener(bookmarkSync.alarmFired);
  registerHandlers(handlers);
  run('wake');
  checkDigest();
  // A worker stopped before it could update the popup's first screen catches up now.
  void updateFirstScreen();
  followSettings();
  // A worker stopped in the middle of a badge flash left its mark: the normal badge comes back.
  void badgeFlash.settle().catch(logError('badge flash'));
  void bookmarkSync.start().catch(logError('bookmark sync'));
});
