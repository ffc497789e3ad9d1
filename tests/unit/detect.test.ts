import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentScriptMatches, detectPaper, SITE_DESCRIPTORS } from '../../lib/sites';
import { detectOnAnyPage } from '../../lib/sites/page/any-page';
import { isMatchedBy } from '../cases/match-pattern';
import { findArxivId, parseArxivId } from '../../lib/paper/arxiv-id';
import { PaperRefSchema, type PaperRef } from '../../lib/paper/ref';
import { ABSTRACT_PDF_PAIRS, PAPER_URL_CASES, type PaperUrlCase } from '../cases/paper-urls';

const ROOT = join(__dirname, '../..');
const page = (name: string) =>
  new DOMParser().parseFromString(
    readFileSync(join(ROOT, 'tests/fixtures/pages', name), 'utf8'),
    'text/html',
  );
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function expectCase(ref: PaperRef | null, c: PaperUrlCase) {
  if (c.key === null) return expect(ref).toBeNull();
  expect(ref?.key).toBe(c.key);
  expect(ref?.version).toBe(c.version);
  if (c.site) expect(ref?.site).toBe(c.site);
  expect(PaperRefSchema.safeParse(ref).success).toBe(true);
}

describe('detectPaper: URL cases', () => {
  it.each(PAPER_URL_CASES.filter((c) => !c.page).map((c) => [c.url, c] as const))('%s', (url, c) => {
    expectCase(detectPaper(url), c);
  });
});

describe('detectPaper: page cases', () => {
  it.each(PAPER_URL_CASES.filter((c) => c.page).map((c) => [c.url, c] as const))('%s', (url, c) => {
    const ref = detectOnAnyPage(url, page(c.page!));
    expectCase(ref, c);
    if (c.title !== undefined) expect(ref?.title).toBe(c.title);
    if (c.authors) expect(ref?.authors).toEqual(c.authors);
    // The URL alone gives the same identity on known sites; the generic reader needs the page.
    const urlOnly = detectPaper(url);
    expect(urlOnly?.key ?? null).toBe(c.site === 'meta' ? null : c.key);
  });

  it('every fixture page is used by a case', () => {
    const used = new Set(PAPER_URL_CASES.map((c) => c.page));
    const pages = readdirSync(join(ROOT, 'tests/fixtures/pages')).filter((f) => f.endsWith('.html'));
    expect(pages.filter((f) => !used.has(f))).toEqual([]);
  });

  it('fills canonical URLs and the arXiv DOI for arXiv papers', () => {
    expect(
      detectPaper('https://arxiv.org/abs/2410.17243v1', page('arxiv-abs-2410.17243.html')),
    ).toMatchObject({
      arxivId: '2410.17243',
      doi: '10.48550/arxiv.2410.17243',
      absUrl: 'https://arxiv.org/abs/2410.17243',
      pdfUrl: 'https://arxiv.org/pdf/2410.17243',
    });
  });

  it('reads DOI and PDF from the page for other sites', () => {
    expect(detectPaper('https://aclanthology.org/N19-1423/', page('acl-N19-1423.html'))).toMatchObject({
      doi: '10.18653/v1/n19-1423',
      absUrl: 'https://aclanthology.org/N19-1423/',
      pdfUrl: 'https://aclanthology.org/N19-1423.pdf',
    });
    const s2 = detectPaper(
      'https://www.semanticscholar.org/reader/204e3073870fae3d05bcbc2f6a8e263d9b72e776',
      page('semanticscholar-paper.html'),
    );
    expect(s2?.pdfUrl).toBe('https://arxiv.org/pdf/1706.03762.pdf');
    expect(detectOnAnyPage('https://journals.example.org/a', page('journal-one-doi.html'))).toMatchObject({
      doi: '10.5555/pp.2024.0001',
      absUrl: 'https://journals.example.org/a',
      pdfUrl: 'https://journals.example.org/article/10.5555/pp.2024.0001/pdf',
    });
  });

  it('keeps the URL identity when the page describes another paper (single-page apps)', () => {
    const stale = detectPaper(
      'https://openreview.net/forum?id=xQUe1pOKPam',
      page('openreview-forum-LcF-EEt8cCC.html'),
    );
    expect(stale).toMatchObject({ key: 'openreview:xQUe1pOKPam' });
    expect(stale?.title).toBeUndefined();
    const arxiv = detectPaper('https://arxiv.org/abs/2403.02310', page('arxiv-abs-2410.17243.html'));
    expect(arxiv).toMatchObject({ key: 'arxiv:2403.02310' });
    expect(arxiv?.title).toBeUndefined();
    const s2 = detectPaper(
      'https://www.semanticscholar.org/paper/0000000000000000000000000000000000000000',
      page('semanticscholar-paper.html'),
    );
    expect(s2?.title).toBeUndefined();
  });
});

