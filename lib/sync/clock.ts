/**
 * Stamps for the last-writer-wins registers of a sync record: a hybrid logical clock
 * (wall-clock milliseconds, a counter, and the replica id).
 *
 * Why a hybrid logical clock rather than a Lamport counter: two browsers rarely talk (a laptop can be
 * offline for days), and a Lamport counter lets the browser that made *more* edits beat the one that
 * edited *later*. The wall-clock part makes "the later edit wins" hold whenever clocks are roughly
 * right, which is what a user expects; the counter keeps causality when they are not: a new stamp is
 * always greater than every stamp already in the record it is written to, so an edit made after
 * seeing a deletion (a restore from trash) beats it even on a machine whose clock is behind. The
 * replica id breaks exact ties, so every replica picks the same winner (a total order).
 *
 * The clock is per record and derived from the record's own stamps: last-writer-wins only ever
 * compares stamps of one register of one record, so no global clock has to be stored or kept in step.
 * The only thing a browser stores is its replica id.
 *
 * Known risk: a machine whose clock runs far ahead wins concurrent edits until real time catches up
 * (edits made after seeing its writes still win, through the counter).
 */
export interface Stamp {
  /** Milliseconds since the epoch, from the writer's clock (or later, to stay after what it saw). */
  readonly wall: number;
  /** Orders writes within one millisecond, and writes after a stamp from a clock that was ahead. */
  readonly counter: number;
  /** The browser that wrote it: breaks exact ties. */
  readonly replica: string;
}

/** Total order: wall, then counter, then replica id. */
export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.replica === b.replica) return 0;
  return a.replica < b.replica ? -1 : 1;
}

export function maxStamp(stamps: Iterable<Stamp>): Stamp | undefined {
  let latest: Stamp | undefined;
  for (const stamp of stamps) if (!latest || compareStamps(stamp, latest) > 0) latest = stamp;
  return latest;
}

/** A stamp for a write made now by `replica`, greater than every stamp in `seen`. */
export function nextStamp(seen: Iterable<Stamp>, now: number, replica: string): Stamp {
  const latest = maxStamp(seen);
  const wall = Math.floor(now);
  if (!latest || wall > latest.wall) return { wall, counter: 0, replica };
  return { wall: latest.wall, counter: latest.counter + 1, replica };
}
