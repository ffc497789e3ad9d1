import { describe, expect, it } from 'vitest';
import { PAPER_URL_CASES } from '../cases/paper-urls';
import { isMatchedBy } from '../cases/match-pattern';
import { contentScriptMatches, SITE_DESCRIPTORS } from '@/lib/sites';
import { menuEntries, MENU_IDS, MENU_TITLE } from '@/lib/worker/context-menu';
import { paperLinkPatterns, paperOfLink, paperPagePatterns } from '@/lib/worker/paper-links';

/** `*://` stands for http and https; the shared matcher reads one scheme per pattern. */
const bothSchemes = (patterns: string[]) =>
  patterns.flatMap((pattern) =>
    pattern.startsWith('*://') ? [`https${pattern.slice(1)}`, `http${pattern.slice(1)}`] : [pattern],
  );
const linkPatterns = bothSchemes(paperLinkPatterns());
const isPaperLink = (url: string) => isMatchedBy(linkPatterns, url);

const papers = PAPER_URL_CASES.filter((c) => c.key);
const others = PAPER_URL_CASES.filter((c) => !c.key);

describe('the menu entries', () => {
  it('are one title on pages and on links, the page one exactly where the content script runs', () => {
    expect(menuEntries()).toEqual([
      {
        id: MENU_IDS.page,
        title: MENU_TITLE,
        contexts: ['page'],
        documentUrlPatterns: contentScriptMatches(),
      },
      { id: MENU_IDS.link, title: MENU_TITLE, contexts: ['link'], targetUrlPatterns: paperLinkPatterns() },
    ]);
    expect(MENU_TITLE).toBe('Bookmark in PaperPulse');
  });

  it('appear on every PDF of a supported site (a PDF tab is on the same hosts)', () => {
    const pdfs = papers.filter((c) => /\/pdf\b|\.pdf$/.test(c.url) && c.url.startsWith('https:'));
    expect(pdfs.length).toBeGreaterThan(5);
    for (const c of pdfs) expect(isMatchedBy(paperPagePatterns(), c.url), c.url).toBe(true);
  });
});

describe('links to papers', () => {
  it('cover abstract and PDF links on every arXiv host', () => {
    const arxivHosts = SITE_DESCRIPTORS.find((site) => site.id === 'arxiv')!.hosts;
    expect(arxivHosts.length).toBeGreaterThan(3);
    for (const host of arxivHosts) {
      expect(paperLinkPatterns()).toEqual(expect.arrayContaining([`*://${host}/abs/*`, `*://${host}/pdf/*`]));
    }
  });

  it.each([
    ['arxiv', 'https://arxiv.org/abs/'],
    ['arxiv', 'https://arxiv.org/pdf/'],
    ['openreview', 'https://openreview.net/forum?id='],
    ['openreview', 'https://openreview.net/pdf?id='],
    ['huggingface', 'https://huggingface.co/papers/2'],
    ['alphaxiv', 'https://www.alphaxiv.org/abs/'],
    ['biorxiv', 'https://www.biorxiv.org/content/10.1101/'],
    ['semanticscholar', 'https://www.semanticscholar.org/paper/'],
    ['pmlr', 'https://proceedings.mlr.press/v139/sun21c.'],
    ['neurips', 'https://papers.nips.cc/paper_files/paper/'],
    ['cvf', 'https://openaccess.thecvf.com/content_CVPR_2019/'],
  ])('match the %s cases of %s…', (site, prefix) => {
    const cases = papers.filter((c) => c.url.startsWith(prefix));
    expect(cases.length, `${site} has cases`).toBeGreaterThan(0);
    for (const c of cases) expect(isPaperLink(c.url), c.url).toBe(true);
  });

  it('name the paper the case names, whenever a pattern matches a paper URL', () => {
    const matched = papers.filter((c) => isPaperLink(c.url));
    expect(matched.length).toBeGreaterThan(40);
    for (const c of matched) expect(paperOfLink(c.url)?.key, c.url).toBe(c.key);
  });

  it('leave out listings, searches and other pages of the same sites', () => {
    // Match patterns cannot read an id: malformed ids under a paper path still get the entry,
    // and its click finds no paper (the badge says "?").
    const malformed = others.filter((c) => isPaperLink(c.url)).map((c) => c.url);
    expect(
      malformed.every((url) => /\/(abs|pdf)\/|[?&]id=/.test(url)),
      malformed.join('\n'),
    ).toBe(true);
    const listings = others.filter(
      (c) => c.note === 'listing' || /\/list\/|\/papers\/(date|week|month)|trending/.test(c.url),
    );
    expect(listings.length).toBeGreaterThan(2);
    for (const c of listings) expect(isPaperLink(c.url), c.url).toBe(false);
  });

  it.each([
    ['https://doi.org/10.1101/2021.08.03.454978', 'doi:10.1101/2021.08.03.454978'],
    ['http://dx.doi.org/10.1145/3292500.3330701', 'doi:10.1145/3292500.3330701'],
    ['https://doi.org/10.1002%2F%28SICI%291097-4636', 'doi:10.1002/(sici)1097-4636'],
    // arXiv's own DOIs are the arXiv paper, the key its pages have.
    ['https://doi.org/10.48550/arXiv.2410.17243', 'arxiv:2410.17243'],
    ['https://dx.doi.org/10.48550/ARXIV.hep-th/9901001', 'arxiv:hep-th/9901001'],
  ])('DOI link %s → %s', (url, key) => {
    expect(isPaperLink(url), url).toBe(true);
    expect(paperOfLink(url)?.key).toBe(key);
  });

  it.each([
    'https://doi.org/',
    'https://doi.org/11.1234/abc',
    'https://doi.org/10.12/too-short-a-registrant',
    'https://doi.org/10.1234%E0%A4%A',
    'https://example.com/10.1234/abc',
    'javascript:alert(1)',
    '',
  ])('no paper in %j', (url) => {
    expect(paperOfLink(url)).toBeNull();
  });
});
