import type { PaperPulseDB } from './db';
import type { StateKey, StateValues } from './records';

export const STATE_DEFAULTS: StateValues = {
  lastSeenAt: 0,
  lastRefreshStartedAt: 0,
  lastRefreshFinishedAt: 0,
  lastRefreshOkAt: 0,
  lastError: null,
  failedAttempts: 0,
  retryNotBefore: 0,
  nextRefreshAllowedAt: 0,
  lastManualRefreshAt: 0,
  followUpAt: 0,
  // Frozen: a default handed out by getState is shared by every caller.
  requestLedger: Object.freeze([]),
  dayRetries: Object.freeze({}),
  serverClockOffsetMs: 0,
  serverTimeSeen: 0,
  lastViewedPaper: null,
  watchedConsideredUpTo: 0,
  watchedNotifiedIds: [],
  digestLastAt: 0,
  lastVersionCheckAt: 0,
  lastVersionCheckOk: true,
  lastVersionCheckRetryAfterMs: 0,
};

export async function getState<K extends StateKey>(db: PaperPulseDB, key: K): Promise<StateValues[K]> {
  const row = await db.state.get(key);
  return (row?.value as StateValues[K] | undefined) ?? STATE_DEFAULTS[key];
}

export async function getAllState(db: PaperPulseDB): Promise<StateValues> {
  return stateFromRows(await db.state.toArray());
}

/** State rows as stored (any version's) → every value, defaults filled in, unknown keys dropped. */
export function stateFromRows(rows: readonly { key: string; value: unknown }[]): StateValues {
  const values = { ...STATE_DEFAULTS } as Record<StateKey, unknown>;
  for (const row of rows) if (row.key in STATE_DEFAULTS) values[row.key as StateKey] = row.value;
  return values as unknown as StateValues;
}

export async function setState(db: PaperPulseDB, values: Partial<StateValues>): Promise<void> {
  const rows = Object.entries(values).map(([key, value]) => ({ key, value }) as never);
  await db.state.bulkPut(rows);
}
