import type { PaperPulseDB } from '../storage/db';
import type { StateValues } from '../storage/records';
import { getAllState } from '../storage/state';

/** The feed's status for the popup's status line: when it was updated, the last error. */
export async function feedStatus(db: PaperPulseDB): Promise<StateValues> {
  return getAllState(db);
}
