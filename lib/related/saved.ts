import { z } from '../zod';
import { MAX_FIELDS, MAX_PACKED_TF } from './field-terms';

/**
 * The saved form of a RelatedIndex (lib/related/index.ts), for the worker to keep in IndexedDB instead of
 * re-reading every abstract each time it starts. It is laid out by term, as the index is, so that loading
 * is mostly copying arrays; and the postings of all terms share one flat array, because a 5,000-paper
 * index holds about a million numbers in some 100,000 postings, and one array clones, checks and
 * loads far faster than 100,000 small ones.
 */

/** One paper as the index holds it; `termIds` and `packedTf` (lib/related/field-terms.ts) are parallel. */
export interface IndexedDoc {
  id: string;
  lengths: readonly number[];
  termIds: Int32Array;
  packedTf: Int32Array;
}

/** What a RelatedIndex holds, and all that saving needs of it. */
export interface IndexTables {
  /** By slot; a removed paper leaves its slot empty for the next one. */
  docs: (IndexedDoc | undefined)[];
  slotById: Map<string, number>;
  termIdByKey: Map<string, number>;
  termKeys: string[];
  /** Per term id, the papers holding it as [slot, packed tf, slot, packed tf, …]: one small array a
   *  term, since most terms (word pairs especially) occur in a single paper. */
  postings: number[][];
  /** Per field, the sum of the papers' lengths, for BM25's average length. */
  lengthTotals: number[];
}

export function emptyTables(): IndexTables {
  return {
    docs: [],
    slotById: new Map(),
    termIdByKey: new Map(),
    termKeys: [],
    postings: [],
    lengthTotals: [0, 0, 0],
  };
}

/** Bump whenever tokenising or stemming changes: an index saved before is then rebuilt from papers. */
export const SAVED_INDEX_VERSION = 1;

/** Checked in place: zod's z.array would copy every one of the million numbers. */
const integers = (min: number, max: number) =>
  z.custom<number[]>(
    (value) => Array.isArray(value) && value.every((n) => Number.isInteger(n) && n >= min && n <= max),
    { message: `integers from ${min} to ${max} expected` },
  );

const SavedRelatedIndexSchema = z.object({
  format: z.literal('paperpulse.related-index'),
  version: z.literal(SAVED_INDEX_VERSION),
  /** In id order; `postings` refer to papers by their position here. */
  docs: z.array(z.object({ id: z.string(), lengths: integers(0, 2 ** 31 - 1) })),
  /** Term keys, in code-unit order. */
  terms: z.array(z.string()),
  /** Where each term's postings end in `postings` (each starts where the previous one ended). */
  postingEnds: integers(0, 2 ** 31 - 1),
  /** Per term in turn: paper position, packed tf, paper position, packed tf, …; positions increasing. */
  postings: integers(0, Math.max(MAX_PACKED_TF, 2 ** 31 - 1)),
});
export type SavedRelatedIndex = z.infer<typeof SavedRelatedIndexSchema>;

/** Plain data for IndexedDB or JSON; the same papers always give the same data. */
export function saveTables({
  docs,
  slotById,
  termIdByKey,
  termKeys,
  postings,
}: IndexTables): SavedRelatedIndex {
  // Default sort compares UTF-16 code units, natively: the same order on every machine.
  const ids = [...slotById.keys()].sort();
  const terms = [...termIdByKey.keys()].sort();
  // Each term's postings get a stretch of one flat array, filled by walking the papers in saved
  // order, so that every stretch comes out sorted by position without any sorting.
  const next = new Int32Array(termKeys.length);
  let length = 0;
  const postingEnds = terms.map((key) => {
    const termId = termIdByKey.get(key)!;
    next[termId] = length;
    return (length += postings[termId]!.length);
  });
  const flat: number[] = [];
  for (let i = 0; i < length; i++) flat.push(0);
  const savedDocs = ids.map((id, position) => {
    const doc = docs[slotById.get(id)!]!;
    doc.termIds.forEach((termId, i) => {
      flat[next[termId]!++] = position;
      flat[next[termId]!++] = doc.packedTf[i]!;
    });
    return { id, lengths: [...doc.lengths] };
  });
  return {
    format: 'paperpulse.related-index',
    version: SAVED_INDEX_VERSION,
    docs: savedDocs,
    terms,
    postingEnds,
    postings: flat,
  };
}

/** The tables of a saved index, or null when the data is damaged or from another version. */
export function loadTables(value: unknown): IndexTables | null {
  const saved = parseSavedIndex(value);
  if (saved === null) return null;
  const tables = emptyTables();
  // Papers take slots in saved order, so saved positions are slots and postings copy as they are.
  const termCounts = new Int32Array(saved.docs.length);
  for (let i = 0; i < saved.postings.length; i += 2) termCounts[saved.postings[i]!]!++;
  saved.docs.forEach(({ id, lengths }, slot) => {
    const count = termCounts[slot]!;
    tables.docs.push({
      id,
      lengths: [...lengths],
      termIds: new Int32Array(count),
      packedTf: new Int32Array(count),
    });
    tables.slotById.set(id, slot);
    lengths.forEach((length, field) => (tables.lengthTotals[field]! += length));
  });
  const filled = new Int32Array(saved.docs.length);
  saved.terms.forEach((key, termId) => {
    const posting = saved.postings.slice(saved.postingEnds[termId - 1] ?? 0, saved.postingEnds[termId]);
    tables.termIdByKey.set(key, termId);
    tables.termKeys.push(key);
    tables.postings.push(posting);
    for (let i = 0; i < posting.length; i += 2) {
      const slot = posting[i]!;
      const doc = tables.docs[slot]!;
      doc.termIds[filled[slot]!] = termId;
      doc.packedTf[filled[slot]!++] = posting[i + 1]!;
    }
  });
  return tables;
}

/** The saved index if it is one this version wrote and it is whole and consistent; otherwise null. */
function parseSavedIndex(value: unknown): SavedRelatedIndex | null {
  const parsed = SavedRelatedIndexSchema.safeParse(value);
  if (!parsed.success) return null;
  const { docs, terms, postingEnds, postings } = parsed.data;
  const wellFormed =
    terms.length === postingEnds.length &&
    (postingEnds.at(-1) ?? 0) === postings.length &&
    docs.every((doc) => doc.lengths.length === MAX_FIELDS) &&
    new Set(docs.map((doc) => doc.id)).size === docs.length &&
    new Set(terms).size === terms.length &&
    postingEnds.every((end, term) => isPosting(postings, postingEnds[term - 1] ?? 0, end, docs.length));
  return wellFormed ? parsed.data : null;
}

/** Non-empty pairs of (paper position, tf): positions in range and increasing, so none repeats. */
function isPosting(postings: readonly number[], start: number, end: number, docCount: number): boolean {
  if (end <= start || (end - start) % 2 !== 0) return false;
  let previous = -1;
  for (let i = start; i < end; i += 2) {
    const position = postings[i]!;
    const tf = postings[i + 1]!;
    if (position <= previous || position >= docCount || tf < 1 || tf > MAX_PACKED_TF) return false;
    previous = position;
  }
  return true;
}
