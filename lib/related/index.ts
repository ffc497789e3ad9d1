import { bm25fScorer, inverseDocumentFrequency, type Bm25fScorer } from './bm25f';
import {
  emptyTables,
  loadTables,
  saveTables,
  type IndexedDoc,
  type IndexTables,
  type SavedRelatedIndex,
} from './saved';
import { fieldTerms, isOnlyIn } from './field-terms';
import { displayForm, PAIR_SEPARATOR, wordKey } from './tokenize';

/**
 * "Related papers": a more-like-this search scored with BM25F on title, keywords and abstract. The
 * query is the target paper itself, cut down to its most telling terms.
 *
 * The index keeps raw counts only (per-field term frequencies, field lengths, document frequencies);
 * whatever depends on the whole corpus (idf, average lengths) is worked out at query time, so adding
 * or removing a paper is cheap and leaves the index exactly as a fresh build would.
 */

export interface RelatedDoc {
  id: string;
  title: string;
  summary?: string;
  keywords?: string[];
}

export interface RelatedHit {
  id: string;
  score: number;
  /** The few shared terms that weighed most, spelt as in the target paper ("why related"). */
  terms: string[];
}

export interface RankingOptions {
  k1: number;
  /** Length normalisation per field: title, keywords, abstract. */
  b: readonly [number, number, number];
  /** A word in a title or keyword says more about a paper than the same word in its abstract. */
  fieldWeights: readonly [number, number, number];
  /** How many abstract-only terms the query keeps, by tf-idf: about as many as a title has, so a long
   *  abstract cannot drown the title. */
  abstractQueryTerms: number;
}

/**
 * k1 and b are the textbook BM25 values, the rest round numbers, not fitted: on the test fixtures
 * results barely move for title weights 2 to 4 or 5 to 30 abstract terms.
 */
export const DEFAULT_RANKING: RankingOptions = {
  k1: 1.2,
  b: [0.75, 0.75, 0.75],
  fieldWeights: [3, 2, 1],
  abstractQueryTerms: 10,
};

const ABSTRACT = 2;
const SHOWN_TERMS = 4;
/** The word-key cache only saves time; past this size it is emptied rather than left to grow. */
const WORD_CACHE_LIMIT = 100_000;

interface QueryTerm {
  key: string;
  termId: number;
  /** idf times the target's own saturated, length-normalised frequency of the term. */
  weight: number;
  label: string;
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byWeightThenKey(a: QueryTerm, b: QueryTerm): number {
  return b.weight - a.weight || compareStrings(a.key, b.key);
}

function fieldsOf(doc: RelatedDoc): string[] {
  // Keywords are joined with a clause break so that no word pair spans two keywords.
  return [doc.title, (doc.keywords ?? []).join(' ; '), doc.summary ?? ''];
}

export class RelatedIndex {
  private tables: IndexTables = emptyTables();
  private readonly freeSlots: number[] = [];
  private readonly freeTermIds: number[] = [];
  private readonly wordKeys = new Map<string, string | null>();

  constructor(private readonly ranking: RankingOptions = DEFAULT_RANKING) {}

  get size(): number {
    return this.tables.slotById.size;
  }

  has(id: string): boolean {
    return this.tables.slotById.has(id);
  }

  /** Adds a paper, replacing any paper with the same id. */
  add(doc: RelatedDoc): void {
    // Removed first, so that terms only the old version held are released before ids are handed out.
    this.remove(doc.id);
    const { lengths, tfs } = fieldTerms(fieldsOf(doc), this.keyOf, false);
    const termIds = new Int32Array(tfs.size);
    const packedTf = new Int32Array(tfs.size);
    let i = 0;
    for (const [key, tf] of tfs) {
      termIds[i] = this.termId(key);
      packedTf[i++] = tf;
    }
    this.insert({ id: doc.id, lengths, termIds, packedTf });
  }

