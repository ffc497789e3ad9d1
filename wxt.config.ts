import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'PaperPulse',
    description:
      'Hugging Face Daily Papers on every paper page: trending papers, upvotes, code links, related titles and one-click bookmarks.',
    // alarms: scheduled refresh; storage: bookmark-change events for open tabs;
    // unlimitedStorage: 90 days of feed plus the user's library must never be evicted.
    permissions: ['alarms', 'storage', 'unlimitedStorage', 'activeTab'],
    host_permissions: ['https://huggingface.co/*'],
    action: { default_title: 'PaperPulse' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'paperpulse@paperpulse.dev', strict_min_version: '115.0' } } }
      : {}),
  }),
});
