/**
 * The extension API for content scripts, without webextension-polyfill. In Manifest V3 both
 * Firefox's `browser` and Chrome's `chrome` return promises for everything the content script uses
 * (runtime.sendMessage, runtime.onMessage, runtime.id), so the polyfill's ~10 KB would only cost
 * every paper page load time. wxt.config.ts points `wxt/browser` and `webextension-polyfill` here
 * for content-script builds only; the worker and the popup keep the polyfill.
 */
type Api = import('webextension-polyfill').Browser;
const scope = globalThis as unknown as { browser?: Api; chrome?: Api };

export const browser: Api = (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as Api;
export default browser;
