import { arxivRef, parseArxivId } from '../paper/arxiv-id';
import { arxivIdInDoi, normaliseDoi } from '../paper/doi';
import { doiKey } from '../paper/key';
import type { PaperRef } from '../paper/ref';
import { contentScriptMatches, detectPaper, SITE_DESCRIPTORS } from '../sites';
import { parseHttpUrl } from '../url';

/**
 * Where the "Bookmark in PaperPulse" menu entry appears: on the pages the content script runs on
 * (their PDFs included: they are on the same hosts), and on links that name one paper.
 */

/**
 * The paths of a site's links that name one paper, for the sites whose papers are linked from
 * elsewhere. The hosts come from the site descriptors; a path written here that its site does not
 * detect is caught by tests/unit/commands-links.test.ts, over the URL cases.
 */
const PAPER_LINK_PATHS: Readonly<Record<string, readonly string[]>> = {
  arxiv: ['/abs/*', '/pdf/*', '/html/*'],
  alphaxiv: ['/abs/*', '/pdf/*', '/overview/*'],
  openreview: ['/forum?id=*', '/pdf?id=*'],
  // Paper pages are /papers/{arXiv id}; the daily lists (/papers/date/…) are not papers.
  huggingface: Array.from({ length: 10 }, (_, digit) => `/papers/${digit}*`),
  biorxiv: ['/content/10.1101/*'],
  medrxiv: ['/content/10.1101/*'],
  semanticscholar: ['/paper/*', '/reader/*'],
  // A volume's own page (/v139/) is not a paper.
  pmlr: ['/v*/*.html', '/v*/*.pdf'],
  neurips: [
    '/paper/*/hash/*',
    '/paper/*/file/*',
    '/paper_files/paper/*/hash/*',
    '/paper_files/paper/*/file/*',
  ],
  cvf: ['/content*/html/*_paper.html', '/content*/papers/*_paper.pdf'],
  // ACL Anthology's ids (/P19-1001/, /2020.acl-main.405/) share their paths with its other pages,
  // which a match pattern cannot tell apart: links there get no entry (their pages do).
};

/** doi.org and dx.doi.org resolve a DOI (lib/paper/doi.ts reads both forms). */
const DOI_HOSTS = ['doi.org', 'dx.doi.org'];

/** Pages the page entry appears on: exactly where the content script runs. */
export function paperPagePatterns(): string[] {
  return contentScriptMatches();
}

/** Links the link entry appears on, http or https, on every host of each site above. */
export function paperLinkPatterns(): string[] {
  const sites = SITE_DESCRIPTORS.flatMap((site) =>
    site.hosts.flatMap((host) => (PAPER_LINK_PATHS[site.id] ?? []).map((path) => `*://${host}${path}`)),
  );
  return [...sites, ...DOI_HOSTS.map((host) => `*://${host}/10.*`)];
}

/** The paper a DOI link resolves to: arXiv's own DOIs are the arXiv paper, others are keyed by DOI. */
function paperOfDoiLink(url: URL): PaperRef | null {
  if (!DOI_HOSTS.includes(url.hostname)) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname.slice(1));
  } catch {
    return null;
  }
  const doi = normaliseDoi(path);
  if (!doi) return null;
  const arxivId = parseArxivId(arxivIdInDoi(doi) ?? '');
  if (arxivId) return arxivRef({ id: arxivId.id }, 'arxiv');
  return { key: doiKey(doi), site: 'meta', doi, absUrl: `https://doi.org/${doi}` };
}

/** The paper a link names, from its URL alone (a paper page of a known site, or a DOI); else null. */
export function paperOfLink(linkUrl: string | undefined): PaperRef | null {
  if (!linkUrl) return null;
  const detected = detectPaper(linkUrl);
  if (detected) return detected;
  const url = parseHttpUrl(linkUrl);
  return url && linkUrl.length <= 4096 ? paperOfDoiLink(url) : null;
}
