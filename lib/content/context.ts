import browser from 'webextension-polyfill';

/**
 * The content script's context, in place of WXT's `ContentScriptContext` (wxt.config.ts aliases
 * `wxt/utils/content-script-context` here for content-script builds; WXT's entry wrapper
 * constructs it and hands it to `main`). It does the three things PaperPulse uses, and no more:
 * - `isValid` / `onInvalidated`: after the extension is updated or reloaded, this copy of the
 *   script is orphaned (its `runtime.id` is gone) and takes its card off the page;
 * - `addEventListener(window, 'wxt:locationchange', …)`: in-app navigation on single-page sites.
 * WXT's own class costs a third of the content script's size budget, and announces every start
 * to the page (a DOM event and a `window.postMessage` naming our extension id): this one
 * dispatches nothing the page can see.
 */
export class ContentScriptContext {
  private readonly controller = new AbortController();

  constructor(readonly contentScriptName: string) {}

  get isValid(): boolean {
    if (!browser.runtime?.id) this.controller.abort();
    return !this.controller.signal.aborted;
  }

  onInvalidated(callback: () => void): () => void {
    const { signal } = this.controller;
    signal.addEventListener('abort', callback);
    return () => signal.removeEventListener('abort', callback);
  }

  /**
   * Only `wxt:locationchange` is supported: `listener` gets `{ newUrl }` when the page's URL
   * changes without a load. The Navigation API says so before `location` changes (hence the
   * argument); browsers without it (Firefox) are polled once a second. The type admits no other
   * event, so nothing checks it at run time (every byte here is paid on every paper page).
   */
  addEventListener(
    _target: Window,
    _type: 'wxt:locationchange',
    listener: (event: { newUrl: URL; oldUrl: URL }) => void,
  ): void {
    let last = new URL(location.href);
    const changed = (next: URL) => {
      if (next.href === last.href || !this.isValid) return;
      const oldUrl = last;
      last = next;
      listener({ newUrl: next, oldUrl });
    };
    const { signal } = this.controller;
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (navigation?.addEventListener) {
      navigation.addEventListener(
        'navigate',
        (event) => changed(new URL((event as Event & { destination: { url: string } }).destination.url)),
        { signal },
      );
    } else {
      const timer = setInterval(() => changed(new URL(location.href)), 1000);
      this.onInvalidated(() => clearInterval(timer));
    }
  }
}
