import type { Stamp } from './clock';
import { isKnown, REGISTERS, type Register, type RegisterName, type SyncRecord } from './record';

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

export const FORMAT_VERSION = 1;

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

export type LetterMeaning = 'value' | 'true' | 'false' | 'withheld';

/** Each register's letters: booleans carry their value in the letter; a capital is withheld. */
export const LETTERS: ReadonlyArray<{ letter: string; register: RegisterName; meaning: LetterMeaning }> = [
  { letter: 'p', register: 'paper', meaning: 'value' },
  { letter: 'P', register: 'paper', meaning: 'withheld' },
  { letter: 'g', register: 'tags', meaning: 'value' },
  { letter: 'G', register: 'tags', meaning: 'withheld' },
  { letter: 'n', register: 'note', meaning: 'value' },
  { letter: 'N', register: 'note', meaning: 'withheld' },
  { letter: 'r', register: 'read', meaning: 'true' },
  { letter: 'u', register: 'read', meaning: 'false' },
  { letter: 'R', register: 'read', meaning: 'withheld' },
  { letter: 'd', register: 'deleted', meaning: 'true' },
  { letter: 'l', register: 'deleted', meaning: 'false' },
  { letter: 'D', register: 'deleted', meaning: 'withheld' },
];

function letterOf(name: RegisterName, register: Register<unknown>): string {
  const meaning: LetterMeaning = !isKnown(register)
    ? 'withheld'
    : typeof register.value === 'boolean'
      ? (String(register.value) as 'true' | 'false')
      : 'value';
  return LETTERS.find((entry) => entry.register === name && entry.meaning === meaning)!.letter;
}

/** The arXiv id or DOI a key gives (`arxiv:<id>`, `doi:<doi>`), which entries then leave out. */
export function derivedId(key: string, prefix: string): string | undefined {
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
    groups.set(token, (groups.get(token) ?? '') + letterOf(name, register));
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
