import { z } from '../zod';
import type { Stamp } from './clock';
import {
  KeySchema,
  LIMITS,
  NoteSchema,
  REGISTERS,
  TagsSchema,
  TitleSchema,
  isKnown,
  type PaperFields,
  type Register,
  type RegisterName,
  type SyncRecord,
} from './record';

/**
 * The bytes in the sync area. Every byte counts (100 KB for a whole library), so records are packed:
 *
 *   item `bm.<n>` = { "v": 1, "r": [replica ids], "e": [entries sorted by key] }
 *   entry = [key, stamps] | [key, stamps, title | 0] | [key, stamps, title | 0, extras]
 *   stamps = groups "<letters>:<stamp>" joined by spaces, one group per distinct stamp, where
 *     <stamp> = base-36 wall ms, ".<base-36 counter>" when not 0, "/<base-36 index into r>"
 *     letters: p paper, g tags, n note, r read, u unread, d deleted, l live (not deleted);
 *     the capital (P G N R D) is that register withheld: its stamp without its value
 *   extras = { a: added-at base 36 when it differs from the paper's stamp, i / d: arXiv id / DOI when
 *     the key does not give them (null: none), g: tags, n: note } with empty values left out.
 *
 * A bookmark made in one go shares one stamp across its registers, so its stamps are one group
 * ("pgnul:m3x1k2ab/0"); replica ids are written once per item. The encoding is lossless: decoding
 * gives back the record, withheld registers included. Which registers to send is the planner's choice.
 */

export const BUCKET_KEY_PREFIX = 'bm.';
export const FORMAT_VERSION = 1;

export function bucketKey(index: number): string {
  return `${BUCKET_KEY_PREFIX}${index}`;
}

/** The bucket index a `bm.<n>` key names, or undefined for any other key. */
export function bucketIndexOf(itemKey: string): number | undefined {
  const match = /^bm\.(0|[1-9]\d{0,3})$/.exec(itemKey);
  return match ? Number(match[1]) : undefined;
}

/**
 * FNV-1a over the key's UTF-16 units, then murmur3's finalizer: FNV's low bits depend only on the low
 * bits of the characters, so without the finalizer similar keys crowd into a few of 16 buckets.
 * Stable across browsers and versions: changing it moves every bookmark to another item.
 */
export function bucketOf(key: string, bucketCount: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) % bucketCount;
}

export type Entry = [string, string] | [string, string, string | 0] | [string, string, string | 0, Extras];

export interface Extras {
  a?: string;
  i?: string | null;
  d?: string | null;
  g?: string[];
  n?: string;
}

export interface BucketValue {
  v: number;
  r: string[];
  e: Entry[];
}

const LETTERS: Record<RegisterName, { known: (value: unknown) => string; withheld: string }> = {
  paper: { known: () => 'p', withheld: 'P' },
  tags: { known: () => 'g', withheld: 'G' },
  note: { known: () => 'n', withheld: 'N' },
  read: { known: (value) => (value ? 'r' : 'u'), withheld: 'R' },
  deleted: { known: (value) => (value ? 'd' : 'l'), withheld: 'D' },
};

function derivedId(key: string, prefix: string): string | undefined {
  return key.startsWith(prefix) ? key.slice(prefix.length) : undefined;
}

function stampToken(stamp: Stamp, replicaIndex: number): string {
  const counter = stamp.counter ? `.${stamp.counter.toString(36)}` : '';
  return `${stamp.wall.toString(36)}${counter}/${replicaIndex.toString(36)}`;
}

/** One record as an entry; `replicaIndex` gives each replica id's place in the item's table. */
export function encodeEntry(record: SyncRecord, replicaIndex: (replica: string) => number): Entry {
  const groups = new Map<string, string>();
  for (const name of REGISTERS) {
    const register = record[name] as Register<unknown> | undefined;
    if (!register) continue;
    const token = stampToken(register.stamp, replicaIndex(register.stamp.replica));
    const letter = isKnown(register) ? LETTERS[name].known(register.value) : LETTERS[name].withheld;
    groups.set(token, (groups.get(token) ?? '') + letter);
  }
  const stamps = [...groups].map(([token, letters]) => `${letters}:${token}`).join(' ');
  const extras: Extras = {};
  let title: string | 0 = 0;
  if (isKnown(record.paper)) {
    const paper = record.paper.value;
    title = paper.title;
    if (paper.addedAt !== record.paper.stamp.wall) extras.a = paper.addedAt.toString(36);
    if (paper.arxivId !== derivedId(record.key, 'arxiv:')) extras.i = paper.arxivId ?? null;
    if (paper.doi !== derivedId(record.key, 'doi:')) extras.d = paper.doi ?? null;
  }
  if (isKnown(record.tags) && record.tags.value.length) extras.g = [...record.tags.value];
  if (isKnown(record.note) && record.note.value) extras.n = record.note.value;
  if (Object.keys(extras).length) return [record.key, stamps, title, extras];
  return title === 0 ? [record.key, stamps] : [record.key, stamps, title];
}

