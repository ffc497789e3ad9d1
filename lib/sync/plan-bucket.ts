import { compareStamps } from './clock';
import { encodeBucket, encodeEntry, type BucketValue } from './encode';
import { covers } from './merge';
import { itemBytes } from './quota';
import { isDeleted, isKnown, REGISTERS, type SyncRecord } from './record';

/**
 * What one bucket item holds when its records do not all fit: a greedy pass in a fixed priority
 * order, filling the bucket's byte budget.
 *
 *   1. pinned records (below), so what another browser needs to hear is always sent
 *   2. deletions, newest first, in at most a quarter of the bucket (a mass deletion must not push
 *      live bookmarks out for the 180 days tombstones are kept)
 *   3. unread bookmarks without their note, newest added first; 4. then their notes
 *   5. read bookmarks without their note, newest first; 6. then their notes
 *
 * Read backwards, that is the order things stay on this device: the oldest read bookmarks' notes
 * first, then the oldest read bookmarks, then unread bookmarks' notes, then the oldest unread
 * bookmarks. A note stays local as a whole (never cut), and its register is still sent, withheld:
 * its stamp without its text, so an older note on another browser cannot come back over it.
 *
 * Pinned: a record the area holds a copy of that is older than ours in some register. Sending ours
 * is what stops two browsers with different views of a bookmark from rewriting the bucket in turn
 * forever: once the newer view is in the area, everyone plans from the same facts.
 *
 * Everything here is decided from the records alone (and the area's copies), never from local
 * rows or clocks, so two browsers holding the same records write the same bucket.
 */

export type SyncLevel = 'full' | 'without-note' | 'tombstone' | 'local-only';

export interface PlannedBucket {
  value: BucketValue;
  bytes: number;
  /** The records as sent (a withheld note, a tombstone without its old fields). */
  sent: SyncRecord[];
  levels: Map<string, SyncLevel>;
}

const TOMBSTONE_SHARE = 0.25;
/** An upper bound on a replica index's base-36 width, for estimating before indexes are known. */
const WIDEST_REPLICA_INDEX = 36 * 36 - 1;

/** A deletion as sent: the deleted register, plus anything written after it (normally nothing). */
function tombstoneForm(record: SyncRecord): SyncRecord {
  const deletedAt = record.deleted!.stamp;
  const form: Record<string, unknown> = { key: record.key };
  for (const name of REGISTERS) {
    const register = record[name];
    if (register && (name === 'deleted' || compareStamps(register.stamp, deletedAt) > 0))
      form[name] = register;
  }
  return form as unknown as SyncRecord;
}

/** A live record with its note withheld when it has one, or undefined when there is nothing to withhold. */
function withoutNote(record: SyncRecord): SyncRecord | undefined {
  if (!isKnown(record.note) || record.note.value === '') return undefined;
  return { ...record, note: { stamp: record.note.stamp, withheld: true } };
}

interface Candidate {
  key: string;
  essential: SyncRecord;
  full: SyncRecord | undefined;
  /** Bytes of each form's entry, measured when first needed. */
  essentialBytes?: number;
  fullBytes?: number;
  deleted: boolean;
  read: boolean;
  time: number;
  pinned: boolean;
}

function candidateOf(record: SyncRecord, remote: SyncRecord | undefined): Candidate {
  const deleted = isDeleted(record);
  const lean = deleted ? undefined : withoutNote(record);
  const essential = deleted ? tombstoneForm(record) : (lean ?? record);
  return {
    key: record.key,
    essential,
    full: lean ? record : undefined,
    deleted,
    read: isKnown(record.read) && record.read.value,
    time: deleted ? record.deleted!.stamp.wall : isKnown(record.paper) ? record.paper.value.addedAt : 0,
    pinned: remote !== undefined && !covers(remote, essential),
  };
}

interface Step {
  candidate: Candidate;
  kind: 'essential' | 'note';
  rank: number;
}

function rankOf(candidate: Candidate, kind: Step['kind']): number {
  if (kind === 'essential' && candidate.pinned) return 0;
  if (candidate.deleted) return 1;
  return (candidate.read ? 4 : 2) + (kind === 'note' ? 1 : 0);
}

function stepOrder(a: Step, b: Step): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.candidate.time !== b.candidate.time) return b.candidate.time - a.candidate.time;
  return a.candidate.key < b.candidate.key ? -1 : a.candidate.key > b.candidate.key ? 1 : 0;
}

