import browser, { type Tabs } from 'webextension-polyfill';
import { fetchPaper } from '../feed/paper-api';
import { sendToTabs } from '../messaging/broadcast';
import type { BookmarkChanged } from '../messaging/events';
import { syncRelatedIndex } from '../related/sync';
import { createBookmarkWriter } from '../storage/bookmarks';
import { getDb } from '../storage/db';
import { getSettings } from '../storage/settings';
import { markAllSeen, updateBadge } from './badge';
import { createHandlers } from './handlers';
import { createScheduler } from './scheduler';
import { createTabPapers } from './tab-papers';
import { createFirstScreenWriter } from './first-screen';
import { clearData } from './clear-data';
import { syncAnySiteScript } from './any-site';
import { createBadgeFlash } from './badge-flash';
import { installMenu } from './context-menu';
import { createQuickSave } from './quick-save';
import { createSaveConfirmation } from './save-confirmation';
import { createWeeklyDigest } from './digest';
import { openNotification } from './notification-clicks';
import { createWatchedNotifier } from './notify-watched';
import { updateTrends } from './trends';
import { createVersionCheck } from './versions';
import { ARXIV_API_ORIGIN } from '../versions';
import { createBookmarkSync } from './sync';
import { createSyncLibrary } from '../storage/sync-library';
import { readReplicaId } from '../storage/sync-state';

const logError = (what: string) => (error: unknown) => console.error(`PaperPulse: ${what}`, error);

/**
 * The worker's world, built once per worker start from the browser's APIs and handed to the
 * modules that decide (which take it as parameters, so that tests pass their own).
 */