  remove(id: string): boolean {
    const slot = this.tables.slotById.get(id);
    if (slot === undefined) return false;
    const doc = this.tables.docs[slot]!;
    for (const termId of doc.termIds) {
      const posting = this.tables.postings[termId]!;
      // Swap-remove: posting order never matters, since scores add up in query-term order.
      let at = 0;
      while (at < posting.length && posting[at] !== slot) at += 2;
      if (at === posting.length) continue; // Cannot happen; but never loop or write past the end.
      posting[at] = posting[posting.length - 2]!;
      posting[at + 1] = posting[posting.length - 1]!;
      posting.length -= 2;
      if (posting.length === 0) {
        this.tables.termIdByKey.delete(this.tables.termKeys[termId]!);
        this.freeTermIds.push(termId);
      }
    }
    doc.lengths.forEach((length, field) => (this.tables.lengthTotals[field]! -= length));
    this.tables.docs[slot] = undefined;
    this.freeSlots.push(slot);
    this.tables.slotById.delete(id);
    return true;
  }

  /** Best first (score, then id); never the target itself; only papers that share a term with it. */
  query(target: RelatedDoc, limit: number): RelatedHit[] {
    if (!(limit >= 1) || this.size === 0) return [];
    const scorer = bm25fScorer(this.ranking, this.tables.lengthTotals, this.size);
    const selfSlot = this.tables.slotById.get(target.id);
    const queryTerms = this.queryTerms(target, selfSlot, scorer);

    const scores = new Float64Array(this.tables.docs.length);
    const touched: number[] = [];
    for (const term of queryTerms) {
      const posting = this.tables.postings[term.termId]!;
      for (let i = 0; i < posting.length; i += 2) {
        const slot = posting[i]!;
        if (slot === selfSlot) continue;
        const value = scorer.score(term.weight, posting[i + 1]!, this.tables.docs[slot]!.lengths);
        if (!(value > 0)) continue;
        if (scores[slot] === 0) touched.push(slot);
        scores[slot]! += value;
      }
    }

    const isBetter = (a: number, b: number) =>
      scores[a]! > scores[b]! ||
      (scores[a] === scores[b] && this.tables.docs[a]!.id < this.tables.docs[b]!.id);
    return bestFirst(touched, Math.floor(limit), isBetter).map((slot) => ({
      id: this.tables.docs[slot]!.id,
      score: scores[slot]!,
      terms: this.explain(this.tables.docs[slot]!, queryTerms, scorer),
    }));
  }

  /** Plain data to persist (lib/related/saved.ts); the same papers always give the same data. */
  toJSON(): SavedRelatedIndex {
    return saveTables(this.tables);
  }

  /** The index saved by `toJSON`, or null when the data is damaged or from another version. */
  static fromJSON(saved: unknown, ranking: RankingOptions = DEFAULT_RANKING): RelatedIndex | null {
    const tables = loadTables(saved);
    if (tables === null) return null;
    const index = new RelatedIndex(ranking);
    index.tables = tables;
    return index;
  }

  /**
   * The target's terms that some other paper also has: all of its title and keyword terms, plus its
   * abstract's strongest few by tf-idf (Lucene's "more like this" bounds its query the same way).
   */
  private queryTerms(target: RelatedDoc, selfSlot: number | undefined, scorer: Bm25fScorer): QueryTerm[] {
    const { k1, abstractQueryTerms } = this.ranking;
    const selfTerms = selfSlot === undefined ? undefined : new Set(this.tables.docs[selfSlot]!.termIds);
    const { lengths, tfs, spellings } = fieldTerms(fieldsOf(target), this.keyOf, true);
    const headline: QueryTerm[] = [];
    const abstractOnly: QueryTerm[] = [];
    for (const [key, packedTf] of tfs) {
      const termId = this.tables.termIdByKey.get(key);
      if (termId === undefined) continue;
      const docFrequency = this.tables.postings[termId]!.length / 2;
      if (docFrequency === (selfTerms?.has(termId) ? 1 : 0)) continue;
      const idf = inverseDocumentFrequency(docFrequency, this.size);
      const targetTf = scorer.normalisedTf(packedTf, lengths);
      const weight = (idf * targetTf) / (k1 + targetTf);
      const term = { key, termId, weight, label: displayForm(spellings!.get(key)!) };
      (isOnlyIn(packedTf, ABSTRACT) ? abstractOnly : headline).push(term);
    }
    abstractOnly.sort(byWeightThenKey);
    return [...headline, ...abstractOnly.slice(0, abstractQueryTerms)].sort(byWeightThenKey);
  }

