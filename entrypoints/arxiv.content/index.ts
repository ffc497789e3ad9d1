import { annotateWith } from '@/lib/content/start';
import { site as arxiv } from '@/lib/sites/arxiv';
import { siteTable } from '@/lib/sites/table';

// arXiv alone: the pages researchers read most carry arXiv's descriptor and no other site's code
// (entrypoints/paper.content has the others). Both share lib/content.
const sites = siteTable([arxiv]);

export default defineContentScript({
  matches: sites.contentScriptMatches(),
  // document_start: the card goes in as the page is parsed, before its first layout
  // (lib/content/start.ts says why).
  runAt: 'document_start',
  // WXT would otherwise announce every start to the page with window.postMessage, naming our
  // extension id: pages learn nothing of PaperPulse from us.
  noScriptStartedPostMessage: true,
  main: (ctx) => annotateWith(ctx, sites),
});
