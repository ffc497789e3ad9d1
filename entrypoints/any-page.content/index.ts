import { startAnnotation } from '@/lib/content/start';
import { detectOnAnyPage } from '@/lib/sites/page/any-page';
import { siteTable } from '@/lib/sites/table';

export default defineContentScript({
  // Registered at run time by the worker (lib/worker/any-site.ts), and only once the user turned
  // "Any site with citation metadata" on and granted the permission; nothing in the manifest.
  matches: [],
  registration: 'runtime',
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    const stop = startAnnotation(
      {
        onLocationChange: (listener) =>
          ctx.addEventListener(window, 'wxt:locationchange', (event) => listener(event.newUrl.href)),
        get isValid() {
          return ctx.isValid;
        },
      },
      // No known site's descriptor: the worker keeps this script off their pages.
      siteTable([]),
      detectOnAnyPage,
    );
    ctx.onInvalidated(stop);
  },
});
