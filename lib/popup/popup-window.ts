import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';

/**
 * Is this page the toolbar popup (rather than popup.html open in a tab)? A file picker closes the
 * toolbar popup in Firefox and on macOS, losing the import: there, Import opens the library in a tab.
 */
export function useInToolbarPopup(): boolean {
  const [inPopup, setInPopup] = useState(false);
  useEffect(() => {
    void browser.tabs
      .getCurrent()
      .then((tab) => setInPopup(!tab))
      .catch(() => undefined);
  }, []);
  return inPopup;
}

/** Opens the popup page in a tab, on the given panel, and closes the toolbar popup. */
export async function openInTab(panel: 'bookmarks'): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?panel=${panel}`) });
  window.close();
}

/** The panel a `?panel=` link asks for. */
export function initialPanel<T extends string>(allowed: readonly T[], fallback: T): T {
  const wanted = new URLSearchParams(location.search).get('panel');
  return allowed.find((panel) => panel === wanted) ?? fallback;
}
