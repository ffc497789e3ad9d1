import { defineConfig } from 'wxt';
import type { PluginOption } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { MANIFEST_COMMANDS } from './lib/worker/commands';
import { ARXIV_API_ORIGIN } from './lib/versions/origin';

const contentBrowser = fileURLToPath(new URL('./lib/content/browser.ts', import.meta.url));
const contentContext = fileURLToPath(new URL('./lib/content/context.ts', import.meta.url));

/**
 * The popup's stylesheet, inlined into popup.html as a <style>: a linked one is another file the
 * browser reads before it can paint the first row (measured from outside: each file popup.html
 * loads adds several milliseconds). Extension pages may use inline styles (the extension's
 * content security policy restricts scripts, not styles).
 */
function inlinePopupStylesheet(): PluginOption {
  return {
    name: 'paperpulse:inline-popup-stylesheet',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, path, chunk }) {
        if (!bundle || !path.endsWith('popup/index.html')) return html;
        // WXT's module for its (here, no) HTML plugins comes out as an empty file the popup's
        // entry imports: one more file to read before the first paint, for nothing.
        for (const empty of Object.values(bundle)) {
          if (empty.type !== 'chunk' || empty.code.trim() || !empty.name.includes('wxt-html-plugins'))
            continue;
          const name = empty.fileName.split('/').pop()!;
          if (chunk) chunk.code = chunk.code.replace(`import"./${name}";`, '');
          html = html.replace(
            new RegExp(`<link rel="modulepreload"[^>]*${name.replace(/\./g, '\\.')}"[^>]*>\\s*`),
            '',
          );
        }
        // Nothing is painted before the entry has run (it draws the first screen): without a
        // linked stylesheet to wait for, the browser would first paint an empty page, a frame of
        // main-thread work in the way of the one that matters.
        html = html.replace(
          '<script type="module" crossorigin',
          '<script type="module" blocking="render" crossorigin',
        );
        return html.replace(
          /<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g,
          (link, file: string) => {
            const asset = bundle[file];
            return asset?.type === 'asset' ? `<style>${String(asset.source)}</style>` : link;
          },
        );
      },
    },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), inlinePopupStylesheet()],
    // Every browser PaperPulse supports preloads modules itself: no polyfill chunk for the popup to
    // fetch before its first paint.
    build: { modulePreload: { polyfill: false } },
  }),
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
      // Every function of a content script runs on every page it loads on: the magic comment has
      // Chromium (136+) compile them all with the script, instead of parsing each twice (once to
      // skip it, once more when first called). Measured from outside: about 1 ms less script time
      // on an arXiv abstract. Added to the finished file, after minification.
      config.plugins = [
        ...(config.plugins ?? []),
        {
          name: 'paperpulse:compile-hints',
          generateBundle(_, bundle) {
            for (const chunk of Object.values(bundle))
              if (chunk.type === 'chunk') chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
          },
        },
      ];
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
    // Strings the browser and the stores show come from public/_locales (English: en).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: scheduled refresh; storage: settings; unlimitedStorage: 90 days of feed plus the
    // user's library must never be evicted; activeTab: the tab's URL for the popup's Related tab and
    // for the bookmark shortcut; scripting: the opt-in "any site" content script is registered at run
    // time; contextMenus: "Bookmark in PaperPulse" on paper pages and links. README lists all.
    permissions: ['alarms', 'storage', 'unlimitedStorage', 'activeTab', 'scripting', 'contextMenus'],
    host_permissions: ['https://huggingface.co/*'],
    // Optional, each asked for by the options page when the user switches on what needs it:
    // notifications (watched-topic papers, the weekly digest), every site's pages ("Any site
    // with citation metadata", lib/worker/any-site.ts) and arXiv's API (new versions of saved
    // preprints, lib/worker/versions.ts). Firefox's Manifest V2 lists them all together.
    ...(browser === 'firefox'
      ? {
          optional_permissions: ['notifications', 'https://*/*', 'http://*/*', ARXIV_API_ORIGIN],
        }
      : {
          optional_permissions: ['notifications'],
          optional_host_permissions: ['https://*/*', 'http://*/*', ARXIV_API_ORIGIN],
        }),
    action: { default_title: '__MSG_actionTitle__' },
    // The bookmark shortcut (lib/worker/commands.ts).
    commands: MANIFEST_COMMANDS,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'paperpulse@paperpulse.dev',
              // data_collection_permissions needs Firefox 140 on desktop (so ESR 140 installs it) and
              // 142 on Android, which reads gecko_android instead:
              // https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
              strict_min_version: '140.0',
              // Nothing is collected by or sent to us: requests go to Hugging Face's public API, to
              // arXiv's (the ids of bookmarked arXiv papers) when version alerts are on, and bookmarks
              // to the browser's own sync when sync is on (PRIVACY.md).
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
