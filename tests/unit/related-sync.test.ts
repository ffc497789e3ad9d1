import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PaperPulseDB } from '@/lib/storage/db';
import type { Bookmark, Paper } from '@/lib/storage/records';
import { RelatedIndex, type RelatedDoc } from '@/lib/related';
import { paperDoc } from '@/lib/related/docs';
import { dropRelatedIndexFromMemory, syncRelatedIndex } from '@/lib/related/sync';
import seed from '../fixtures/feed/seed-listing.json';

interface FeedItem {
  paper: { id: string; title: string; summary: string; ai_keywords?: string[] };
}

const NOW = Date.parse('2026-11-23T10:00:00Z');
const REFRESHED_AT = NOW - 3_600_000;

const PAPERS: Paper[] = (seed as FeedItem[]).map(({ paper }, rank) => ({
  id: paper.id,
  title: paper.title,
  summary: paper.summary,
  authors: [],
  upvotes: 100 - rank,
  numComments: 0,
  aiKeywords: paper.ai_keywords,
  dailyDate: '2026-11-20',
  firstSeenAt: REFRESHED_AT,
  updatedAt: REFRESHED_AT,
}));
const byTitle = (pattern: RegExp) => PAPERS.find((paper) => pattern.test(paper.title))!;
/** SARATHI: Efficient LLM Inference by Piggybacking Decodes with Chunked Prefills. */
const SARATHI = byTitle(/chunked prefill/i);
const LAYER_NORM = byTitle(/^Layer Normalization$/);
const KV_HEADS = byTitle(/Compress KV Heads/);

function bookmark(key: string, title: string, extra: Partial<Bookmark> = {}): Bookmark {
  return { key, title, authors: [], tags: [], note: '', read: false, addedAt: NOW, updatedAt: NOW, ...extra };
}

/** A bookmarked paper that is not in the feed, on the same topic as SARATHI. */
const DOI_BOOKMARK = bookmark('doi:10.1145/3600006.3613165', 'Serving LLM inference with paged KV cache', {
  summary: 'Efficient LLM inference serving: decodes and prefills batched over a paged KV cache memory.',
  tags: ['llm inference'],
});
/** A bookmark of a feed paper whose own text says something else entirely: the feed's copy wins. */
const FEED_BOOKMARK = bookmark(`arxiv:${LAYER_NORM.id}`, 'Quokka husbandry in captivity', {
  arxivId: LAYER_NORM.id,
  tags: ['marsupials'],
});
/** Asks about quokkas only: hits show which copy of the bookmarked feed paper the index holds. */
const QUOKKA: RelatedDoc = { id: 'probe:quokka', title: 'Quokka husbandry', keywords: ['marsupials'] };

const TARGETS: RelatedDoc[] = [paperDoc(SARATHI), paperDoc(LAYER_NORM), paperDoc(KV_HEADS), QUOKKA];

const ids = (index: RelatedIndex, target: RelatedDoc, limit = 10) =>
  index.query(target, limit).map((hit) => hit.id);

let db: PaperPulseDB;
beforeEach(async () => {
  dropRelatedIndexFromMemory();
  db = new PaperPulseDB('t-' + crypto.randomUUID());
  await db.papers.bulkAdd(PAPERS);
  await db.bookmarks.bulkAdd([DOI_BOOKMARK, FEED_BOOKMARK]);
});
afterEach(async () => {
  await db.delete();
});

/** What a full rebuild from the current rows gives: no saved index, no memory. */
async function rebuilt(): Promise<RelatedIndex> {
  dropRelatedIndexFromMemory();
  await db.searchIndexes.clear();
  return syncRelatedIndex(db, NOW);
}

