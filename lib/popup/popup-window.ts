import browser from 'webextension-polyfill';

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

/** The search a `?search=` link asks for (the library opened from a page, on one paper). */
export function initialSearch(): string {
  return (new URLSearchParams(location.search).get('search') ?? '').slice(0, 1000);
}
