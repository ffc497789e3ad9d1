import { describe, expect, it } from 'vitest';
import { compileTopics, type TopicText } from '../../../lib/topics/matcher';

/** Topic, paper text, whether it matches. Titles unless a field is named. */
const CASES: [topic: string, paper: TopicText, matches: boolean][] = [
  // Case and inflection
  ['diffusion model', { title: 'Scaling Diffusion Models to 4K' }, true],
  ['Diffusion Models', { title: 'a diffusion model for audio' }, true],
  ['agent', { title: 'Web agents that browse' }, true],
  ['agent', { title: 'Agentic workflows for data science' }, true],
  ['agents', { title: 'A single agent suffices' }, true],
  ['LLM', { title: 'When LLMs disagree' }, true],
  ['scaling', { title: 'How far does this scale?' }, true],
  ['study', { title: 'Two studies of attention sinks' }, true],
  ['embedding', { title: 'Embedded reasoning traces' }, true],
  ['model', { title: 'Modelling long documents' }, true],
  ['Poincaré embeddings', { title: 'poincare embedding revisited' }, true],
  // Porter alone would conflate these ("gener"); derivations stay apart
  ['generalization', { title: 'Video generation at scale' }, false],
  ['generation', { title: 'Out-of-distribution generalization' }, false],
  ['generative', { title: 'General intelligence benchmarks' }, false],
  ['transformer', { title: 'Transformation of point clouds' }, false],
  // Hyphens, spaces and closed-up compounds
  ['state space model', { title: 'Hungry State-Space Models' }, true],
  ['state-space models', { title: 'efficient state space model kernels' }, true],
  ['fine-tuning', { title: 'Finetuning without labels' }, true],
  ['finetuning', { title: 'Parameter-efficient fine-tuning' }, true],
  ['pre-training', { title: 'Pre training data matters' }, true],
  ['RAG', { title: 'RAG-based assistants' }, true],
  // Aliases
  ['Mixture-of-Experts (MoE)', { title: 'Sparse MoE layers' }, true],
  ['Mixture-of-Experts (MoE)', { title: 'A mixture of experts router' }, true],
  // Word boundaries
  ['RAG', { title: 'Fragment-level attribution' }, false],
  ['RAG', { title: 'Storage-efficient indexing' }, false],
  ['art', { title: 'State of the artefact' }, false],
  ['GAN', { title: 'Organic chemistry with LLMs' }, false],
  ['ssm', { title: 'SSMs for genomics' }, true],
  // Phrases match in order, contiguous, within one clause and one field
  ['diffusion model', { title: 'Model-based diffusion' }, false],
  ['diffusion model', { title: 'Diffusion language model' }, false],
  ['diffusion model', { title: 'We study diffusion. Models of this kind fail.' }, false],
  ['diffusion model', { title: 'Notes on diffusion', summary: 'Models are trained on …' }, false],
  // Other fields
  ['speculative decoding', { title: 'Faster inference', summary: 'We use speculative decoding.' }, true],
  ['tokenizer', { title: 'Byte-level models', aiKeywords: ['tokenizers', 'BPE'] }, true],
  ['tokenizer', { title: 'Byte-level models', aiKeywords: ['BPE'] }, false],
  // Possessives and punctuation
  ["model's", { title: 'The model’s memory' }, true],
  ['reward model', { title: "A reward model's blind spots" }, true],
];

describe('compileTopics', () => {
  it.each(CASES)('%j in %j → %s', (topic, paper, matches) => {
    expect(compileTopics([topic]).match(paper)).toEqual(matches ? [topic] : []);
  });

  it('returns every matching topic, as typed, in list order', () => {
    const matcher = compileTopics(['video generation', 'RAG', 'Diffusion Models', '  ', 'agents']);
    expect(matcher.topics).toEqual(['video generation', 'RAG', 'Diffusion Models', 'agents']);
    const paper = { title: 'Agentic video generation', summary: 'A diffusion model plans each shot.' };
    expect(matcher.match(paper)).toEqual(['video generation', 'Diffusion Models', 'agents']);
  });

  it('matches nothing with no topics', () => {
    expect(compileTopics([]).match({ title: 'anything' })).toEqual([]);
  });
});
