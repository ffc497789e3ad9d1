/**
 * How long a stored field may be. The row schemas (lib/storage/records.ts, lib/paper/ref.ts) enforce
 * them; components and the content script cut input to them, so an edited or page-made row stays a
 * valid row. No zod here: the content script imports this file.
 */
export const LIMITS = {
  keyLength: 300,
  titleLength: 1000,
  authors: 500,
  authorLength: 300,
  arxivIdLength: 40,
  doiLength: 300,
  urlLength: 2000,
  tags: 100,
  tagLength: 100,
  noteLength: 20_000,
  summaryLength: 20_000,
  venueLength: 1000,
  /** How long a removed bookmark can be restored, notes and tags included. */
  trashDays: 30,
  /** Papers a listing page may ask about in one message. */
  idsPerMessage: 1000,
} as const;
