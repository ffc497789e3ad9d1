import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REAL_ITEMS, type RawFeedItem } from './feed-data';

/**
 * The pages a page-load figure is measured on, served from memory by a route (nothing reaches the
 * network). The abstract pages are the hand-built fixtures; the listing and the search page are
 * made here from the listing fixture's markup (arXiv's `dl > dt/dd` with `div.list-title`) and arXiv's
 * search-results markup, with 50 real papers from the feed fixtures.
 */

export type Annotation = 'card' | 'chips' | 'nothing';

export interface BenchPage {
  id: string;
  label: string;
  url: string;
  html: string;
  /** What PaperPulse must have put on the page once it is loaded (checked after each measured load). */
  paperpulse: Annotation;
}

const fixturePage = (name: string) => readFileSync(resolve('tests/fixtures/pages', name), 'utf8');

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

interface ListedPaper {
  id: string;
  title: string;
  authors: string[];
  summary: string;
}

function listedPaper(item: RawFeedItem): ListedPaper {
  return {
    id: item.paper.id,
    title: (item.paper.title || item.title || '').replace(/\s+/g, ' ').trim(),
    authors: (item.paper.authors ?? []).map((author) => author.name),
    summary: (item.paper.summary ?? '').replace(/\s+/g, ' ').trim(),
  };
}

/** 50 distinct real papers: the 29 of the fixture day (in the feed) first, then seed-listing ones. */
export function listedPapers(count = 50): ListedPaper[] {
  const seen = new Set<string>();
  const papers: ListedPaper[] = [];
  for (const item of REAL_ITEMS) {
    if (papers.length === count) break;
    if (seen.has(item.paper.id)) continue;
    seen.add(item.paper.id);
    papers.push(listedPaper(item));
  }
  if (papers.length < count) throw new Error(`only ${papers.length} distinct papers in the fixtures`);
  return papers;
}

const authorLinks = (authors: string[]) =>
  authors.map((name) => `<a href="https://arxiv.org/a/x">${escapeHtml(name)}</a>`).join(', ');

/** One entry of arXiv's `/list/…/new` page, in the markup of the listing fixture (plus the abstract
 *  paragraph the real `new` listing has). */
function listingEntry(paper: ListedPaper, index: number): string {
  return `
        <dt>
          <a name="item${index}">[${index}]</a>
          <a href="/abs/${paper.id}" title="Abstract" id="${paper.id}">arXiv:${paper.id}</a>
          [<a href="/pdf/${paper.id}" title="Download PDF" id="pdf-${paper.id}">pdf</a>, <a href="https://arxiv.org/html/${paper.id}v1" title="View HTML" id="html-${paper.id}">html</a>, <a href="/format/${paper.id}" title="Other formats" id="oth-${paper.id}">other</a>]
        </dt>
        <dd>
          <div class="meta">
            <div class="list-title mathjax"><span class="descriptor">Title:</span> ${escapeHtml(paper.title)}</div>
            <div class="list-authors">${authorLinks(paper.authors)}</div>
            <div class="list-subjects"><span class="descriptor">Subjects:</span> <span class="primary-subject">Machine Learning (cs.LG)</span></div>
            <p class="mathjax">${escapeHtml(paper.summary)}</p>
          </div>
        </dd>`;
}

/** The listing fixture with its entries replaced by `papers` (the fixture itself has 3). */
export function listingPage(papers: ListedPaper[]): string {
  const template = fixturePage('arxiv-list-cs.LG-new.html');
  const start = template.indexOf('<dl id="articles">') + '<dl id="articles">'.length;
  const end = template.indexOf('</dl>');
  if (start < '<dl id="articles">'.length || end < start) throw new Error('listing fixture changed shape');
  const body = papers.map((paper, i) => listingEntry(paper, i + 1)).join('');
  return (template.slice(0, start) + body + '\n        ' + template.slice(end)).replace(
    /showing \d+ of \d+ entries/,
    `showing ${papers.length} of ${papers.length} entries`,
  );
}

