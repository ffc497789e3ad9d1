import { annotateWith } from '@/lib/content/start';
import { site as alphaxiv } from '@/lib/sites/alphaxiv';
import { site as huggingface } from '@/lib/sites/huggingface';
import { site as openreview } from '@/lib/sites/openreview';
import { site as semanticscholar } from '@/lib/sites/semanticscholar';
import { siteTable } from '@/lib/sites/table';

// The sites that are apps (they draw their paper with scripts, and swap papers without a page
// load): their pages carry these four descriptors and no other site's code. entrypoints/
// paper.content leaves them out; tests/unit/content-scripts.test.ts checks that the three
// scripts together run on exactly the sites' matches, and that each app is here.
const sites = siteTable([alphaxiv, huggingface, openreview, semanticscholar]);

export default defineContentScript({
  matches: sites.contentScriptMatches(),
  // document_start like the others; the card waits for the app to have loaded (lib/content/start.ts).
  runAt: 'document_start',
  // WXT would otherwise announce every start to the page with window.postMessage, naming our
  // extension id: pages learn nothing of PaperPulse from us.
  noScriptStartedPostMessage: true,
  main: (ctx) => annotateWith(ctx, sites),
});
