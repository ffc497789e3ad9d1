import { describe, expect, it } from 'vitest';
import { normalizeTopic, splitAlias } from '../../../lib/topics/normalize';

describe('normalizeTopic', () => {
  it.each([
    ['State-Space Model', 'state space model'],
    ['state space models', 'state space model'],
    ['State Space Models (SSMs)', 'state space model'],
    ['  Diffusion   Models ', 'diffusion model'],
    ['Large Language Models', 'larg languag model'],
    ['Mixture-of-Experts', 'mixtur of expert'],
    ['video generation', 'video generation'],
    ['Vision-Language-Action models', 'vision languag action model'],
    ['3D Gaussian Splatting', '3d gaussian splat'],
    ['!!!', ''],
  ])('%j → %j', (phrase, expected) => {
    expect(normalizeTopic(phrase)).toBe(expected);
  });

  it('keeps derivations apart that Porter stemming conflates', () => {
    expect(normalizeTopic('zero-shot generalization')).not.toBe(normalizeTopic('zero-shot generation'));
  });
});

describe('splitAlias', () => {
  it.each([
    ['Mixture-of-Experts (MoE)', { main: 'Mixture-of-Experts', alias: 'MoE' }],
    ['RAG', { main: 'RAG' }],
    ['(SSM)', { main: '(SSM)' }],
  ])('%j', (phrase, expected) => {
    expect(splitAlias(phrase)).toEqual(expected);
  });
});
