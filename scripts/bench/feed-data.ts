import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Bench data made from the real fixtures: Daily Papers items (the 2024-10-25 day and the seed
 * listing, 72 papers) recombined into as many days and papers as a figure needs. Items keep the API's
 * shape and every real field; each generated paper gets its own arXiv id, a title spliced from two
 * real titles and its own upvotes, so days do not repeat each other. Seeded: every run gets the
 * same data.
 */

export interface RawFeedItem {
  title?: string;
  numComments?: number;
  paper: {
    id: string;
    title?: string;
    summary?: string;
    authors?: { name: string }[];
    upvotes?: number;
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

// Paths from the project root, where npm, vitest and Playwright all run (as in tests/e2e/support).
const fixture = (name: string): RawFeedItem[] =>
  JSON.parse(readFileSync(resolve('tests/fixtures/feed', name), 'utf8'));

export const FEED_FIXTURE_DAY = 'hf-daily-2024-10-25.json';
export const REAL_ITEMS: readonly RawFeedItem[] = [
  ...fixture(FEED_FIXTURE_DAY),
  ...fixture('seed-listing.json'),
];

/** The fixture day as the API sent it (29 items), for the pages' "in the feed" case. */
export const fixtureDay = (): RawFeedItem[] => fixture(FEED_FIXTURE_DAY);

/** Mulberry32: a small seeded generator. */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const titleOf = (item: RawFeedItem) => words(item.title || item.paper.title || '');

/** "Breaking the Memory Barrier" + "… for LLM Serving" → a new, plausible title. */
function splice(first: RawFeedItem, second: RawFeedItem): string {
  const a = titleOf(first);
  const b = titleOf(second);
  return [...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.floor(b.length / 2))].join(' ');
}

/** Days since the epoch of a YYYY-MM-DD date. */
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/**
 * `count` Daily Papers items for `date` (count < 1000), in the API's shape, in no particular order
 * (PaperPulse ranks them by upvotes). Ids are `YYMM.DDNNN` of the date, so no two generated days
 * share a paper; upvotes are distinct, so the ranking has no ties.
 */
export function feedDay(date: string, count: number): RawFeedItem[] {
  if (count >= 1000) throw new Error('at most 999 papers a day');
  const n = dayNumber(date);
  const random = seededRandom(n);
  const yymm = date.slice(2, 4) + date.slice(5, 7);
  const dd = Number(date.slice(8, 10));
  const items = Array.from({ length: count }, (_, i) => {
    const base = REAL_ITEMS[(i * 17 + n * 7) % REAL_ITEMS.length]!;
    const other = REAL_ITEMS[(i * 31 + n * 3 + 5) % REAL_ITEMS.length]!;
    const item = structuredClone(base);
    const title = splice(base, other);
    item.title = title;
    item.paper.title = title;
    item.paper.id = `${yymm}.${String(dd * 1000 + i).padStart(5, '0')}`;
    item.paper.upvotes = 3 * (count - i) + Math.floor(random() * 3);
    item.numComments = Math.floor(random() * 12);
    return item;
  });
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** The items of a day best first, as PaperPulse ranks them. */
export const byUpvotes = (items: readonly RawFeedItem[]) =>
  [...items].sort((a, b) => (b.paper.upvotes ?? 0) - (a.paper.upvotes ?? 0));

/** What a row shows as the title: the feed's title with its hard wraps collapsed. */
export const displayTitle = (item: RawFeedItem) => titleOf(item).join(' ');

/** A YYYY-MM-DD day `delta` days from `day` (the bench's own copy: it imports from lib/ only what it
 *  measures, so that lib/ can move without breaking it). */
export function addDays(day: string, delta: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + delta * 86_400_000).toISOString().slice(0, 10);
}

/** A stored bookmark as PaperPulse writes it (lib/records.ts `Bookmark`), kept structural here. */
export interface BookmarkRow {
  key: string;
  arxivId?: string;
  doi?: string;
  site?: string;
  title: string;
  authors: string[];
  absUrl?: string;
  pdfUrl?: string;
  summary?: string;
  tags: string[];
  note: string;
  read: boolean;
  addedAt: number;
  updatedAt: number;
}

const TAGS = [
  'to-read',
  'serving',
  'diffusion',
  'rl',
  'agents',
  'vision',
  'theory',
  'survey',
  'reading-group',
];

/**
 * A library of `count` bookmarks, newest first: two in three are arXiv papers (ids from `arxivIds`
 * when given, so some are papers the feed holds), the rest DOI papers; titles spliced from real
 * ones, real author lists and abstracts, a few tags, some notes, half read.
 */
export function bookmarkLibrary(count: number, now: number, arxivIds: readonly string[] = []): BookmarkRow[] {
  const random = seededRandom(count);
  return Array.from({ length: count }, (_, i) => {
    const base = REAL_ITEMS[(i * 13) % REAL_ITEMS.length]!;
    const other = REAL_ITEMS[(i * 29 + 7) % REAL_ITEMS.length]!;
    const title = splice(base, other);
    const arxiv = i % 3 !== 2;
    const ownId = `23${String(1 + (i % 12)).padStart(2, '0')}.${String(i).padStart(5, '0')}`;
    const arxivId = arxiv ? (arxivIds[i] ?? ownId) : undefined;
    const tags = TAGS.filter(() => random() < 0.15);
    const at = now - i * 3_600_000;
    return {
      key: arxivId ? `arxiv:${arxivId}` : `doi:10.5555/bench.${i}`,
      ...(arxivId
        ? {
            arxivId,
            doi: `10.48550/arxiv.${arxivId}`,
            site: 'arxiv',
            absUrl: `https://arxiv.org/abs/${arxivId}`,
            pdfUrl: `https://arxiv.org/pdf/${arxivId}`,
            summary: base.paper.summary,
          }
        : { doi: `10.5555/bench.${i}` }),
      title,
      authors: (base.paper.authors ?? []).map((author) => author.name),
      tags,
      note: random() < 0.2 ? `Read with the group; compare with ${displayTitle(other)}.` : '',
      read: i % 2 === 0,
      addedAt: at,
      updatedAt: at,
    };
  });
}
