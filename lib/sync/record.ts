import { z } from '../zod';
import type { Stamp } from './clock';

/**
 * What one bookmark looks like to sync: a set of last-writer-wins registers, each holding a value and
 * the stamp of the write that set it. A register that is absent is "nothing known yet" (the bottom of
 * the merge), so a partial record (a tombstone, or a record whose note stayed on another device) is
 * still a valid record to merge.
 *
 * Synced: key, title and ids, when it was added, tags, note, read state, and whether it is deleted.
 * Local only: authors, summary, URLs, venue, publication date and site. They are the bulk of a row
 * (a summary alone is ~1 KB, authors lists run to hundreds of names) and can be found again from the
 * key, while the sync area holds 100 KB in all: spent on titles and the user's own words instead.
 */

/** The paper a bookmark points to. One register: these fields are written together, from the page. */
export interface PaperFields {
  readonly title: string;
  readonly arxivId?: string;
  readonly doi?: string;
  /** When the bookmark was made (ms); a restore from trash brings back the original time. */
  readonly addedAt: number;
}

/**
 * A register either carries its value or only the stamp of the write that set it: `withheld` is how a
 * browser says "a write at this stamp exists, but its value did not fit in the sync quota". A stale
 * value from another browser then loses to the stamp, instead of coming back.
 */
export type Register<T> =
  { readonly stamp: Stamp; readonly value: T } | { readonly stamp: Stamp; readonly withheld: true };

export interface SyncRecord {
  readonly key: string;
  readonly paper?: Register<PaperFields>;
  readonly tags?: Register<readonly string[]>;
  readonly note?: Register<string>;
  readonly read?: Register<boolean>;
  /** Deleted is a register like the others: a restore (a newer write of `false`) revives. */
  readonly deleted?: Register<boolean>;
}

export const REGISTERS = ['paper', 'tags', 'note', 'read', 'deleted'] as const;
export type RegisterName = (typeof REGISTERS)[number];

/** Every sync record a browser holds, by bookmark key. */
export type SyncState = ReadonlyMap<string, SyncRecord>;

/** The synced fields of a local bookmark row (the lead's Bookmark row has these and more). */
export interface SyncedBookmark {
  key: string;
  title: string;
  arxivId?: string;
  doi?: string;
  tags: string[];
  note: string;
  read: boolean;
  addedAt: number;
  updatedAt: number;
}

export function isKnown<T>(register: Register<T> | undefined): register is { stamp: Stamp; value: T } {
  return register !== undefined && 'value' in register;
}

/** Deleted when the deleted register says so; a record with no deleted register is not deleted. */
export function isDeleted(record: SyncRecord): boolean {
  return isKnown(record.deleted) && record.deleted.value;
}

export function stampsOf(record: SyncRecord | undefined): Stamp[] {
  if (!record) return [];
  const stamps: Stamp[] = [];
  for (const name of REGISTERS) {
    const register = record[name];
    if (register) stamps.push(register.stamp);
  }
  return stamps;
}

/** When anything in the record was last written (ms), or 0 for an empty record. */
export function lastWriteAt(record: SyncRecord): number {
  return Math.max(0, ...stampsOf(record).map((stamp) => stamp.wall));
}

/**
 * JSON with object keys sorted, so equal values give equal strings whatever order their fields were
 * set in. Used to compare register values and to break ties deterministically.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, field]) => `${JSON.stringify(name)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Deep equality of JSON-like values, where a property set to undefined counts as absent (as in
 * JSON). canonicalJson would do, but builds strings: this runs for every record on every sync.
 */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => valuesEqual(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const names = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const name of names) if (!valuesEqual(left[name], right[name])) return false;
  return true;
}

// Limits mirror BookmarkSchema in lib/records.ts (not imported: lib/ is being restructured, and sync
// must accept exactly what a bookmark row may hold).
export const PAPER_KEY_PATTERN = /^[a-z0-9]+:\S+$/;
export const LIMITS = {
  key: 300,
  title: 1000,
  arxivId: 40,
  doi: 300,
  tag: 100,
  tags: 100,
  note: 20_000,
  replicaId: 64,
} as const;

const StampSchema = z.object({
  wall: z.number().int().nonnegative(),
  counter: z.number().int().nonnegative(),
  replica: z.string().min(1).max(LIMITS.replicaId),
});

function registerSchema<T extends z.ZodType>(value: T) {
  return z.union([
    z.object({ stamp: StampSchema, value }),
    z.object({ stamp: StampSchema, withheld: z.literal(true) }),
  ]);
}

export const KeySchema = z.string().min(3).max(LIMITS.key).regex(PAPER_KEY_PATTERN);
export const TitleSchema = z.string().min(1).max(LIMITS.title);
export const TagsSchema = z.array(z.string().min(1).max(LIMITS.tag)).max(LIMITS.tags);
export const NoteSchema = z.string().max(LIMITS.note);

/** Parses a sync record read back from the local database (possibly written by an older version). */
export const SyncRecordSchema = z.object({
  key: KeySchema,
  paper: registerSchema(
    z.object({
      title: TitleSchema,
      arxivId: z.string().max(LIMITS.arxivId).optional(),
      doi: z.string().max(LIMITS.doi).optional(),
      addedAt: z.number().int().nonnegative(),
    }),
  ).optional(),
  tags: registerSchema(TagsSchema).optional(),
  note: registerSchema(NoteSchema).optional(),
  read: registerSchema(z.boolean()).optional(),
  deleted: registerSchema(z.boolean()).optional(),
});
