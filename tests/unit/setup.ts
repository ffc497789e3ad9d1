import 'fake-indexeddb/auto';
import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createGetMessage, readMessages } from './support/fake-i18n';

// WXT's fake browser has no i18n: read the real English messages, as a browser would.
const getMessage = createGetMessage(readMessages());
const installI18n = () => {
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
};
installI18n();

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
  // lib/i18n.ts reads the API from the globals WXT stubs once per file; a test that unstubs its
  // own globals (vi.unstubAllGlobals) removes those too.
  vi.stubGlobal('chrome', fakeBrowser);
  vi.stubGlobal('browser', fakeBrowser);
});
