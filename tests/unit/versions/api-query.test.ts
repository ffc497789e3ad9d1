import { describe, expect, it } from 'vitest';
import { planBatches, queryUrl } from '@/lib/versions/api-query';
import { ids } from './fake-arxiv';

describe('queryUrl', () => {
  it.each([
    [['2410.17243'], 'https://export.arxiv.org/api/query?id_list=2410.17243&max_results=1'],
    [
      ['2410.17243', 'math/0309136', 'hep-th/9901001'],
      'https://export.arxiv.org/api/query?id_list=2410.17243,math/0309136,hep-th/9901001&max_results=3',
    ],
    // Not a canonical id, but it must not be able to add a parameter or a fragment.
    [['2410.1&start=5#x'], 'https://export.arxiv.org/api/query?id_list=2410.1%26start%3D5%23x&max_results=1'],
  ])('%j → %s', (list, url) => {
    expect(queryUrl(list)).toBe(url);
  });

  it('keeps old-style slashes literal, so the server reads the id the manual writes', () => {
    const url = new URL(queryUrl(['cond-mat/0207270', '0704.0001']));
    expect(url.search).toBe('?id_list=cond-mat/0207270,0704.0001&max_results=2');
    expect(url.searchParams.get('id_list')?.split(',')).toEqual(['cond-mat/0207270', '0704.0001']);
  });
});

describe('planBatches', () => {
  it('cuts 250 ids into 100, 100 and 50', () => {
    const plan = planBatches(ids(250), 100, 10);
    expect(plan.batches.map((batch) => batch.length)).toEqual([100, 100, 50]);
    expect(plan.batches.flat()).toEqual(ids(250));
    expect(plan.deferred).toEqual([]);
  });

  it('asks each id once', () => {
    expect(planBatches(['b', 'a', 'b', 'a'], 100, 10).batches).toEqual([['a', 'b']]);
  });

  it('plans nothing for no ids', () => {
    expect(planBatches([], 100, 10)).toEqual({ batches: [], deferred: [] });
  });

  it('defers what does not fit in the request budget', () => {
    const plan = planBatches(ids(250), 100, 2);
    expect(plan.batches.map((batch) => batch.length)).toEqual([100, 100]);
    expect(plan.deferred).toEqual(ids(50, 200));
  });

  it('rotates the window by day, so a library over the budget is covered in turn', () => {
    const all = ids(1500);
    const day0 = planBatches(all, 100, 10, 0);
    const day1 = planBatches(all, 100, 10, 1);
    expect(day0.batches.flat()).toEqual(all.slice(0, 1000));
    expect(day1.batches.flat()).toEqual([...all.slice(1000), ...all.slice(0, 500)]);
    expect(new Set([...day0.batches.flat(), ...day1.batches.flat()]).size).toBe(1500);
  });
});