/** arXiv's search results page (`/search/?query=…`): a supported site, but not a paper or a listing. */
export function searchPage(query: string, papers: ListedPaper[]): string {
  const results = papers
    .map(
      (paper) => `
      <li class="arxiv-result">
        <div class="is-marginless">
          <p class="list-title is-inline-block"><a href="https://arxiv.org/abs/${paper.id}">arXiv:${paper.id}</a>
            <span>&nbsp;[<a href="https://arxiv.org/pdf/${paper.id}">pdf</a>, <a href="https://arxiv.org/format/${paper.id}">other</a>]&nbsp;</span>
          </p>
          <div class="tags is-inline-block"><span class="tag is-small is-link tooltip is-tooltip-top" data-tooltip="Machine Learning">cs.LG</span></div>
        </div>
        <p class="title is-5 mathjax">${escapeHtml(paper.title)}</p>
        <p class="authors"><span class="search-hit">Authors:</span> ${authorLinks(paper.authors)}</p>
        <p class="abstract mathjax"><span class="search-hit mathjax">Abstract</span>: <span class="abstract-full has-text-grey-dark mathjax">${escapeHtml(paper.summary)}</span></p>
      </li>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Search | arXiv e-print repository</title>
    <meta name="viewport" content="width=device-width, initial-scale=1" />
  </head>
  <body>
    <main>
      <div class="content">
        <h1 class="title is-clearfix">Showing 1&ndash;${papers.length} of ${papers.length} results for all: <span class="mathjax">${escapeHtml(query)}</span></h1>
        <ol class="breathe-horizontal" start="1">${results}
        </ol>
      </div>
    </main>
  </body>
</html>
`;
}

export function benchPages(): BenchPage[] {
  const papers = listedPapers(50);
  return [
    {
      id: 'abs-in-feed',
      label: 'arXiv abstract, paper in the feed',
      url: 'https://arxiv.org/abs/2410.17243',
      html: fixturePage('arxiv-abs-2410.17243.html'),
      paperpulse: 'card',
    },
    {
      id: 'abs-not-in-feed',
      label: 'arXiv abstract, paper not in the feed',
      url: 'https://arxiv.org/abs/2403.02310',
      html: fixturePage('arxiv-abs-2403.02310.html'),
      paperpulse: 'card',
    },
    {
      id: 'listing-50',
      label: 'arXiv listing, 50 entries',
      url: 'https://arxiv.org/list/cs.LG/new',
      html: listingPage(papers),
      paperpulse: 'chips',
    },
    {
      id: 'not-a-paper',
      label: 'arXiv search results (not a paper)',
      url: 'https://arxiv.org/search/?query=batch&searchtype=all',
      html: searchPage('batch', papers),
      paperpulse: 'nothing',
    },
  ];
}

/** The abstract pages' papers as arXiv's API (`export.arxiv.org/api/query?id_list=…`) would answer,
 *  read from their `citation_*` tags: peers such as arxiv-utils ask it for the title. */
export function arxivApiAnswer(id: string, pages: readonly BenchPage[]): string | undefined {
  const page = pages.find((candidate) => candidate.url.endsWith(`/abs/${id}`));
  if (!page) return undefined;
  const meta = (name: string) =>
    [...page.html.matchAll(new RegExp(`<meta name="${name}" content="([^"]*)"`, 'g'))].map((m) => m[1]!);
  const title = meta('citation_title')[0] ?? '';
  const date = (meta('citation_date')[0] ?? '2024/01/01').replaceAll('/', '-');
  const authors = meta('citation_author')
    .map((name) => name.split(', ').reverse().join(' '))
    .map((name) => `<author><name>${name}</name></author>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">ArXiv Query: id_list=${id}</title>
  <entry>
    <id>http://arxiv.org/abs/${id}v1</id>
    <updated>${date}T00:00:00Z</updated>
    <published>${date}T00:00:00Z</published>
    <title>${title}</title>
    <summary>${meta('citation_abstract')[0] ?? ''}</summary>
    ${authors}
    <link href="http://arxiv.org/abs/${id}v1" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${id}v1" rel="related" type="application/pdf"/>
  </entry>
</feed>
`;
}
