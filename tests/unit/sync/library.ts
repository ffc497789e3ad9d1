import { recordAfterEdit } from '@/lib/sync/local-edit';
import type { SyncRecord, SyncedBookmark } from '@/lib/sync/record';

/** A deterministic pseudo-random source (mulberry32), so big libraries are the same on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'Attention',
  'Efficient',
  'Diffusion',
  'Models',
  'for',
  'Scaling',
  'Retrieval',
  'Language',
  'Graph',
  'Vision',
  'Learning',
  'with',
  'Sparse',
  'Mixture',
  'of',
  'Experts',
  'Reasoning',
  'Über',
  'モデル',
  'Robust',
];

export const DAY = 86_400_000;
export const T0 = Date.parse('2026-12-01T09:00:00Z');

/**
 * A researcher's library of `size` bookmarks over three years: titles of 5 to 16 words, 60% read,
 * a third with tags (some with dozens), a quarter with notes (some of thousands of characters,
 * one in fifty at the 20,000-character limit).
 */
export function libraryRows(size: number, seed = 1): SyncedBookmark[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: size }, (_, index) => {
    const addedAt = T0 - Math.floor(next() * 3 * 365 * DAY);
    const title = Array.from({ length: 5 + Math.floor(next() * 12) }, () => pick(WORDS)).join(' ');
    const tagCount =
      next() < 0.33 ? (next() < 0.1 ? 40 + Math.floor(next() * 60) : 1 + Math.floor(next() * 4)) : 0;
    const noteRoll = next();
    const noteLength = noteRoll < 0.75 ? 0 : noteRoll < 0.98 ? 20 + Math.floor(next() * 3000) : 20_000;
    return {
      key: `arxiv:${2300 + Math.floor(index / 99_999)}.${String(index % 99_999).padStart(5, '0')}`,
      title,
      arxivId: undefined,
      tags: Array.from({ length: tagCount }, (_, tag) => `${pick(WORDS).toLowerCase()}-${tag}`),
      note: 'Note <b>with</b> “quotes”, é and 注. '.repeat(Math.ceil(noteLength / 36)).slice(0, noteLength),
      read: next() < 0.6,
      addedAt,
      updatedAt: addedAt + Math.floor(next() * 30 * DAY),
    };
  }).map(({ arxivId: _none, ...row }) => ({ ...row, arxivId: row.key.slice('arxiv:'.length) }));
}

/** The records a browser holds after making these bookmarks (one write each, at its updatedAt). */
export function libraryRecords(rows: readonly SyncedBookmark[], replicaId = 'k3x9q2m7'): SyncRecord[] {
  return rows.map((row) =>
    recordAfterEdit({ record: undefined, before: undefined, after: row, now: row.updatedAt, replicaId })!,
  );
}
