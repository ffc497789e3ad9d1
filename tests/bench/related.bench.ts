import { bench, describe } from 'vitest';
import { RelatedIndex, type RelatedDoc } from '../../lib/related';
import { REAL_ITEMS, seededRandom } from '../../scripts/bench/feed-data';
import { sampled } from './samples';

/**
 * Related papers at 1,000, 10,000 and 50,000 papers (Daily Papers lists 20 to 50 a day, and a library
 * adds thousands): building the index, and a top-10 query with the index built, for the paper in the
 * user's tab. `relatedPapers` (lib/related.ts) is the two together, for one-off use.
 * Part of `npm run bench` (scripts/bench/run.mjs); the keys given to `sampled` name the figures.
 */

/**
 * Papers made by recombining real titles and abstract sentences, with some words given a numbered
 * variant, so the vocabulary grows with the corpus as a real one does.
 */
function syntheticCorpus(size: number): RelatedDoc[] {
  const random = seededRandom(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const papers = REAL_ITEMS.map((item) => item.paper);
  const sentences = papers.flatMap((paper) => (paper.summary ?? '').split(/(?<=\.)\s+/));
  const titleWords = papers.flatMap((paper) => (paper.title ?? '').split(/\s+/));
  const vary = (text: string) =>
    text.replace(/[A-Za-z]{6,}/g, (word) => (random() < 0.1 ? `${word}${Math.floor(random() * 50)}` : word));
  return Array.from({ length: size }, (_, index) => ({
    id: `synthetic-${index}`,
    title: vary(Array.from({ length: 6 + Math.floor(random() * 8) }, () => pick(titleWords)).join(' ')),
    summary: vary(Array.from({ length: 6 + Math.floor(random() * 6) }, () => pick(sentences)).join(' ')),
  }));
}

/** The papers a user has open: real ones, not in the corpus; each query takes the next. */
const targets: RelatedDoc[] = REAL_ITEMS.slice(0, 40).map((item) => ({
  id: `arxiv:${item.paper.id}`,
  title: item.paper.title ?? '',
  summary: item.paper.summary,
}));

function build(docs: readonly RelatedDoc[]): RelatedIndex {
  const built = new RelatedIndex();
  for (const doc of docs) built.add(doc);
  return built;
}

for (const size of [1_000, 10_000, 50_000]) {
  // Made when the group runs, not when the file is collected, and dropped after it: three corpora and
  // indexes alive at once would turn the larger builds into a garbage-collector benchmark.
  let corpus: RelatedDoc[] | undefined;
  let index: RelatedIndex | undefined;
  let next = 0;
  describe(`related papers, ${size} papers`, () => {
    bench(
      'build the index',
      ...sampled(
        `related.build.${size}`,
        () => {
          index = build((corpus ??= syntheticCorpus(size)));
        },
        // At 50,000 a build takes seconds: one is enough to see it, and the bench stays within ten minutes.
        { iterations: size >= 50_000 ? 1 : 3, time: 0, warmupIterations: 0, warmupTime: 0 },
      ),
    );
    bench(
      'top-10 query, index built',
      ...sampled(`related.query.${size}`, () => index!.query(targets[next++ % targets.length]!, 10), {
        time: 1000,
        warmupIterations: 5,
        teardown: (_task, mode) => {
          if (mode === 'run') corpus = index = undefined;
        },
      }),
    );
  });
}
