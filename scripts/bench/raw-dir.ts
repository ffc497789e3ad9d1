import { rawDir } from './results';

/** Run without run.mjs (`npx playwright test -c scripts/bench`): one raw-results dir for the benches
 *  and the report, handed to the workers through the environment. */
export default function globalSetup(): void {
  rawDir();
}
