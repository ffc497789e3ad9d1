import { describe, expect, it } from 'vitest';
import { normalizeTopic } from '../../../lib/topics/normalize';
import { extractTopics, MAX_ABSTRACT_CHARS, type TopicSourcePaper } from '../../../lib/trends/topics';

/** The topics of each paper, by normalised form. */
function topicsByPaper(papers: TopicSourcePaper[]): string[][] {
  const { topics, paperTopics } = extractTopics(papers);
  return paperTopics.map((indices) => indices.map((index) => topics[index]!.key));
}

function topicNamed(papers: TopicSourcePaper[], phrase: string) {
  return extractTopics(papers).topics.find((topic) => topic.key === normalizeTopic(phrase));
}

const SSM_PAPERS: TopicSourcePaper[] = [
  {
    title: 'Hungry State-Space Models for Language Modeling',
    summary: 'State space models (SSMs) have emerged as an alternative to attention.',
  },
  { title: 'Long Sequences with Structured State Space Models', summary: 'We revisit structured kernels.' },
  {
    title: 'Parallel Scans',
    summary: 'Our SSMs train at the speed of attention.',
    aiKeywords: ['SSMs', 'parallel scan'],
  },
  { title: 'Selective Scans', summary: 'A study of recall.', aiKeywords: ['State-Space Model', 'recall'] },
  { title: 'A ssm-free baseline', summary: 'Nothing about the topic here.' },
];

describe('extractTopics', () => {
  it('merges "state space models", "State-Space Model" and "SSM" into one topic, as the data defines it', () => {
    const topic = topicNamed(SSM_PAPERS, 'state space models');
    expect(topic).toMatchObject({
      label: expect.stringMatching(/^state[ -]space models?$/i),
      aliases: ['SSM'],
    });
    expect(topicNamed(SSM_PAPERS, 'SSM')).toBeUndefined();
    const counted = topicsByPaper(SSM_PAPERS).map((keys) =>
      keys.includes(normalizeTopic('state space model')),
    );
    // The third paper says only "SSMs"; the fifth writes "ssm" in lowercase, which is no acronym.
    expect(counted).toEqual([true, true, true, false, false]);
  });

  it('does not merge an acronym nobody defines', () => {
    const papers: TopicSourcePaper[] = [
      { title: 'SSMs at scale', summary: 'SSMs again.', aiKeywords: ['SSMs'] },
      { title: 'Structured state space models', summary: 'Kernels.', aiKeywords: ['state space models'] },
    ];
    expect(topicNamed(papers, 'SSM')).toBeDefined();
    expect(topicNamed(papers, 'state space models')?.aliases).toEqual([]);
  });

  it('counts a paper by its text, not by its keywords alone', () => {
    const papers: TopicSourcePaper[] = [
      {
        title: 'Faster sampling',
        summary: 'Diffusion models are slow.',
        aiKeywords: ['diffusion models', 'video generation'],
      },
      { title: 'Another sampler', summary: 'Nothing more.' },
    ];
    expect(topicsByPaper(papers)).toEqual([[normalizeTopic('diffusion models')], []]);
  });

  it('takes phrases that recur in titles of papers without keywords, without stop words or lone common words', () => {
    const papers: TopicSourcePaper[] = [
      { title: 'Speculative Decoding for Large Language Models', summary: 'Drafts are verified.' },
      { title: 'Tree-Based Speculative Decoding', summary: 'We use speculative decoding with trees.' },
      { title: 'Speculative decoding at the edge', summary: 'Training is cheap.' },
      { title: 'Training Tricks', summary: 'Training matters for speculative decoding.' },
      { title: 'More Training Tricks', summary: 'Again.' },
    ];
    const keys = extractTopics(papers).topics.map((topic) => topic.key);
    expect(keys).toContain(normalizeTopic('speculative decoding'));
    expect(keys).toContain(normalizeTopic('training tricks'));
    // "training" alone names no topic; "for" and "the" never appear in one.
    expect(keys).not.toContain(normalizeTopic('training'));
    expect(keys.some((key) => /\b(for|the|at)\b/.test(key))).toBe(false);
    const speculative = normalizeTopic('speculative decoding');
    expect(topicsByPaper(papers).map((topics) => topics.includes(speculative))).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it('lets a phrase that only occurs inside a longer one give way to it', () => {
    const papers: TopicSourcePaper[] = [1, 2, 3].map((n) => ({
      title: `Gaussian Splatting Renderers ${n}`,
      summary: '',
    }));
    const keys = extractTopics(papers).topics.map((topic) => topic.key);
    expect(keys).toEqual([normalizeTopic('Gaussian Splatting Renderers')]);
  });

  it('matches acronyms only where they are written as one', () => {
    const papers: TopicSourcePaper[] = [
      { title: 'Retrieval-augmented generation (RAG) for law', summary: '' },
      { title: 'RAG pipelines', summary: '' },
      { title: 'A rag doll benchmark', summary: 'The rag is torn.' },
    ];
    expect(
      topicsByPaper(papers).map((keys) => keys.includes(normalizeTopic('retrieval-augmented generation'))),
    ).toEqual([true, true, false]);
  });

  it('reads the opening of an abstract, not a mention at its end', () => {
    const opening = 'Diffusion models are slow to sample. ';
    const filler = 'We report results on many datasets. '.repeat(Math.ceil(MAX_ABSTRACT_CHARS / 36));
    const papers: TopicSourcePaper[] = [
      { title: 'A sampler', summary: opening + filler, aiKeywords: ['diffusion models'] },
      { title: 'A tokenizer', summary: `${filler}Unlike diffusion models, ours is fast.` },
    ];
    expect(topicsByPaper(papers)).toEqual([[normalizeTopic('diffusion models')], []]);
  });

  it('gives the same topics whatever the order of the papers', () => {
    const forward = extractTopics(SSM_PAPERS)
      .topics.map((topic) => topic.key)
      .sort();
    const backward = extractTopics([...SSM_PAPERS].reverse())
      .topics.map((topic) => topic.key)
      .sort();
    expect(backward).toEqual(forward);
  });
});