/** A bucket item holding `records` (already reduced to what is to be sent). */
export function encodeBucket(records: readonly SyncRecord[]): BucketValue {
  const replicas = [
    ...new Set(records.flatMap((record) => REGISTERS.map((name) => record[name]?.stamp.replica))),
  ]
    .filter((replica): replica is string => replica !== undefined)
    .sort();
  const index = new Map(replicas.map((replica, position) => [replica, position]));
  const sorted = [...records].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    v: FORMAT_VERSION,
    r: replicas,
    e: sorted.map((record) => encodeEntry(record, (id) => index.get(id)!)),
  };
}

const StampsSchema = z.string().min(1).max(400);
const ExtrasSchema = z.object({
  a: z
    .string()
    .regex(/^[0-9a-z]{1,10}$/)
    .optional(),
  i: z.string().max(LIMITS.arxivId).nullable().optional(),
  d: z.string().max(LIMITS.doi).nullable().optional(),
  g: TagsSchema.optional(),
  n: NoteSchema.optional(),
});
const TitleSlot = z.union([TitleSchema, z.literal(0)]);
const EntrySchema = z.union([
  z.tuple([KeySchema, StampsSchema]),
  z.tuple([KeySchema, StampsSchema, TitleSlot]),
  z.tuple([KeySchema, StampsSchema, TitleSlot, ExtrasSchema]),
]);
const VersionSchema = z.object({ v: z.number() });
const BucketSchema = z.object({
  v: z.number(),
  r: z.array(z.string().min(1).max(LIMITS.replicaId)).max(1296),
  e: z.array(z.unknown()),
});

const GROUP = /^([pPgGnNruRdlD]{1,5}):([0-9a-z]{1,10})(?:\.([0-9a-z]{1,8}))?\/([0-9a-z]{1,2})$/;
const REGISTER_OF: Record<string, RegisterName> = {
  p: 'paper',
  P: 'paper',
  g: 'tags',
  G: 'tags',
  n: 'note',
  N: 'note',
  r: 'read',
  u: 'read',
  R: 'read',
  d: 'deleted',
  l: 'deleted',
  D: 'deleted',
};

function decodeEntry(
  entry: z.infer<typeof EntrySchema>,
  replicas: readonly string[],
): SyncRecord | undefined {
  const [key, stamps, title = 0, extras = {}] = entry;
  const record: Record<string, unknown> = { key };
  for (const group of stamps.split(' ')) {
    const match = GROUP.exec(group);
    if (!match) return undefined;
    const [, letters = '', wall36 = '', counter36, index36 = ''] = match;
    const replica = replicas[parseInt(index36, 36)];
    if (replica === undefined) return undefined;
    const stamp: Stamp = {
      wall: parseInt(wall36, 36),
      counter: counter36 ? parseInt(counter36, 36) : 0,
      replica,
    };
    for (const letter of letters) {
      const name = REGISTER_OF[letter]!;
      if (record[name]) return undefined;
      if (/[A-Z]/.test(letter)) {
        record[name] = { stamp, withheld: true };
        continue;
      }
      if (name === 'paper') {
        if (title === 0) return undefined;
        const arxivId = extras.i === undefined ? derivedId(key, 'arxiv:') : (extras.i ?? undefined);
        const doi = extras.d === undefined ? derivedId(key, 'doi:') : (extras.d ?? undefined);
        const paper: PaperFields = {
          title,
          ...(arxivId !== undefined ? { arxivId } : {}),
          ...(doi !== undefined ? { doi } : {}),
          addedAt: extras.a ? parseInt(extras.a, 36) : stamp.wall,
        };
        record[name] = { stamp, value: paper };
      } else if (name === 'tags') record[name] = { stamp, value: extras.g ?? [] };
      else if (name === 'note') record[name] = { stamp, value: extras.n ?? '' };
      else record[name] = { stamp, value: letter === 'r' || letter === 'd' };
    }
  }
  return record as unknown as SyncRecord;
}

export type DecodedBucket =
  | { status: 'ok'; records: SyncRecord[]; invalidEntries: number }
  /** Written by a later PaperPulse in a format this one does not know: left alone. */
  | { status: 'newer' }
  | { status: 'unreadable' };

/** Reads a bucket item from the area (untrusted: any version, any browser). Bad entries are skipped. */
export function decodeBucket(value: unknown): DecodedBucket {
  // The version first: a later format may have changed everything else.
  const version = VersionSchema.safeParse(value);
  if (version.success && version.data.v > FORMAT_VERSION) return { status: 'newer' };
  const bucket = BucketSchema.safeParse(value);
  if (!bucket.success || bucket.data.v !== FORMAT_VERSION) return { status: 'unreadable' };
  const records: SyncRecord[] = [];
  let invalidEntries = 0;
  for (const raw of bucket.data.e) {
    const entry = EntrySchema.safeParse(raw);
    const record = entry.success ? decodeEntry(entry.data, bucket.data.r) : undefined;
    if (record) records.push(record);
    else invalidEntries++;
  }
  return { status: 'ok', records, invalidEntries };
}
