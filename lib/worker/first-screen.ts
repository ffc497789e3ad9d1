import { computeFirstScreen, FIRST_SCREEN_KEY } from '../storage/first-screen-record';
import type { PaperPulseDB } from '../storage/db';

/** The part of `browser.storage.local` this needs. */
export interface LocalArea {
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}

/**
 * Keeps the popup's first-screen record in step with the database. Updates run one after the
 * other and a burst of them collapses into one; a worker stopped in between leaves the last
 * record written, which the next wake replaces.
 */
export function createFirstScreenWriter(
  db: PaperPulseDB,
  area: LocalArea,
  now: () => number,
  /** The user's watched topics: the first rows carry their marks, as the app draws them. */
  watchedTopics: () => Promise<readonly string[]> = async () => [],
) {
  let running: Promise<void> | undefined;
  let again = false;
  const write = async () => {
    const record = await computeFirstScreen(db, now(), await watchedTopics());
    if (record) await area.set({ [FIRST_SCREEN_KEY]: record });
    else await area.remove(FIRST_SCREEN_KEY);
  };
  return {
    update(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        try {
          do {
            again = false;
            await write();
          } while (again);
        } finally {
          running = undefined;
        }
      })();
      return running;
    },
  };
}