/** A URL the content script is injected into (derived from the site descriptors); arXiv redirects http. */
const MATCHES = contentScriptMatches();
const isSupported = (url: string) => isMatchedBy(MATCHES, url.replace(/^http:/, 'https:'));

describe('site descriptors', () => {
  it('give every host to one site only', () => {
    const hosts = SITE_DESCRIPTORS.flatMap((site) => site.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
    expect(new Set(SITE_DESCRIPTORS.map((site) => site.id)).size).toBe(SITE_DESCRIPTORS.length);
  });

  it.each(SITE_DESCRIPTORS.map((site) => [site.id, site] as const))(
    '%s has URL cases in the table, papers and non-papers',
    (id) => {
      const cases = PAPER_URL_CASES.filter((c) => {
        const host = new URL(c.url).hostname;
        return SITE_DESCRIPTORS.find((site) => site.hosts.includes(host))?.id === id;
      });
      expect(cases.filter((c) => c.key).length).toBeGreaterThan(0);
      expect(cases.filter((c) => c.key === null).length).toBeGreaterThan(0);
    },
  );

  // A detector that accepts a URL the content script never sees would be a site half added.
  it.each(PAPER_URL_CASES.filter((c) => c.key && c.site !== 'meta').map((c) => [c.url] as const))(
    'the content script runs where the detector finds a paper: %s',
    (url) => {
      expect(isSupported(url)).toBe(true);
    },
  );
});

describe('abstract and PDF of one paper share a key', () => {
  it.each(ABSTRACT_PDF_PAIRS)('%s ~ %s', (abs, pdf) => {
    const key = detectPaper(abs)?.key;
    expect(key).toBeTruthy();
    expect(detectPaper(pdf)?.key).toBe(key);
  });

  // Read the peer files themselves, so that a case added there is not silently missed here.
  const yaml = readFileSync(join(ROOT, 'tests/fixtures/urls/arxiv-utils-testcases.yaml'), 'utf8');
  const peerPairs: string[][] = yaml
    .split(/^- /m)
    .slice(1)
    .map((entry) =>
      [...entry.matchAll(/^\s*(?:url|pdf_url|url2): (\S.*)$/gm)].map((m) =>
        m[1]!.replace(/^"|"$/g, '').trim(),
      ),
    );
  const json = JSON.parse(
    readFileSync(join(ROOT, 'tests/fixtures/urls/papermemory-urls.json'), 'utf8'),
  ) as Record<string, unknown[]>;
  for (const entry of Object.values(json))
    peerPairs.push(entry.filter((u): u is string => typeof u === 'string'));

  it.each(peerPairs.map((urls) => [urls.join(' ~ '), urls] as const))('peer: %s', (_, urls) => {
    const supported = urls.every((url) => isSupported(url));
    const keys = urls.map((url) => detectPaper(url)?.key ?? null);
    if (supported) {
      expect(keys[0]).toBeTruthy();
      expect(new Set(keys).size).toBe(1);
    } else expect(keys.every((key) => key === null)).toBe(true);
  });

  it('every peer URL on a supported site is in the case table', () => {
    const table = new Set(PAPER_URL_CASES.map((c) => c.url));
    expect(peerPairs.flat().filter((url) => isSupported(url) && !table.has(url))).toEqual([]);
  });
});

describe('hostile input', () => {
  // Whether a page's scripts run is the browser's business (DOMParser never runs them): the browser
  // tests check that in Chromium. Here: what detection hands on is plain text, never markup or nodes.
  it('returns page text as text', () => {
    const doc = page('arxiv-abs-hostile.html');
    const ref = detectOnAnyPage('https://arxiv.org/abs/2410.18533', doc);
    expect(ref?.title).toBe(
      '<script>window.__injected = 1</script>LOGO -- Long cOntext aliGnment via efficient preference Optimization <img src=x onerror="window.__injected = 1">',
    );
    expect(ref?.authors?.[1]).toBe('Zechen Sun');
    expect(ref?.pdfUrl).toBe('https://arxiv.org/pdf/2410.18533');
    expect(JSON.parse(JSON.stringify(ref))).toEqual(ref);
  });

  it('ignores a non-http citation_pdf_url', () => {
    const doc = parse(
      '<head><meta name="citation_title" content="T"><meta name="citation_doi" content="10.5555/x">' +
        '<meta name="citation_pdf_url" content="javascript:alert(1)"></head>',
    );
    const ref = detectOnAnyPage('https://journals.example.org/x', doc);
    expect(ref?.key).toBe('doi:10.5555/x');
    expect(ref?.pdfUrl).toBeUndefined();
  });

  it.each([
    '',
    ' ',
    'not a url',
    'arxiv.org/abs/2410.17243',
    'javascript:alert(1)//arxiv.org/abs/2410.17243',
    'ftp://arxiv.org/abs/2410.17243',
    'file:///home/me/arxiv.org/abs/2410.17243',
    'data:text/html,<meta name="citation_title" content="x">',
    'http://[::1',
    `https://arxiv.org/abs/2410.17243?${'a'.repeat(5000)}`,
    'https://arxiv.org/abs/%E0%A4%A',
    'https://openreview.net/forum?id=%00%01',
    'https://openreview.net/forum?id=<script>',
  ])('invalid or odd URL %j gives null', (url) => {
    expect(detectOnAnyPage(url)).toBeNull();
    expect(detectOnAnyPage(url, page('journal-one-doi.html'))).toBeNull();
  });

  it.each(['https://constructor/abs/2410.17243', 'https://__proto__/abs/2410.17243', 'https://toString/x'])(
    'host %j is just another host',
    (url) => {
      expect(detectOnAnyPage(url)).toBeNull();
      expect(detectOnAnyPage(url, page('journal-one-doi.html'))?.key).toBe('doi:10.5555/pp.2024.0001');
    },
  );

  it('never throws on odd values and documents', () => {
    expect(detectOnAnyPage(undefined as unknown as string)).toBeNull();
    expect(
      detectOnAnyPage({ toString: () => 'https://arxiv.org/abs/2410.17243' } as unknown as string),
    ).toBeNull();
    const empty = document.implementation.createHTMLDocument('');
    expect(detectOnAnyPage('https://arxiv.org/abs/2410.17243', empty)?.key).toBe('arxiv:2410.17243');
    expect(detectOnAnyPage('https://journals.example.org/x', empty)).toBeNull();
    const broken = parse('<div data-target="PaperContent" data-props="{not json"></div><h1> A  title </h1>');
    expect(detectOnAnyPage('https://huggingface.co/papers/2410.17243', broken)?.title).toBe('A title');
    const wrongShape = parse(
      `<div data-target="PaperContent" data-props='{"paper":{"id":"2410.17243","title":5,"authors":[null,7,{"name":{}},{"name":" X  Y "}]}}'></div>`,
    );
    expect(detectOnAnyPage('https://huggingface.co/papers/2410.17243', wrongShape)).toMatchObject({
      authors: ['X Y'],
    });
    const throwing = new Proxy(empty, {
      get() {
        throw new Error('hostile');
      },
    });
    expect(() => detectOnAnyPage('https://journals.example.org/x', throwing)).not.toThrow();
  });

  it('caps what a page can make it return', () => {
    const many = Array.from({ length: 800 }, (_, i) => `<meta name="citation_author" content="A${i}">`).join(
      '',
    );
    const doc = parse(
      `<head><meta name="citation_title" content="${'t'.repeat(5000)}">${many}<meta name="citation_doi" content="10.5555/x"></head>`,
    );
    const ref = detectOnAnyPage('https://journals.example.org/x', doc);
    expect(PaperRefSchema.safeParse(ref).success).toBe(true);
    expect(ref?.authors).toHaveLength(500);
    expect(ref?.title).toHaveLength(1000);
  });
});

describe('generic meta reader', () => {
  const head = (tags: string) =>
    parse(`<head><meta name="citation_title" content="One paper">${tags}</head>`);

  it('needs a title', () => {
    expect(
      detectOnAnyPage(
        'https://x.example/p',
        parse('<head><meta name="citation_doi" content="10.5555/x"></head>'),
      ),
    ).toBeNull();
    expect(
      detectOnAnyPage(
        'https://x.example/p',
        parse(
          '<head><meta name="DC.Title" content="T"><meta name="DC.Identifier" content="https://doi.org/10.5555/X"></head>',
        ),
      )?.key,
    ).toBe('doi:10.5555/x');
  });

  it('reads citation_doi, prism.doi and DC identifiers, one distinct DOI only', () => {
    expect(
      detectOnAnyPage('https://x.example/p', head('<meta name="prism.doi" content="doi:10.5555/A">'))?.key,
    ).toBe('doi:10.5555/a');
    expect(
      detectOnAnyPage('https://x.example/p', head('<meta name="dc.identifier" content="ISBN 978-3-16">')),
    ).toBeNull();
    expect(
      detectOnAnyPage(
        'https://x.example/p',
        head('<meta name="citation_doi" content="10.5555/a"><meta name="prism.doi" content="10.5555/b">'),
      ),
    ).toBeNull();
  });

  it('maps the arXiv DOI to the arXiv key; a journal DOI wins over citation_arxiv_id', () => {
    expect(
      detectOnAnyPage(
        'https://x.example/p',
        head('<meta name="citation_doi" content="10.48550/arXiv.2410.17243">'),
      ),
    ).toMatchObject({ key: 'arxiv:2410.17243', arxivId: '2410.17243', site: 'meta' });
    expect(
      detectOnAnyPage(
        'https://x.example/p',
        head(
          '<meta name="citation_doi" content="10.5555/j"><meta name="citation_arxiv_id" content="2410.17243">',
        ),
      ),
    ).toMatchObject({ key: 'doi:10.5555/j', arxivId: '2410.17243' });
  });

  it('ignores tags outside the head and DOIs in links', () => {
    const doc = parse(
      '<head><meta name="citation_title" content="T"></head><body><meta name="citation_doi" content="10.5555/x">' +
        '<a href="https://doi.org/10.5555/y">10.5555/y</a></body>',
    );
    expect(detectOnAnyPage('https://x.example/p', doc)).toBeNull();
  });

  it('is not used on a known site (a listing there is not a paper, whatever its tags)', () => {
    expect(detectOnAnyPage('https://arxiv.org/list/cs.LG/new', page('journal-one-doi.html'))).toBeNull();
  });
});

describe('cost', () => {
  it('does not touch the document when the URL is not a paper', () => {
    let touched = 0;
    const spy = new Proxy(document, {
      get(target, prop) {
        touched++;
        return Reflect.get(target, prop) as unknown;
      },
    });
    for (const url of [
      'https://arxiv.org/list/cs.LG/new',
      'https://huggingface.co/papers/trending',
      'https://openreview.net/group?id=x',
    ])
      expect(detectOnAnyPage(url, spy)).toBeNull();
    expect(touched).toBe(0);
  });
});

describe('parseArxivId and findArxivId', () => {
  it.each([
    ['2410.17243', { id: '2410.17243' }],
    ['2410.17243v3', { id: '2410.17243', version: 3 }],
    ['arXiv:2410.17243v3', { id: '2410.17243', version: 3 }],
    [' 0704.0001 ', { id: '0704.0001' }],
    ['1412.9999', { id: '1412.9999' }],
    ['1501.00001', { id: '1501.00001' }],
    ['hep-th/9901001', { id: 'hep-th/9901001' }],
    ['math.GT/0309136', { id: 'math/0309136' }],
    ['Math.GT/0309136v2', { id: 'math/0309136', version: 2 }],
    ['cond-mat.stat-mech/0408502', { id: 'cond-mat/0408502' }],
    ['0703.0001', null],
    ['2413.00001', null],
    ['1501.0001', null],
    ['1412.00001', null],
    ['2410.17243v0', null],
    ['hep-th/9913001', null],
    ['hep-th/990100', null],
    ['2410.17243.pdf', null],
    ['', null],
  ])('%j', (input, expected) => {
    expect(parseArxivId(input)).toEqual(expected);
  });

  it('finds an id in text', () => {
    expect(findArxivId('see arXiv:2410.17243v2.')).toEqual({ id: '2410.17243', version: 2 });
    expect(findArxivId('https://arxiv.org/abs/hep-th/9901001 and 2410.17243')).toEqual({
      id: 'hep-th/9901001',
    });
    expect(findArxivId('version 1.2.3, 12345.67890, x2410.17243')).toBeNull();
  });
});