  /** Up to four shared terms by contribution; a word is left out when a pair holding it is shown. */
  private explain(doc: IndexedDoc, queryTerms: readonly QueryTerm[], scorer: Bm25fScorer): string[] {
    const tfByTermId = new Map<number, number>();
    doc.termIds.forEach((termId, i) => tfByTermId.set(termId, doc.packedTf[i]!));
    const ranked = queryTerms
      .filter((term) => tfByTermId.has(term.termId))
      .map((term) => ({ term, value: scorer.score(term.weight, tfByTermId.get(term.termId)!, doc.lengths) }))
      .sort((a, b) => b.value - a.value || compareStrings(a.term.key, b.term.key));
    let shown: QueryTerm[] = [];
    for (const { term } of ranked) {
      if (shown.length === SHOWN_TERMS) break;
      const words = term.key.split(PAIR_SEPARATOR);
      if (words.length > 1) {
        shown = shown.filter((other) => !words.includes(other.key));
        shown.push(term);
      } else if (!shown.some((other) => other.key.split(PAIR_SEPARATOR).includes(term.key))) {
        shown.push(term);
      }
    }
    return shown.map((term) => term.label);
  }

  private insert(doc: IndexedDoc): void {
    const slot = this.freeSlots.pop() ?? this.tables.docs.length;
    doc.termIds.forEach((termId, i) => {
      this.tables.postings[termId]!.push(slot, doc.packedTf[i]!);
    });
    doc.lengths.forEach((length, field) => (this.tables.lengthTotals[field]! += length));
    this.tables.docs[slot] = doc;
    this.tables.slotById.set(doc.id, slot);
  }

  private termId(key: string): number {
    let termId = this.tables.termIdByKey.get(key);
    if (termId === undefined) {
      termId = this.freeTermIds.pop() ?? this.tables.termKeys.length;
      this.tables.termIdByKey.set(key, termId);
      this.tables.termKeys[termId] = key;
      this.tables.postings[termId] = [];
    }
    return termId;
  }

  private readonly keyOf = (word: string): string | null => {
    let key = this.wordKeys.get(word);
    if (key === undefined) {
      if (this.wordKeys.size >= WORD_CACHE_LIMIT) this.wordKeys.clear();
      this.wordKeys.set(word, (key = wordKey(word)));
    }
    return key;
  };
}

/** The best `limit` items, best first, by insertion into a short sorted list: no full sort needed. */
function bestFirst(
  items: readonly number[],
  limit: number,
  isBetter: (a: number, b: number) => boolean,
): number[] {
  const best: number[] = [];
  for (const item of items) {
    if (best.length === limit && !isBetter(item, best[limit - 1]!)) continue;
    let at = best.length === limit ? limit - 1 : best.length;
    while (at > 0 && isBetter(item, best[at - 1]!)) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = item;
  }
  return best;
}

/** For one-off use. A long-lived caller should keep a RelatedIndex and add and remove papers. */
export function relatedPapers(
  target: RelatedDoc,
  corpus: readonly RelatedDoc[],
  limit: number,
): RelatedHit[] {
  const index = new RelatedIndex();
  for (const doc of corpus) index.add(doc);
  return index.query(target, limit);
}