export function createWorker() {
  const db = getDb();
  const now = Date.now;
  const tabs = createTabPapers(browser.storage.session);
  const firstScreen = createFirstScreenWriter(
    db,
    browser.storage.local,
    now,
    async () => (await getSettings()).watchedTopics,
  );
  const updateFirstScreen = () => firstScreen.update().catch(logError('could not write the first screen'));
  const announce = async (events: BookmarkChanged[]) => {
    if (events.length === 0) return;
    void updateFirstScreen();
    const showing = await tabs.tabsShowing(events.map((event) => event.key)).catch(() => new Map());
    await Promise.all(events.map((event) => sendToTabs(showing.get(event.key) ?? [], event)));
  };
  const replicaId = () => readReplicaId(browser.storage.local);
  const bookmarkSync = createBookmarkSync({
    local: createSyncLibrary(db, now),
    area: browser.storage.sync,
    session: browser.storage.session,
    store: browser.storage.local,
    alarms: browser.alarms,
    now,
    enabled: async () => (await getSettings()).syncBookmarks,
    replicaId,
    announce,
    log: logError('bookmark sync'),
  });
  const bookmarks = createBookmarkWriter({
    db,
    now,
    announce,
    replicaId,
    written: bookmarkSync.localChanged,
  });
  // `notifications` is an optional permission: its API is there only once the user granted it.
  const notificationWorld = {
    permitted: () => browser.permissions.contains({ permissions: ['notifications'] }),
    notifications: () => browser.notifications,
    look: {
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      listItems: import.meta.env.BROWSER !== 'firefox',
    },
  };
  const watchedNotifier = createWatchedNotifier({ db, settings: getSettings, ...notificationWorld });
  const digest = createWeeklyDigest({
    db,
    alarms: browser.alarms,
    now,
    settings: getSettings,
    ...notificationWorld,
  });
  const versions = createVersionCheck({
    db,
    bookmarks,
    alarms: browser.alarms,
    fetch: (...args) => fetch(...args),
    // An extension API call keeps the worker alive through the 3 s between requests (Chrome 110+:
    // https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).
    sleep: (ms) => {
      void browser.runtime.getPlatformInfo();
      return new Promise((resolve) => setTimeout(resolve, ms));
    },
    now,
    settings: getSettings,
    permitted: () => browser.permissions.contains({ origins: [ARXIV_API_ORIGIN] }),
  });
  const openClicked = (notificationId: string) =>
    void openNotification(notificationId, {
      openTab: (url) => browser.tabs.create({ url }),
      extensionUrl: (path) => browser.runtime.getURL(path),
      clear: (id) => browser.notifications.clear(id),
    }).catch(logError('notification click'));
  const scheduler = createScheduler({
    db,
    alarms: browser.alarms,
    // Called unbound: the browser's fetch throws "Illegal invocation" with another `this`.
    fetch: (...args) => fetch(...args),
    now,
    settings: getSettings,
    afterRun: async (outcome) => {
      await updateBadge(db, await getSettings()).catch(logError('could not update the badge'));
      await watchedNotifier.afterRefresh().catch(logError('watched-topic notification'));
      await bookmarks.pruneTrash().catch(logError('could not prune the trash'));
      await updateFirstScreen();
      // Keep the Related index current here, so the popup finds it ready.
      if (outcome?.daysStored.length) await syncRelatedIndex(db, now()).catch(logError('Related index'));
      await updateTrends(db, now()).catch(logError('could not compute the trends'));
    },
  });
  const handlers = createHandlers({
    db,
    now,
    bookmarks,
    tabs,
    openLibrary: async (key) => {
      // The library, searched for this paper: its notes and tags are one click away.
      const title = (await db.bookmarks.get(key))?.title ?? '';
      const url = browser.runtime.getURL(`/popup.html?panel=bookmarks&search=${encodeURIComponent(title)}`);
      await browser.tabs.create({ url });
    },
    settings: getSettings,
    refreshNow: () => scheduler.manual(),
    clear: async (what) => {
      await clearData(db, browser.storage.local, what, { replicaId: await replicaId(), now: now() });
      if (what === 'everything') bookmarkSync.localChanged();
      await updateBadge(db, await getSettings());
      await updateFirstScreen();
      if (what === 'feed') scheduler.trigger('install').catch(logError('refresh after clearing'));
    },
    popupOpened: async () => {
      const seenBefore = await markAllSeen(db, now(), await getSettings());
      void updateFirstScreen();
      // A failed or stale refresh is retried now rather than an hour later; the popup does not wait.
      scheduler.trigger('popup').catch(logError('refresh failed'));
      return seenBefore;
    },
  });
  /** Settings changed (options page, popup): the badge, the refresh alarm and the any-site script follow at once. */
  const settingsChanged = async () => {
    const settings = await getSettings();
    await updateBadge(db, settings).catch(logError('could not update the badge'));
    await scheduler.trigger('wake').catch(logError('could not reschedule'));
    await syncAnySiteScript(browser, settings.anySite).catch(
      logError('could not register the any-site script'),
    );
    await updateFirstScreen();
    await versions.check().catch(logError('version check'));
  };
  // Manifest V2 (Firefox's build) calls it browserAction.
  const badgeFlash = createBadgeFlash({
    action: browser.action ?? browser.browserAction,
    session: browser.storage.session,
    now,
    restore: async () => updateBadge(db, await getSettings()).catch(logError('could not update the badge')),
  });
  const quickSave = createQuickSave({
    db,
    bookmarks,
    tabs,
    lookUp: (arxivId) => fetchPaper(arxivId, (...args) => fetch(...args), now()),
    confirm: createSaveConfirmation({
      flash: badgeFlash.flash,
      // Optional, and asked for elsewhere (never from a shortcut): without it, the badge alone.
      canNotify: () => browser.permissions.contains({ permissions: ['notifications'] }),
      notify: (id, options) => browser.notifications.create(id, options),
      iconUrl: browser.runtime.getURL('/icon/128.png'),
    }),
  });
  const menu = {
    install: () =>
      installMenu(
        browser.contextMenus,
        () => browser.runtime.lastError,
        browser.i18n.getMessage('menuBookmark') || undefined,
      ),
    clicked: quickSave.fromMenu,
  };
  /** The browser may pass no tab (the API has it optional): then the active one, whose URL activeTab grants. */
  const shortcut = async (command: string, tab: Tabs.Tab | undefined) =>
    quickSave.fromCommand(
      command,
      tab ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0],
    );
  return {
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
  };
}
