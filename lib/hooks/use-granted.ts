import { useEffect, useState } from 'preact/hooks';
import browser, { type Permissions } from 'webextension-polyfill';

/**
 * Whether the browser grants `permission` now (undefined until it has said), kept current: the
 * user can take an optional permission back in the browser's own settings at any time, and a
 * switch that needs it must not go on saying it is on.
 */
export function useGranted(permission: Permissions.Permissions): boolean | undefined {
  const [granted, setGranted] = useState<boolean>();
  useEffect(() => {
    let live = true;
    const check = () =>
      void browser.permissions.contains(permission).then(
        (now) => live && setGranted(now),
        () => undefined,
      );
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
    // The permission objects are module constants.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return granted;
}
