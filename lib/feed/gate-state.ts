import { z } from '../zod';
import type { PaperPulseDB } from '../storage/db';
import type { StateValues } from '../storage/records';
import { getAllState, setState } from '../storage/state';
import { decideRefresh, normalizeGateState, wasCutOff, type GateDecision, type Trigger } from './gate';
import { pruneLedger } from './ledger';

/**
 * The refresh state as the gate and the planner read it: every key validated, and a value an
 * older version wrote in another shape (or a damaged row) read as its default, never trusted.
 */
const time = z.number().catch(0);
const count = z.number().int().min(0).max(10_000).catch(0);

export const RefreshStateSchema = z.object({
  lastRefreshStartedAt: time,
  lastRefreshFinishedAt: time,
  lastRefreshOkAt: time,
  failedAttempts: count,
  retryNotBefore: time,
  lastManualRefreshAt: time,
  followUpAt: time,
  requestLedger: z.array(z.number()).max(10_000).catch([]),
  dayRetries: z
    .record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.object({ failures: count, nextTryAt: time }))
    .catch({}),
  serverClockOffsetMs: time,
  serverTimeSeen: time,
});
export type RefreshState = z.infer<typeof RefreshStateSchema>;

export async function readRefreshState(db: PaperPulseDB): Promise<RefreshState> {
  return RefreshStateSchema.parse(await getAllState(db));
}

/** The values of `next` that differ from `before` (arrays and records compared by content). */
function changed(before: RefreshState, next: RefreshState): Partial<StateValues> {
  const writes: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof RefreshState)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(next[key])) writes[key] = next[key];
  }
  return writes as Partial<StateValues>;
}

/**
 * The gate, applied: reads the stored state, decides, and in the same transaction stores what the
 * decision implies, so two triggers at once cannot both start a run. When allowed, the run is
 * marked started before anything else happens (a worker stopped from here on leaves it cut off),
 * a run that was cut off counts as a failed attempt (repeated cut-offs back off too), the
 * follow-up is taken (except by "Refresh now", which leaves the backfill alone) and "Refresh now"
 * stamped. Either way the clock normalisation is stored and
 * `nextRefreshAllowedAt` says when a refresh may next start.
 */
export async function claimRefresh(
  db: PaperPulseDB,
  trigger: Trigger,
  now: number,
  intervalMinutes: number,
): Promise<GateDecision> {
  return db.transaction('rw', db.state, async () => {
    const stored = await readRefreshState(db);
    const normalized = normalizeGateState(
      {
        ...stored,
        requestLedger: pruneLedger(stored.requestLedger, now + stored.serverClockOffsetMs),
        lastRefreshOkAt: Math.min(stored.lastRefreshOkAt, now),
      },
      now,
      intervalMinutes,
    );
    const decision = decideRefresh(trigger, normalized, now, intervalMinutes);
    const next = { ...normalized };
    if (decision.allowed) {
      if (wasCutOff(normalized)) next.failedAttempts = normalized.failedAttempts + 1;
      next.lastRefreshStartedAt = now;
      // "Refresh now" reads today and yesterday only: a pending follow-up stays for the backfill.
      if (trigger === 'manual') next.lastManualRefreshAt = now;
      else next.followUpAt = 0;
    }
    await setState(db, {
      ...changed(stored, next),
      nextRefreshAllowedAt: decision.allowed ? now : decision.at,
    });
    return decision;
  });
}

/** When an automatic refresh may next start, from stored state (the scheduler's retry alarm). */
export async function nextAutomaticRefresh(
  db: PaperPulseDB,
  now: number,
  intervalMinutes: number,
): Promise<GateDecision> {
  const state = normalizeGateState(await readRefreshState(db), now, intervalMinutes);
  const decision = decideRefresh('retry', state, now, intervalMinutes);
  await setState(db, { nextRefreshAllowedAt: decision.allowed ? now : decision.at });
  return decision;
}
