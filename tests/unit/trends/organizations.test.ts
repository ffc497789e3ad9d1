import { describe, expect, it } from 'vitest';
import { activeOrganizations } from '../../../lib/trends/organizations';

describe('activeOrganizations', () => {
  it('ranks by papers, then upvotes, then name, one entry per spelling up to case and spaces', () => {
    const papers = [
      { organization: 'Alibaba Qwen', upvotes: 10 },
      { organization: 'alibaba  qwen', upvotes: 5 },
      { organization: 'Alibaba Qwen', upvotes: 1 },
      { organization: 'NVIDIA', upvotes: 400 },
      { organization: 'Meta', upvotes: 30 },
      { organization: 'Google DeepMind', upvotes: 30 },
      { upvotes: 900 },
      { organization: '  ', upvotes: 900 },
    ];
    expect(activeOrganizations(papers, 3)).toEqual([
      { name: 'Alibaba Qwen', papers: 3, upvotes: 16 },
      { name: 'NVIDIA', papers: 1, upvotes: 400 },
      { name: 'Google DeepMind', papers: 1, upvotes: 30 },
    ]);
  });
});