describe('syncRelatedIndex', () => {
  it('indexes every feed paper by its arXiv key and every bookmark by its key, once each', async () => {
    const index = await syncRelatedIndex(db, NOW);
    expect(index.size).toBe(PAPERS.length + 1);
    for (const paper of PAPERS) expect(index.has(`arxiv:${paper.id}`)).toBe(true);
    expect(index.has(DOI_BOOKMARK.key)).toBe(true);
    expect(index.has(SARATHI.id)).toBe(false);

    // The bookmark's text is searchable; for the feed paper, the feed's copy is the one indexed.
    expect(ids(index, paperDoc(SARATHI), 3)).toContain(DOI_BOOKMARK.key);
    expect(ids(index, QUOKKA)).toEqual([]);
    expect(ids(index, paperDoc(LAYER_NORM))).toContain(`arxiv:${byTitle(/Learning to Normalize/).id}`);
  });

  it('saves the index with a stamp per document', async () => {
    await syncRelatedIndex(db, NOW);
    const row = await db.searchIndexes.get('related');
    expect(row).toMatchObject({ name: 'related', savedAt: NOW });
    expect(Object.keys(row!.stamps)).toHaveLength(PAPERS.length + 1);
    expect(row!.stamps[`arxiv:${SARATHI.id}`]).toBe(REFRESHED_AT);
    expect(RelatedIndex.fromJSON(row!.index)?.size).toBe(PAPERS.length + 1);
  });

  it('writes nothing when nothing changed', async () => {
    const first = await syncRelatedIndex(db, NOW);
    const before = TARGETS.map((target) => first.query(target, 10));
    const put = vi.spyOn(db.searchIndexes, 'put');
    const second = await syncRelatedIndex(db, NOW + 1000);
    expect(put).not.toHaveBeenCalled();
    expect(TARGETS.map((target) => second.query(target, 10))).toEqual(before);
    expect((await db.searchIndexes.get('related'))?.savedAt).toBe(NOW);
  });

  it('re-indexes a paper whose updatedAt changed', async () => {
    const index = await syncRelatedIndex(db, NOW);
    const probe = `arxiv:${KV_HEADS.id}`;
    expect(ids(index, QUOKKA)).not.toContain(probe);

    await db.papers.update(KV_HEADS.id, {
      title: 'Quokka husbandry for marsupial keepers',
      aiKeywords: ['marsupials'],
      updatedAt: NOW,
    });
    const put = vi.spyOn(db.searchIndexes, 'put');
    const updated = await syncRelatedIndex(db, NOW);
    expect(put).toHaveBeenCalledTimes(1);
    expect(ids(updated, QUOKKA)).toEqual([probe]);
    expect(updated.size).toBe(PAPERS.length + 1);

    // Exactly what indexing the new rows from scratch gives.
    const fresh = await rebuilt();
    for (const target of TARGETS) expect(updated.query(target, 10)).toEqual(fresh.query(target, 10));
  });

  it('leaves a paper alone while its updatedAt is the same (the stamp is the change signal)', async () => {
    await syncRelatedIndex(db, NOW);
    await db.papers.update(KV_HEADS.id, { title: 'Quokka husbandry for marsupial keepers' });
    const put = vi.spyOn(db.searchIndexes, 'put');
    const index = await syncRelatedIndex(db, NOW);
    expect(put).not.toHaveBeenCalled();
    expect(ids(index, QUOKKA)).toEqual([]);
  });

  it('drops a deleted paper and a deleted bookmark', async () => {
    await syncRelatedIndex(db, NOW);
    await db.papers.delete(KV_HEADS.id);
    await db.bookmarks.delete(DOI_BOOKMARK.key);
    const index = await syncRelatedIndex(db, NOW);

    expect(index.size).toBe(PAPERS.length - 1);
    expect(index.has(`arxiv:${KV_HEADS.id}`)).toBe(false);
    expect(index.has(DOI_BOOKMARK.key)).toBe(false);
    for (const target of TARGETS) {
      expect(ids(index, target, 100)).not.toContain(`arxiv:${KV_HEADS.id}`);
      expect(ids(index, target, 100)).not.toContain(DOI_BOOKMARK.key);
    }
    const saved = await db.searchIndexes.get('related');
    expect(Object.keys(saved!.stamps)).not.toContain(DOI_BOOKMARK.key);
    expect(RelatedIndex.fromJSON(saved!.index)?.has(`arxiv:${KV_HEADS.id}`)).toBe(false);
  });

  it('keeps a bookmarked paper once the feed drops it, now from the bookmark', async () => {
    await syncRelatedIndex(db, NOW);
    await db.papers.delete(LAYER_NORM.id);
    const index = await syncRelatedIndex(db, NOW);
    expect(index.size).toBe(PAPERS.length + 1);
    expect(index.has(FEED_BOOKMARK.key)).toBe(true);
    // The bookmark's own text now stands for the paper.
    expect(ids(index, QUOKKA)).toEqual([FEED_BOOKMARK.key]);
  });

  it('indexes a bookmark whose paper then arrives in the feed from the feed’s copy', async () => {
    await db.papers.delete(LAYER_NORM.id);
    expect(ids(await syncRelatedIndex(db, NOW), QUOKKA)).toEqual([FEED_BOOKMARK.key]);
    await db.papers.add({ ...LAYER_NORM, updatedAt: NOW });
    expect(ids(await syncRelatedIndex(db, NOW), QUOKKA)).toEqual([]);
  });

  it('loads the saved index after a restart: same results, nothing written', async () => {
    const before = await syncRelatedIndex(db, NOW);
    const results = TARGETS.map((target) => before.query(target, 10));
    expect(results[0]!.length).toBeGreaterThan(0);

    dropRelatedIndexFromMemory();
    const put = vi.spyOn(db.searchIndexes, 'put');
    const restored = await syncRelatedIndex(db, NOW + 1000);
    expect(restored).not.toBe(before);
    expect(put).not.toHaveBeenCalled();
    expect(TARGETS.map((target) => restored.query(target, 10))).toEqual(results);
  });

  it('brings a loaded index up to date with what changed while the worker was stopped', async () => {
    await syncRelatedIndex(db, NOW);
    dropRelatedIndexFromMemory();
    await db.papers.delete(KV_HEADS.id);
    const index = await syncRelatedIndex(db, NOW);
    expect(index.has(`arxiv:${KV_HEADS.id}`)).toBe(false);
    const fresh = await rebuilt();
    for (const target of TARGETS) expect(index.query(target, 10)).toEqual(fresh.query(target, 10));
  });

  it('rebuilds from the rows when the saved index is damaged', async () => {
    const good = await syncRelatedIndex(db, NOW);
    const results = TARGETS.map((target) => good.query(target, 10));
    const { stamps } = (await db.searchIndexes.get('related'))!;
    await db.searchIndexes.put({ name: 'related', index: { nonsense: true }, stamps, savedAt: NOW });

    dropRelatedIndexFromMemory();
    const put = vi.spyOn(db.searchIndexes, 'put');
    const index = await syncRelatedIndex(db, NOW + 1000);
    expect(index.size).toBe(PAPERS.length + 1);
    expect(TARGETS.map((target) => index.query(target, 10))).toEqual(results);
    expect(put).toHaveBeenCalledTimes(1);
    const saved = await db.searchIndexes.get('related');
    expect(saved?.savedAt).toBe(NOW + 1000);
    expect(RelatedIndex.fromJSON(saved!.index)?.size).toBe(PAPERS.length + 1);
  });

  it('builds an empty index for an empty database, and saves it', async () => {
    await db.papers.clear();
    await db.bookmarks.clear();
    const index = await syncRelatedIndex(db, NOW);
    expect(index.size).toBe(0);
    expect(index.query(paperDoc(SARATHI), 10)).toEqual([]);
    expect(await db.searchIndexes.get('related')).toMatchObject({ stamps: {}, savedAt: NOW });
  });
});
