import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

const contentBrowser = fileURLToPath(new URL('./lib/content/browser.ts', import.meta.url));
const contentContext = fileURLToPath(new URL('./lib/content/context.ts', import.meta.url));

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // Content scripts run on every paper page: give them the native promise-based API instead of
    // webextension-polyfill (see lib/content/browser.ts). Other entrypoints keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const existing = config.resolve?.alias ?? [];
      const list = Array.isArray(existing)
        ? existing
        : Object.entries(existing).map(([find, replacement]) => ({
            find,
            replacement: replacement as string,
          }));
      config.resolve = {
        ...config.resolve,
        alias: [
          { find: /^wxt\/browser$/, replacement: contentBrowser },
          // And a small context instead of WXT's, which would post our extension id to the page
          // (lib/content/context.ts says what it keeps).
          { find: /^wxt\/utils\/content-script-context$/, replacement: contentContext },
          { find: /^webextension-polyfill$/, replacement: contentBrowser },
          ...list,
        ],
      };
    },
  },
  manifest: ({ browser }) => ({
    name: 'PaperPulse',
    description:
      'Hugging Face Daily Papers on every paper page: trending papers, upvotes, code links, related titles and one-click bookmarks.',
    // alarms: scheduled refresh; storage: settings;
    // unlimitedStorage: 90 days of feed plus the user's library must never be evicted.
    permissions: ['alarms', 'storage', 'unlimitedStorage', 'activeTab'],
    // notifications: watched-topic papers and the weekly digest, both opt-in; asked for by the
    // options page when the user ticks either box, so nobody who does not want them grants it.
    optional_permissions: ['notifications'],
    host_permissions: ['https://huggingface.co/*'],
    action: { default_title: 'PaperPulse' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'paperpulse@paperpulse.dev',
              // data_collection_permissions needs Firefox 140 on desktop (so ESR 140 installs it) and
              // 142 on Android, which reads gecko_android instead:
              // https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
              strict_min_version: '140.0',
              // Nothing leaves the browser but requests to Hugging Face's public API.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
