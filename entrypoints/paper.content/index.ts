import { contentScriptMatches } from '@/lib/sites';
import { startAnnotation } from '@/lib/content/start';

export default defineContentScript({
  // Derived from the site descriptors (lib/sites/): every known host, no `<all_urls>`.
  matches: contentScriptMatches(),
  runAt: 'document_idle',
  // WXT would otherwise announce every start to the page with window.postMessage, naming our
  // extension id: pages learn nothing of PaperPulse from us.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const stop = startAnnotation({
      onLocationChange: (listener) =>
        ctx.addEventListener(window, 'wxt:locationchange', (event) => listener(event.newUrl.href)),
      get isValid() {
        return ctx.isValid;
      },
    });
    // The extension was updated or reloaded: this copy's card goes, the new copy mounts its own.
    ctx.onInvalidated(stop);
  },
});
