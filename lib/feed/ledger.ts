import type { PaperPulseDB } from '../storage/db';
import { getState, setState } from '../storage/state';
import { FeedError } from './client';
import { t } from '../i18n';

/**
 * The request ledger: the hard cap under every refresh, whatever triggered it and whatever the
 * gate or the planner decided. Each request's time is written before the request goes out (so a
 * worker stopped mid-request still counts it), and a request that would break a cap is never sent.
 * Times are on the server's clock as best known (local clock + the offset its `Date` header showed):
 * Hugging Face counts on its clock, and a local clock that jumps forward must not make recent
 * requests look old for longer than until the next answer.
 */

const MINUTE = 60_000;
/** Hugging Face allows 500 per 5 minutes per address, shared with the user's own browsing. */
export const REQUEST_CAPS = [
  { windowMs: 5 * MINUTE, max: 30 },
  { windowMs: 24 * 60 * MINUTE, max: 300 },
] as const;
/**
 * Each window is counted a little longer than its cap's, so that an error of up to this much in
 * the clock estimate (a slow answer, a `Date` header's whole seconds) cannot let one more through.
 */
export const LEDGER_MARGIN_MS = 30_000;
const KEPT_MS = REQUEST_CAPS[REQUEST_CAPS.length - 1]!.windowMs + LEDGER_MARGIN_MS;

/**
 * The entries that still count, oldest first. An entry after `serverNow` means the clock went back
 * since: it counts as happening now (so it ages out one window after the jump, not never).
 */
export function pruneLedger(entries: readonly number[], serverNow: number): number[] {
  return entries
    .filter((time) => Number.isFinite(time))
    .map((time) => Math.min(time, serverNow))
    .filter((time) => time > serverNow - KEPT_MS)
    .sort((a, b) => a - b);
}

/** The earliest server time at which one more request keeps every cap (`serverNow` if it does now). */
export function ledgerFreeAt(entries: readonly number[], serverNow: number): number {
  const kept = pruneLedger(entries, serverNow);
  let at = serverNow;
  for (const { windowMs, max } of REQUEST_CAPS) {
    const span = windowMs + LEDGER_MARGIN_MS;
    const inWindow = kept.filter((time) => time > serverNow - span);
    // With `max` or more in the window, wait until all but max - 1 of them have left it.
    const oldestToLeave = inWindow[inWindow.length - max];
    if (oldestToLeave !== undefined) at = Math.max(at, oldestToLeave + span);
  }
  return at;
}

/**
 * Records one request about to go out, or throws FeedError('capped') when a cap is reached. One
 * transaction: two runs in flight at once (an abandoned worker's and a new one's) cannot both take
 * the last place.
 */
export async function reserveRequest(db: PaperPulseDB, localNow: number): Promise<void> {
  await db.transaction('rw', db.state, async () => {
    const offset = await getState(db, 'serverClockOffsetMs');
    const serverNow = localNow + (Number.isFinite(offset) ? offset : 0);
    const stored = await getState(db, 'requestLedger');
    const entries = pruneLedger(Array.isArray(stored) ? stored : [], serverNow);
    const freeAt = ledgerFreeAt(entries, serverNow);
    if (freeAt > serverNow) {
      throw new FeedError('capped', t('feedCapped'), freeAt - serverNow);
    }
    await setState(db, { requestLedger: [...entries, serverNow] });
  });
}
