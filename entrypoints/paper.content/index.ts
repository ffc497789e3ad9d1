import { annotateWith } from '@/lib/content/start';
import { siteTable } from '@/lib/sites/table';
import type { SiteDescriptor } from '@/lib/sites/types';

// Every known site but arXiv (entrypoints/arxiv.content) and the apps (entrypoints/apps.content):
// the same glob as lib/sites/index.ts, without their files, so these pages carry neither's code.
// A new site lands here unless it is added to one of the others. tests/unit/content-scripts.test.ts
// checks that the three scripts together run on exactly the sites' matches.
const descriptors = import.meta.glob<SiteDescriptor>(
  [
    '../../lib/sites/*.ts',
    '!../../lib/sites/index.ts',
    '!../../lib/sites/types.ts',
    '!../../lib/sites/table.ts',
    '!../../lib/sites/arxiv.ts',
    '!../../lib/sites/alphaxiv.ts',
    '!../../lib/sites/huggingface.ts',
    '!../../lib/sites/openreview.ts',
    '!../../lib/sites/semanticscholar.ts',
  ],
  // `import: 'site'`: the descriptors themselves, without a module namespace object around each.
  { eager: true, import: 'site' },
);
const sites = siteTable(Object.values(descriptors));

export default defineContentScript({
  // Derived from the site descriptors (lib/sites/): every known host, no `<all_urls>`.
  matches: sites.contentScriptMatches(),
  // document_start: the card goes in as the page is parsed, before its first layout
  // (lib/content/start.ts says why).
  runAt: 'document_start',
  // WXT would otherwise announce every start to the page with window.postMessage, naming our
  // extension id: pages learn nothing of PaperPulse from us.
  noScriptStartedPostMessage: true,
  main: (ctx) => annotateWith(ctx, sites),
});
