import type { PaperPulseDB } from '../db';
import type { StateValues } from '../records';
import { getAllState } from '../state';

/** The feed's status for the popup's status line: when it was updated, the last error. */
export async function feedStatus(db: PaperPulseDB): Promise<StateValues> {
  return getAllState(db);
}
