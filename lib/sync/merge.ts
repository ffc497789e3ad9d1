import { compareStamps } from './clock';
import {
  canonicalJson,
  isKnown,
  REGISTERS,
  valuesEqual,
  type Register,
  type SyncRecord,
  type SyncState,
} from './record';

/**
 * The merge: a join. Per register, the write with the greater stamp wins; so merging is commutative,
 * associative and idempotent, and every browser that has seen the same writes holds the same state,
 * whatever order they arrived in (tests/unit/sync/merge.test.ts checks these laws with fast-check).
 */

/**
 * The greater of two registers. At equal stamps (the same write), a known value beats a withheld one;
 * two different values at one stamp can only come from corrupt data, and the canonical JSON order
 * still picks the same one everywhere.
 */
export function mergeRegister<T>(
  a: Register<T> | undefined,
  b: Register<T> | undefined,
): Register<T> | undefined {
  if (!a || a === b) return b;
  if (!b) return a;
  const order = compareStamps(a.stamp, b.stamp);
  if (order !== 0) return order > 0 ? a : b;
  if (isKnown(a) !== isKnown(b)) return isKnown(a) ? a : b;
  if (!isKnown(a) || !isKnown(b) || valuesEqual(a.value, b.value)) return a;
  return canonicalJson(a.value) >= canonicalJson(b.value) ? a : b;
}

export function mergeRecords(a: SyncRecord, b: SyncRecord): SyncRecord {
  if (a.key !== b.key) throw new Error(`cannot merge records of ${a.key} and ${b.key}`);
  const merged: Record<string, unknown> = { key: a.key };
  for (const name of REGISTERS) {
    const register = mergeRegister<unknown>(a[name], b[name]);
    if (register) merged[name] = register;
  }
  return merged as unknown as SyncRecord;
}

export function mergeStates(a: SyncState, b: SyncState): Map<string, SyncRecord> {
  const merged = new Map(a);
  for (const [key, record] of b) {
    const mine = merged.get(key);
    merged.set(key, mine ? mergeRecords(mine, record) : record);
  }
  return merged;
}

/** True when `b` tells nothing that `a` does not already hold: merging it into `a` changes nothing. */
export function covers(a: SyncRecord | undefined, b: SyncRecord): boolean {
  if (!a) return REGISTERS.every((name) => b[name] === undefined);
  return REGISTERS.every((name) => {
    const theirs = b[name];
    if (!theirs) return true;
    const mine = a[name];
    return mine !== undefined && registersEqual(mergeRegister<unknown>(mine, theirs), mine);
  });
}

export function registersEqual<T>(a: Register<T> | undefined, b: Register<T> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  if (compareStamps(a.stamp, b.stamp) !== 0 || isKnown(a) !== isKnown(b)) return false;
  return !isKnown(a) || !isKnown(b) || valuesEqual(a.value, b.value);
}

export function recordsEqual(a: SyncRecord | undefined, b: SyncRecord | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.key === b.key && REGISTERS.every((name) => registersEqual<unknown>(a[name], b[name]));
}
