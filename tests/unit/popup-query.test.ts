import { describe, expect, it } from 'vitest';
import { parsePaperQuery } from '@/lib/popup/paper-query';
import { filterPapers, mergeByUpvotes } from '@/lib/popup/trending';
import type { Paper } from '@/lib/storage/records';

describe('parsePaperQuery', () => {
  it.each([
    ['a new-style id', '2410.17243', 'arxiv:2410.17243', undefined],
    ['a new-style id with a version', '2410.17243v2', 'arxiv:2410.17243', 2],
    ['a four-digit new-style id', '0704.0001', 'arxiv:0704.0001', undefined],
    ['an old-style id', 'hep-th/9901001', 'arxiv:hep-th/9901001', undefined],
    ['an old-style id with a version', 'hep-th/9901001v3', 'arxiv:hep-th/9901001', 3],
    ['an old-style id with a subject class', 'math.GT/0309136', 'arxiv:math/0309136', undefined],
    ['an arXiv: prefix', 'arXiv:2410.17243', 'arxiv:2410.17243', undefined],
    ['an arXiv: prefix, a space and a version', 'arXiv: 2410.17243v1', 'arxiv:2410.17243', 1],
    ['surrounding spaces', '  2410.17243  ', 'arxiv:2410.17243', undefined],
    ['an abs URL', 'https://arxiv.org/abs/2410.17243', 'arxiv:2410.17243', undefined],
    ['an abs URL with a version', 'https://arxiv.org/abs/2410.17243v2', 'arxiv:2410.17243', 2],
    ['a pdf URL', 'https://arxiv.org/pdf/2410.17243v2', 'arxiv:2410.17243', 2],
    ['an old-style abs URL', 'https://arxiv.org/abs/hep-th/9901001', 'arxiv:hep-th/9901001', undefined],
    ['an arXiv DOI', '10.48550/arXiv.2410.17243', 'arxiv:2410.17243', undefined],
    ['an arXiv DOI as a doi: string', 'doi:10.48550/arxiv.2410.17243', 'arxiv:2410.17243', undefined],
    ['an arXiv DOI link', 'https://doi.org/10.48550/arXiv.2410.17243', 'arxiv:2410.17243', undefined],
  ])('reads %s as an arXiv paper', (_name, input, key, version) => {
    const ref = parsePaperQuery(input);
    const arxivId = key.slice('arxiv:'.length);
    expect(ref).toMatchObject({ key, site: 'arxiv', arxivId, absUrl: `https://arxiv.org/abs/${arxivId}` });
    expect(ref?.version).toBe(version);
  });

  it.each([
    ['a bare DOI', '10.1101/2021.08.03.454978'],
    ['a doi: string', 'doi:10.1101/2021.08.03.454978'],
    ['a DOI: string with a space', 'DOI: 10.1101/2021.08.03.454978'],
    ['a doi.org link', 'https://doi.org/10.1101/2021.08.03.454978'],
    ['a dx.doi.org link', 'http://dx.doi.org/10.1101/2021.08.03.454978'],
  ])('reads %s as a DOI', (_name, input) => {
    expect(parsePaperQuery(input)).toEqual({
      key: 'doi:10.1101/2021.08.03.454978',
      site: 'meta',
      doi: '10.1101/2021.08.03.454978',
      absUrl: 'https://doi.org/10.1101/2021.08.03.454978',
    });
  });

  it.each([
    ['10.1145/3292500.3330701ABC', 'doi:10.1145/3292500.3330701abc'],
    ['doi:10.18653/V1/2020.ACL-MAIN.405', 'doi:10.18653/v1/2020.acl-main.405'],
    ['https://doi.org/10.1038/S41586-021-03819-2', 'doi:10.1038/s41586-021-03819-2'],
  ])('lower-cases the key of the DOI %s', (input, key) => {
    const ref = parsePaperQuery(input);
    expect(ref?.key).toBe(key);
    expect(ref?.doi).toBe(key.slice('doi:'.length));
  });

  it.each([
    ['an OpenReview forum URL', 'https://openreview.net/forum?id=rJ4km2R5t7', 'openreview:rJ4km2R5t7'],
    ['an OpenReview pdf URL', 'https://openreview.net/pdf?id=rJ4km2R5t7', 'openreview:rJ4km2R5t7'],
  ])('reads %s', (_name, input, key) => {
    expect(parsePaperQuery(input)).toMatchObject({ key, site: 'openreview' });
  });

  it.each([
    ['search words', 'diffusion transformers'],
    ['one word', 'attention'],
    ['an author name', 'Zesen Cheng'],
    ['a number that is not an arXiv id', '2410.1724'],
    ['an id with an impossible month', '2413.17243'],
    ['a DOI prefix alone', '10.1101'],
    ['a DOI inside a sentence', 'see 10.1101/2021.08.03.454978 for details'],
    ['a URL that is not a paper', 'https://example.com/blog/post'],
    ['an arXiv listing URL', 'https://arxiv.org/list/cs.LG/recent'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['empty input', ''],
    ['spaces only', '   \n\t '],
    ['very long input', 'a'.repeat(5000)],
    ['a very long input that starts with an id', `2410.17243 ${'x'.repeat(3000)}`],
  ])('returns null for %s', (_name, input) => {
    expect(parsePaperQuery(input)).toBeNull();
  });
});

function paper(id: string, upvotes: number, extra: Partial<Paper> = {}): Paper {
  return {
    id,
    title: `Paper ${id}`,
    summary: '',
    authors: [],
    upvotes,
    numComments: 0,
    dailyDate: '2026-11-20',
    firstSeenAt: 0,
    updatedAt: 0,
    ...extra,
  };
}

describe('mergeByUpvotes', () => {
  it('merges days into one list, most upvoted first', () => {
    const merged = mergeByUpvotes([
      [paper('a', 5), paper('b', 50)],
      [paper('c', 20), paper('d', 1)],
      [paper('e', 30)],
    ]);
    expect(merged.map((p) => p.id)).toEqual(['b', 'e', 'c', 'a', 'd']);
  });

  it('counts a paper listed on several days once, with the first day’s row', () => {
    const merged = mergeByUpvotes([
      [paper('a', 40, { dailyDate: '2026-11-20' }), paper('b', 10)],
      [paper('a', 40, { dailyDate: '2026-11-19' }), paper('c', 20)],
      [paper('a', 40, { dailyDate: '2026-11-18' })],
    ]);
    expect(merged.map((p) => p.id)).toEqual(['a', 'c', 'b']);
    expect(merged[0]!.dailyDate).toBe('2026-11-20');
  });

  it('orders equal upvotes by id, whatever the order of the days', () => {
    const days = [[paper('z', 7), paper('m', 7)], [paper('a', 7)]];
    expect(mergeByUpvotes(days).map((p) => p.id)).toEqual(['a', 'm', 'z']);
    expect(mergeByUpvotes([...days].reverse()).map((p) => p.id)).toEqual(['a', 'm', 'z']);
  });

  it('returns an empty list for no days or empty days', () => {
    expect(mergeByUpvotes([])).toEqual([]);
    expect(mergeByUpvotes([[], []])).toEqual([]);
  });
});

describe('filterPapers', () => {
  const PAPERS = [
    paper('1', 10, {
      title: 'Diffusion Transformers at Scale',
      authors: ['Wei Chen', 'Ana Silva'],
      aiKeywords: ['image generation'],
      organization: 'Meta',
    }),
    paper('2', 20, {
      title: 'Chunked Prefills for LLM Inference',
      authors: ['Amey Agrawal'],
      aiKeywords: ['serving', 'KV cache'],
      organization: 'Microsoft',
    }),
    paper('3', 30, {
      title: 'Score-based Diffusion for Audio',
      authors: ['Jia Chen'],
    }),
    paper('4', 40, { title: 'Layer Normalization', authors: ['Jimmy Lei Ba'] }),
  ];
  const ids = (query: string) => filterPapers(PAPERS, query).map((p) => p.id);

  it.each([
    ['a title word', 'diffusion', ['1', '3']],
    ['a title word in another case', 'DIFFUSION', ['1', '3']],
    ['an author', 'silva', ['1']],
    ['a keyword', 'kv cache', ['2']],
    ['an organisation', 'microsoft', ['2']],
    ['an author and a title word', 'chen diffusion', ['1', '3']],
    ['words from different fields', 'chen image meta', ['1']],
    ['part of a word', 'normaliz', ['4']],
    ['words in any order', 'audio chen', ['3']],
    ['extra spaces', '  chen   audio ', ['3']],
    ['a word that matches nothing', 'chen quantum', []],
  ])('matches %s', (_name, query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('keeps every paper, in order, for an empty or blank query', () => {
    expect(ids('')).toEqual(['1', '2', '3', '4']);
    expect(ids('   ')).toEqual(['1', '2', '3', '4']);
  });

  it('returns a new array and leaves the input alone', () => {
    const input = [...PAPERS];
    const result = filterPapers(input, '');
    expect(result).not.toBe(input);
    expect(input).toEqual(PAPERS);
  });

  it('does not match across the boundary between two fields', () => {
    // "Normalization" ends the title and "Jimmy" starts the authors: one word cannot span both.
    expect(ids('normalizationjimmy')).toEqual([]);
    expect(ids('normalization jimmy')).toEqual(['4']);
  });
});
