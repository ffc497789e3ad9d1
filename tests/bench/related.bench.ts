import { bench, describe } from 'vitest';
import { RelatedIndex, type RelatedDoc } from '../../lib/related';
import seed from '../fixtures/feed/seed-listing.json';
import daily from '../fixtures/feed/hf-daily-2024-10-25.json';

/**
 * Speed of the related-papers index at the size a heavy user reaches: 5,000 papers (Daily Papers
 * lists 20 to 50 a day, so several months). Run with `npx vitest bench tests/bench/related.bench.ts`.
 */

const CORPUS_SIZE = 5_000;

/** Mulberry32: a tiny seeded generator, so every run benchmarks the same corpus. */
function seededRandom(seedValue: number): () => number {
  let state = seedValue;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Papers made by recombining real titles and abstract sentences, with some words given a numbered
 * variant, so the vocabulary grows with the corpus as a real one does.
 */
function syntheticCorpus(size: number): RelatedDoc[] {
  const random = seededRandom(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const papers = [...seed, ...daily].map((item) => item.paper);
  const sentences = papers.flatMap((paper) => paper.summary.split(/(?<=\.)\s+/));
  const titleWords = papers.flatMap((paper) => paper.title.split(/\s+/));
  const vary = (text: string) =>
    text.replace(/[A-Za-z]{6,}/g, (word) => (random() < 0.1 ? `${word}${Math.floor(random() * 50)}` : word));
  return Array.from({ length: size }, (_, index) => ({
    id: `synthetic-${index}`,
    title: vary(Array.from({ length: 6 + Math.floor(random() * 8) }, () => pick(titleWords)).join(' ')),
    summary: vary(Array.from({ length: 6 + Math.floor(random() * 6) }, () => pick(sentences)).join(' ')),
  }));
}

const corpus = syntheticCorpus(CORPUS_SIZE);
const built = new RelatedIndex();
for (const doc of corpus) built.add(doc);
const target = {
  id: seed[23]!.paper.id,
  title: seed[23]!.paper.title,
  summary: seed[23]!.paper.summary,
};

describe('related papers, 5,000-paper corpus', () => {
  bench(
    'build the index',
    () => {
      const index = new RelatedIndex();
      for (const doc of corpus) index.add(doc);
    },
    { iterations: 5 },
  );

  bench('query 10 related for a paper', () => {
    built.query(target, 10);
  });

  bench('query 10 related for a paper already in the index', () => {
    built.query(corpus[1234]!, 10);
  });

  bench('add and remove one paper', () => {
    built.add({ ...target, id: 'bench-extra' });
    built.remove('bench-extra');
  });

  bench(
    'save the index (toJSON)',
    () => {
      built.toJSON();
    },
    { iterations: 5 },
  );

  const saved = built.toJSON();
  bench(
    'restore a saved index (fromJSON)',
    () => {
      RelatedIndex.fromJSON(saved);
    },
    { iterations: 5 },
  );
});