/** An entry's bytes in its item, its separating comma included. */
function entryBytes(record: SyncRecord): number {
  const entry = encodeEntry(record, () => WIDEST_REPLICA_INDEX);
  return itemBytes('', entry) + 1;
}

/**
 * A cheap lower bound of a form's entry bytes: its strings take at least a byte per UTF-16 unit.
 * Once a bucket is nearly full, most candidates are skipped on this alone, without being encoded.
 */
function leastBytes(record: SyncRecord): number {
  let length = record.key.length;
  if (isKnown(record.paper)) length += record.paper.value.title.length;
  if (isKnown(record.note)) length += record.note.value.length;
  if (isKnown(record.tags)) for (const tag of record.tags.value) length += tag.length;
  return length;
}

function essentialBytes(candidate: Candidate): number {
  return (candidate.essentialBytes ??= entryBytes(candidate.essential));
}

function fullBytes(candidate: Candidate): number {
  return (candidate.fullBytes ??= candidate.full ? entryBytes(candidate.full) : essentialBytes(candidate));
}

function replicasOf(record: SyncRecord): string[] {
  return REGISTERS.flatMap((name) => record[name]?.stamp.replica ?? []);
}

export function planBucket(
  itemKey: string,
  records: readonly SyncRecord[],
  budget: number,
  remote: ReadonlyMap<string, SyncRecord> | undefined,
): PlannedBucket {
  const candidates = records.map((record) => candidateOf(record, remote?.get(record.key)));
  const steps: Step[] = candidates.flatMap((candidate) => {
    const essential: Step = { candidate, kind: 'essential', rank: rankOf(candidate, 'essential') };
    return candidate.full
      ? [essential, { candidate, kind: 'note', rank: rankOf(candidate, 'note') }]
      : [essential];
  });
  steps.sort(stepOrder);

  const chosen = new Map<string, SyncRecord>();
  const granted: Step[] = [];
  const replicas = new Set<string>();
  let used = itemBytes(itemKey, encodeBucket([]));
  let tombstoneBytes = 0;
  const costOfReplicas = (record: SyncRecord) =>
    [...new Set(replicasOf(record))].reduce(
      (sum, replica) => sum + (replicas.has(replica) ? 0 : itemBytes('', replica) + 1),
      0,
    );
  for (const step of steps) {
    const { candidate } = step;
    const room = budget - used;
    let form: SyncRecord;
    let cost: number;
    if (step.kind === 'essential') {
      form = candidate.essential;
      if (leastBytes(form) > room) continue;
      cost = essentialBytes(candidate) + costOfReplicas(form);
      const tombstoneRoom = budget * TOMBSTONE_SHARE - tombstoneBytes;
      if (candidate.deleted && !candidate.pinned && cost > tombstoneRoom) continue;
    } else {
      if (!chosen.has(candidate.key) || !candidate.full) continue;
      form = candidate.full;
      if (leastBytes(form) - leastBytes(candidate.essential) > room) continue;
      cost = fullBytes(candidate) - essentialBytes(candidate) + costOfReplicas(form);
    }
    if (cost > room) continue;
    used += cost;
    if (candidate.deleted) tombstoneBytes += cost;
    chosen.set(candidate.key, form);
    granted.push(step);
    for (const replica of replicasOf(form)) replicas.add(replica);
  }

  // The estimate is an upper bound (widest replica indexes, a comma per entry), so this only
  // trims if that reasoning is ever wrong: the budget is a hard limit, the estimate is not.
  let value = encodeBucket([...chosen.values()]);
  let bytes = itemBytes(itemKey, value);
  while (bytes > budget && granted.length) {
    const last = granted.pop()!;
    if (last.kind === 'note') chosen.set(last.candidate.key, last.candidate.essential);
    else chosen.delete(last.candidate.key);
    value = encodeBucket([...chosen.values()]);
    bytes = itemBytes(itemKey, value);
  }

  const levels = new Map<string, SyncLevel>();
  for (const candidate of candidates) {
    const form = chosen.get(candidate.key);
    if (!form) levels.set(candidate.key, 'local-only');
    else if (candidate.deleted) levels.set(candidate.key, 'tombstone');
    else levels.set(candidate.key, form === candidate.essential && candidate.full ? 'without-note' : 'full');
  }
  return { value, bytes, sent: [...chosen.values()], levels };
}
