import { describe, expect, it } from 'vitest';
import { findAcronymDefinitions } from '../../../lib/trends/acronyms';

describe('findAcronymDefinitions', () => {
  it.each([
    ['State space models (SSMs) scale linearly.', [{ short: 'SSM', long: 'State space models' }]],
    [
      'We build on retrieval-augmented generation (RAG).',
      [{ short: 'RAG', long: 'retrieval-augmented generation' }],
    ],
    ['Sparse Mixture-of-Experts (MoE) layers', [{ short: 'MoE', long: 'Mixture-of-Experts' }]],
    ['with Low-Rank Adaptation (LoRA) adapters', [{ short: 'LoRA', long: 'Low-Rank Adaptation' }]],
    ['from human feedback (RLHF)', []],
    [
      'reinforcement learning from human feedback (RLHF)',
      [{ short: 'RLHF', long: 'reinforcement learning from human feedback' }],
    ],
    ['3D Gaussian splatting (3DGS) renders', [{ short: '3DGS', long: '3D Gaussian splatting' }]],
    ['large gains (see Table 2) and models (GPT-4)', []],
    ['offline reinforcement learning (RORL)', []],
    [
      'robust offline reinforcement learning (RORL)',
      [{ short: 'RORL', long: 'robust offline reinforcement learning' }],
    ],
    ['rotary position embeddings (RoPE)', [{ short: 'RoPE', long: 'rotary position embeddings' }]],
    ['the Vision Transformer (ViT)', [{ short: 'ViT', long: 'Vision Transformer' }]],
    ['an approach (OURS) that', []],
    [
      'Large language models (LLMs) and vision-language models (VLMs)',
      [
        { short: 'LLM', long: 'Large language models' },
        { short: 'VLM', long: 'vision-language models' },
      ],
    ],
  ])('%j', (text, expected) => {
    expect(findAcronymDefinitions(text)).toEqual(expected);
  });
});
