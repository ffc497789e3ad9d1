import type { Action } from 'webextension-polyfill';
import type { SessionArea } from './tab-papers';

/**
 * A mark the toolbar badge shows for a moment after a bookmark made without the popup (the
 * context menu, the shortcut), then the normal badge (lib/worker/badge.ts) comes back.
 */
export type FlashMark = 'added' | 'removed' | 'not-a-paper' | 'failed';

/** White text on each colour is at least 4.5:1. */
export const FLASH_MARKS: Readonly<Record<FlashMark, { text: string; color: string }>> = {
  added: { text: '✓', color: '#2b8a3e' },
  removed: { text: '−', color: '#495057' },
  'not-a-paper': { text: '?', color: '#495057' },
  failed: { text: '!', color: '#c92a2a' },
};

export const FLASH_MS = 2000;

/** The flash under way, in `storage.session`: a worker stopped mid-flash ends it when it wakes. */
const FLASH_KEY = 'badge-flash';
interface FlashRecord {
  id: string;
  until: number;
}

const isFlashRecord = (value: unknown): value is FlashRecord =>
  typeof (value as FlashRecord | null)?.id === 'string' &&
  typeof (value as FlashRecord | null)?.until === 'number';

export interface BadgeFlashDeps {
  /** `browser.action` (`browserAction` in Firefox's Manifest V2 build). */
  action: Pick<Action.Static, 'setBadgeText' | 'setBadgeBackgroundColor'>;
  session: SessionArea;
  now: () => number;
  /** Puts the normal badge back (updateBadge). */
  restore: () => Promise<unknown>;
  /** setTimeout, unless a test runs the clock. */
  setTimer?: (run: () => void, ms: number) => unknown;
}

export function createBadgeFlash({
  action,
  session,
  now,
  restore,
  setTimer = (run, ms) => setTimeout(run, ms),
}: BadgeFlashDeps) {
  // One change of the badge at a time: a flash ending must not restore over the next one.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = (task: () => Promise<void>): Promise<void> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  const current = async () => {
    const value = (await session.get(FLASH_KEY))[FLASH_KEY];
    return isFlashRecord(value) ? value : undefined;
  };
  const end = (id: string) =>
    serially(async () => {
      if ((await current())?.id !== id) return;
      await session.remove(FLASH_KEY);
      await restore();
    });
  const endLater = ({ id, until }: FlashRecord) =>
    until <= now()
      ? end(id)
      : new Promise<void>((resolve, reject) => setTimer(() => end(id).then(resolve, reject), until - now()));

  return {
    /** Shows the mark now; resolves once the normal badge is back (about FLASH_MS later). */
    async flash(mark: FlashMark): Promise<void> {
      const record: FlashRecord = { id: crypto.randomUUID(), until: now() + FLASH_MS };
      await serially(async () => {
        // Written before the badge changes, so that no stop leaves a mark nobody will clear.
        await session.set({ [FLASH_KEY]: record });
        await action.setBadgeText({ text: FLASH_MARKS[mark].text });
        await action.setBadgeBackgroundColor({ color: FLASH_MARKS[mark].color });
      });
      await endLater(record);
    },

    /** At every wake: a flash the last worker did not live to end is ended (at once if it is overdue). */
    async settle(): Promise<void> {
      const record = await current();
      if (record) await endLater(record);
    },
  };
}

export type BadgeFlash = ReturnType<typeof createBadgeFlash>;
