import { MAX_FIELDS, unpackTf } from './field-terms';

/**
 * BM25F, BM25 over weighted fields (Robertson & Zaragoza, "The Probabilistic Relevance Framework:
 * BM25 and Beyond", 2009, section 3.3): each field's frequency is weighted and length-normalised,
 * the fields are summed, and only then saturated, so a term repeated across fields is not counted as
 * several independent pieces of evidence.
 */

export interface Bm25fParameters {
  k1: number;
  /** Length normalisation per field, 0 (none) to 1 (full). */
  b: readonly number[];
  /** How much an occurrence in each field counts. */
  fieldWeights: readonly number[];
}

/** The Robertson–Spärck Jones idf with Lucene's +1, so that it is never negative. */
export function inverseDocumentFrequency(docFrequency: number, docCount: number): number {
  return Math.log(1 + (docCount - docFrequency + 0.5) / (docFrequency + 0.5));
}

export interface Bm25fScorer {
  /** Field-weighted, length-normalised frequency of a term in one document, before saturation. */
  normalisedTf(packedTf: number, lengths: readonly number[]): number;
  /** The BM25 score of one term in one document, for a query term of the given weight. */
  score(queryWeight: number, packedTf: number, lengths: readonly number[]): number;
}

/** A scorer for a corpus of `docCount` documents whose field lengths add up to `lengthTotals`. */
export function bm25fScorer(
  { k1, b, fieldWeights }: Bm25fParameters,
  lengthTotals: readonly number[],
  docCount: number,
): Bm25fScorer {
  // Per field, the length norm 1 - b + b * length / averageLength, as constant + slope * length.
  const constant: number[] = [];
  const slope: number[] = [];
  for (let field = 0; field < MAX_FIELDS; field++) {
    const bField = b[field] ?? 0;
    const average = docCount > 0 ? (lengthTotals[field] ?? 0) / docCount : 0;
    constant.push(1 - bField);
    slope.push(average > 0 ? bField / average : 0);
  }
  const normalisedTf = (packedTf: number, lengths: readonly number[]): number => {
    let sum = 0;
    for (let field = 0; field < MAX_FIELDS; field++) {
      const tf = unpackTf(packedTf, field);
      if (tf > 0) {
        sum += ((fieldWeights[field] ?? 0) * tf) / (constant[field]! + slope[field]! * (lengths[field] ?? 0));
      }
    }
    return sum;
  };
  return {
    normalisedTf,
    score(queryWeight, packedTf, lengths) {
      const tf = normalisedTf(packedTf, lengths);
      return (queryWeight * tf * (k1 + 1)) / (k1 + tf);
    },
  };
}
