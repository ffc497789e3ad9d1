import { annotateWith } from '@/lib/content/start';
import { detectOnAnyPage } from '@/lib/sites/page/any-page';
import { siteTable } from '@/lib/sites/table';

export default defineContentScript({
  // Registered at run time by the worker (lib/worker/any-site.ts), and only once the user turned
  // "Any site with citation metadata" on and granted the permission; nothing in the manifest.
  matches: [],
  registration: 'runtime',
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  // No known site's descriptor: the worker keeps this script off their pages.
  main: (ctx) => annotateWith(ctx, siteTable([]), detectOnAnyPage),
});
