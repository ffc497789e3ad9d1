import type { Menus } from 'webextension-polyfill';
import type { PaperRef } from '../paper/ref';
import { detectPaper } from '../sites';
import { paperLinkPatterns, paperOfLink, paperPagePatterns } from './paper-links';

/** English, as in public/_locales/en/messages.json (`menuBookmark`): what a browser without the locale shows. */
export const MENU_TITLE = 'Bookmark in PaperPulse';
export const MENU_IDS = { page: 'bookmark-page', link: 'bookmark-link' } as const;

/** The part of `browser.contextMenus` this needs (WXT's fake browser has none: tests pass a recorder). */
export interface MenuApi {
  removeAll(): Promise<void>;
  create(properties: Menus.CreateCreatePropertiesType, callback?: () => void): number | string;
}

/**
 * Two entries with one title: the page entry on paper pages and their PDFs, the link entry on
 * links to papers anywhere. A browser shows only one of them at a time: `page` applies only where
 * no other context does (not on a link).
 */
export function menuEntries(title: string = MENU_TITLE): Menus.CreateCreatePropertiesType[] {
  return [
    {
      id: MENU_IDS.page,
      title,
      // A PDF tab's document URL is the PDF's: the same hosts, so the same patterns.
      contexts: ['page'],
      documentUrlPatterns: paperPagePatterns(),
    },
    { id: MENU_IDS.link, title, contexts: ['link'], targetUrlPatterns: paperLinkPatterns() },
  ];
}

/**
 * Creates the entries, after removing any left from before: Chromium keeps an extension's menu
 * across worker restarts and updates, and creating an id twice is an error. Rejects with the
 * browser's error (`lastError`) when an entry is refused.
 */
export async function installMenu(
  menus: MenuApi,
  lastError: () => { message?: string } | undefined,
  title: string = MENU_TITLE,
) {
  await menus.removeAll();
  await Promise.all(
    menuEntries(title).map(
      (entry) =>
        new Promise<void>((resolve, reject) => {
          menus.create(entry, () => {
            const error = lastError();
            if (error) reject(new Error(`menu ${entry.id}: ${error.message}`));
            else resolve();
          });
        }),
    ),
  );
}

/** The paper a click on one of the entries is about: the link's, or the page's (a PDF's included). */
export function paperOfMenuClick(info: Menus.OnClickData, tabUrl: string | undefined): PaperRef | null {
  if (info.menuItemId === MENU_IDS.link) return paperOfLink(info.linkUrl);
  if (info.menuItemId !== MENU_IDS.page) return null;
  const pageUrl = info.pageUrl ?? tabUrl;
  return pageUrl ? detectPaper(pageUrl) : null;
}
