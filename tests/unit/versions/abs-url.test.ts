import { describe, expect, it } from 'vitest';
import { isApiErrorId, parseAbsUrl, versionPageUrl } from '@/lib/versions/abs-url';

describe('parseAbsUrl', () => {
  it.each([
    ['http://arxiv.org/abs/2410.17243v3', { arxivId: '2410.17243', version: 3 }],
    ['https://arxiv.org/abs/2410.17243v12', { arxivId: '2410.17243', version: 12 }],
    ['http://arxiv.org/abs/hep-th/9901001v2', { arxivId: 'hep-th/9901001', version: 2 }],
    ['http://arxiv.org/abs/hep-ex/0307015', { arxivId: 'hep-ex/0307015' }],
    ['http://export.arxiv.org/abs/0704.0001v1', { arxivId: '0704.0001', version: 1 }],
    ['  http://arxiv.org/abs/2410.17243v3\n', { arxivId: '2410.17243', version: 3 }],
    ['http://arxiv.org/abs/2410.17243v3?x=1', undefined],
    ['http://arxiv.org/abs/2410.17243v3#frag', undefined],
    ['http://arxiv.org/pdf/2410.17243v3', undefined],
    ['http://evil.example/abs/2410.17243v3', undefined],
    ['http://arxiv.org.evil.example/abs/2410.17243v3', undefined],
    ['javascript:alert(1)', undefined],
    ['http://arxiv.org/abs/', undefined],
  ])('%j → %j', (url, expected) => {
    expect(parseAbsUrl(url)).toEqual(expected);
  });
});

describe('isApiErrorId', () => {
  it.each([
    ['http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345', true],
    ['https://arxiv.org/api/errors#max_results_must_be_an_integer', true],
    ['https://arxiv.org/api/errors', true],
    ['http://arxiv.org/api/errorsX', false],
    ['http://arxiv.org/abs/2410.17243v3', false],
  ])('%s → %s', (id, expected) => {
    expect(isApiErrorId(id)).toBe(expected);
  });
});

describe('versionPageUrl', () => {
  it('points at the version’s abs page, old-style ids keeping their slash', () => {
    expect(versionPageUrl('2410.17243', 3)).toBe('https://arxiv.org/abs/2410.17243v3');
    expect(versionPageUrl('hep-th/9901001', 2)).toBe('https://arxiv.org/abs/hep-th/9901001v2');
  });
});
