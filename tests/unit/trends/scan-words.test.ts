import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachWordChunk } from '../../../lib/topics/words';
import { hashRange, scanWords } from '../../../lib/trends/scan-words';

function viaChunks(text: string): [string, boolean][] {
  const words: [string, boolean][] = [];
  forEachWordChunk(text, (parts, breakBefore) =>
    parts.forEach((part, i) => words.push([part, breakBefore && i === 0])),
  );
  return words;
}

function viaScan(text: string): [string, boolean][] {
  const words: [string, boolean][] = [];
  scanWords(text, (start, end, breakBefore, hash, hash2) => {
    expect([hash, hash2]).toEqual(hashRange(text, start, end));
    words.push([text.slice(start, end), breakBefore]);
  });
  return words;
}

/** Characters where the two tokenizers could disagree: every class the scanner tells apart. */
const PIECES = [
  'a',
  'Z',
  'é',
  'e\u0301',
  'ß',
  '7',
  '语',
  '𝑥',
  '😀',
  '\ud835',
  ' ',
  '\n',
  '-',
  '‐',
  '‑',
  '–',
  '/',
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '"',
  '“',
  '”',
  '|',
  "'",
  '’',
  "'s",
  '’s',
  's',
  'S',
  '_',
  '+',
];

describe('scanWords', () => {
  it('splits every text into the same words and clause breaks as forEachWordChunk', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(viaScan(text)).toEqual(viaChunks(text));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    "The model's state-space (SSM) layers; pre-training’s cost",
    'Poincaré embeddings — 3D “Gaussian” splatting|RAG',
  ])('agrees on %j', (text) => {
    expect(viaScan(text)).toEqual(viaChunks(text));
  });
});
