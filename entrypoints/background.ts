import browser from 'webextension-polyfill';
import { getDb } from '@/lib/storage/db';
import { createHandlers } from '@/lib/worker/handlers';
import { registerHandlers } from '@/lib/messaging/contract';
import {
  REFRESH_ALARM,
  RETRY_ALARM,
  refreshIfDue,
  resumeIfInterrupted,
  startRefresh,
} from '@/lib/worker/scheduler';

// Manifest V3 workers can be stopped between any two events: every listener is registered
// synchronously here, and no state that matters is kept in memory.
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install' && reason !== 'update') return;
    startRefresh();
  });
  browser.runtime.onStartup.addListener(startRefresh);
  browser.alarms.onAlarm.addListener(({ name }) => {
    if (name === REFRESH_ALARM || name === RETRY_ALARM) startRefresh();
  });
  registerHandlers(createHandlers(getDb(), { now: Date.now }, refreshIfDue));
  resumeIfInterrupted().catch((error: unknown) => console.error('PaperPulse: could not resume', error));
});
