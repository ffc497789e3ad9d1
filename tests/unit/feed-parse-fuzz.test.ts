import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeedPage } from '@/lib/feed/parse';
import { parseArxivId } from '@/lib/paper/arxiv-id';
import realDay from '../fixtures/feed/hf-daily-2024-10-25.json';
import seedListing from '../fixtures/feed/seed-listing.json';

/**
 * The feed parser under generated mutations of real Daily Papers responses: whatever an upstream
 * change or a broken proxy sends, it never throws, keeps every item that is still valid, and
 * counts each of the others with a reason.
 */
const REAL: unknown[] = [...realDay, ...seedListing];
const PATHS = [
  [],
  ['paper'],
  ['paper', 'id'],
  ['paper', 'title'],
  ['paper', 'summary'],
  ['paper', 'authors'],
  ['paper', 'authors', 0],
  ['paper', 'authors', 0, 'name'],
  ['paper', 'upvotes'],
  ['paper', 'githubRepo'],
  ['paper', 'ai_keywords'],
  ['paper', 'organization'],
  ['title'],
  ['summary'],
  ['numComments'],
  ['publishedAt'],
  ['organization'],
] as const;

type Mutation = { path: readonly (string | number)[]; value: unknown; remove: boolean };

function mutate(item: unknown, { path, value, remove }: Mutation): unknown {
  if (path.length === 0) return remove ? undefined : value;
  const copy = structuredClone(item) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> | undefined = copy;
  for (const part of path.slice(0, -1)) {
    const next: unknown = node?.[part];
    node = next && typeof next === 'object' ? (next as Record<string | number, unknown>) : undefined;
  }
  if (node && typeof node === 'object') {
    const last = path.at(-1)!;
    if (remove) delete node[last];
    else node[last] = value;
  }
  return copy;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  path: fc.constantFrom(...PATHS),
  value: fc.oneof(
    fc.anything({ maxDepth: 2 }),
    fc.string({ maxLength: 200 }),
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '<script>x</script>',
      'javascript:alert(1)',
      '2410.17243v2',
      '../../etc',
    ),
    fc.double(),
    fc.constant(null),
  ),
  remove: fc.boolean(),
});

/** Whether the parser ought to keep an item: its own check, written out (id and some title). */
function isValid(item: unknown): boolean {
  const value = item as { paper?: { id?: unknown; title?: unknown }; title?: unknown } | null;
  const id = value?.paper?.id;
  if (!value || typeof value !== 'object' || !value.paper || typeof value.paper !== 'object') return false;
  if (typeof id !== 'string' || parseArxivId(id.trim())?.id !== id.trim()) return false;
  const titles = [value.title, value.paper.title].filter((t): t is string => typeof t === 'string');
  return titles.some((title) => title.trim() !== '');
}

describe('parseFeedPage under 1,000+ mutations of real responses', () => {
  it('never throws, keeps every valid item once, and counts the rest', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(REAL.length - 1), fc.option(mutationArb, { nil: undefined })), {
          minLength: 1,
          maxLength: 40,
        }),
        (picks) => {
          const body = picks.map(([index, mutation]) =>
            mutation ? mutate(REAL[index], mutation) : structuredClone(REAL[index]),
          );
          const { papers, dropped } = parseFeedPage(body);
          expect(papers.length + dropped.length).toBe(body.length);
          // Every untouched item is kept, unless an earlier copy of the same paper was.
          const untouchedIds = new Set(
            picks.flatMap(([index, mutation]) =>
              mutation ? [] : [(REAL[index] as { paper: { id: string } }).paper.id],
            ),
          );
          const keptIds = new Set(papers.map((paper) => paper.id));
          for (const id of untouchedIds) expect(keptIds.has(id)).toBe(true);
          expect(keptIds.size).toBe(papers.length);
          for (const paper of papers) {
            expect(parseArxivId(paper.id)?.id).toBe(paper.id);
            expect(typeof paper.title).toBe('string');
            expect(paper.title.trim()).not.toBe('');
            expect(Number.isInteger(paper.upvotes) && paper.upvotes >= 0).toBe(true);
            expect(paper.authors.every((name) => typeof name === 'string')).toBe(true);
          }
          for (const { index, reason } of dropped) {
            expect(index).toBeGreaterThanOrEqual(0);
            expect(index).toBeLessThan(body.length);
            expect(reason.length).toBeGreaterThan(0);
            expect(reason.length).toBeLessThanOrEqual(300);
          }
          // What the parser keeps is what a plain reading of the rule keeps (duplicates aside).
          const expectedIds = new Set(
            body.flatMap((item) =>
              isValid(item) ? [(item as { paper: { id: string } }).paper.id.trim()] : [],
            ),
          );
          expect(keptIds).toEqual(expectedIds);
        },
      ),
      { numRuns: 1200, seed: 20261201 },
    );
  });

  it.each([null, undefined, 42, 'a string', {}, { items: [] }])(
    'refuses a body that is not a list: %j',
    (body) => {
      expect(() => parseFeedPage(body)).toThrow('not a list');
    },
  );
});
