import { z } from '../zod';
import type { Stamp } from './clock';
import { derivedId, FORMAT_VERSION, LETTERS } from './encode';
import {
  KeySchema,
  LIMITS,
  NoteSchema,
  TagsSchema,
  TitleSchema,
  type PaperFields,
  type SyncRecord,
} from './record';

/**
 * Reading bucket items back (format in encode.ts). What the area holds is untrusted: any browser,
 * any PaperPulse version, or a bug may have written it; every entry is checked against the same
 * limits a bookmark row has, and one bad entry is skipped, not the whole item.
 */

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

const LETTER = new Map(LETTERS.map((entry) => [entry.letter, entry]));
const GROUP = new RegExp(
  `^([${LETTERS.map((entry) => entry.letter).join('')}]{1,5}):([0-9a-z]{1,10})(?:\\.([0-9a-z]{1,8}))?/([0-9a-z]{1,2})$`,
);

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
      const { register: name, meaning } = LETTER.get(letter)!;
      if (record[name]) return undefined;
      if (meaning === 'withheld') record[name] = { stamp, withheld: true };
      else if (meaning !== 'value') record[name] = { stamp, value: meaning === 'true' };
      else if (name === 'tags') record[name] = { stamp, value: extras.g ?? [] };
      else if (name === 'note') record[name] = { stamp, value: extras.n ?? '' };
      else {
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
      }
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
