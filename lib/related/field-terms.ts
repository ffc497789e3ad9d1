import { forEachTerm, type WordKeyOf } from './tokenize';

/**
 * The terms of a document's fields (at most three: title, keywords, abstract) with their frequency in
 * each field, packed 10 bits a field into one small integer. One integer per term instead of an array
 * is what keeps an index of thousands of papers small and quick to build.
 */

export const MAX_FIELDS = 3;
const TF_BITS = 10;
const TF_MASK = (1 << TF_BITS) - 1;
/** The largest packed value: every field at its (saturated) maximum. */
export const MAX_PACKED_TF = 2 ** (TF_BITS * MAX_FIELDS) - 1;

export function unpackTf(packed: number, field: number): number {
  return (packed >>> (TF_BITS * field)) & TF_MASK;
}

/** True when the term occurs in `field` and nowhere else. */
export function isOnlyIn(packed: number, field: number): boolean {
  return packed !== 0 && packed === unpackTf(packed, field) << (TF_BITS * field);
}

/** Adds one occurrence in `field`, saturating so that a field can never carry into the next. */
function addOccurrence(packed: number, field: number): number {
  return unpackTf(packed, field) === TF_MASK ? packed : packed + (1 << (TF_BITS * field));
}

export interface FieldTerms {
  /** Number of terms in each field, repeats included: the "document length" of BM25. */
  lengths: number[];
  /** Packed per-field frequency of each term. */
  tfs: Map<string, number>;
  /** Per term, how often each spelling occurs; only when asked for, as only a query shows them. */
  spellings: Map<string, Map<string, number>> | null;
}

export function fieldTerms(fields: readonly string[], keyOf: WordKeyOf, keepSpellings: boolean): FieldTerms {
  const tfs = new Map<string, number>();
  const spellings = keepSpellings ? new Map<string, Map<string, number>>() : null;
  const lengths = fields.slice(0, MAX_FIELDS).map((text, field) => {
    let length = 0;
    forEachTerm(text, keyOf, (key, surface) => {
      length++;
      tfs.set(key, addOccurrence(tfs.get(key) ?? 0, field));
      if (spellings !== null) {
        let counts = spellings.get(key);
        if (counts === undefined) spellings.set(key, (counts = new Map()));
        counts.set(surface, (counts.get(surface) ?? 0) + 1);
      }
    });
    return length;
  });
  return { lengths, tfs, spellings };
}
