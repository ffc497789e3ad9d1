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
