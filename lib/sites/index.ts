import { siteTable, type SiteTable } from './table';
import type { SiteDescriptor } from './types';

export type { ListingEntry, SiteDescriptor } from './types';
export { siteTable, type SiteTable } from './table';

/**
 * Every site descriptor: each `lib/sites/<site>.ts` exports one as `site`, so adding a site is
 * adding its file (and its URL cases in tests/cases/paper-urls.ts). Vite resolves the glob at
 * build time, in file-name order.
 */
export const SITE_DESCRIPTORS: readonly SiteDescriptor[] = Object.values(
  import.meta.glob<SiteDescriptor>(['./*.ts', '!./index.ts', '!./types.ts', '!./table.ts'], {
    eager: true,
    import: 'site',
  }),
);

/** Every site: what the worker, the popup and the options page ask (lib/sites/table.ts). */
export const ALL_SITES: SiteTable = siteTable(SITE_DESCRIPTORS);

export const {
  siteOfHost,
  contentScriptMatches,
  detectPaper,
  listingSite,
  listingEntries,
  findTitleAnchor,
  navigatesInPage,
} = ALL_SITES;
