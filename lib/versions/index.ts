/**
 * New versions of saved preprints (issue 12, item 2). Everything here is pure or takes its world
 * in; the wiring below is for the worker, the options page, the popup and the card.
 *
 * PERMISSION. Opt-in. Manifest: `optional_host_permissions: ['https://export.arxiv.org/*']`. The
 * options toggle calls `browser.permissions.request({ origins: [ARXIV_API_ORIGIN] })` in its click
 * handler (a user gesture is required) and saves a setting `versionAlerts: true` only if granted.
 * Before every run the worker checks the setting and `permissions.contains`; turning it off, or
 * `permissions.onRemoved` for that origin, clears the alarm.
 *
 * STORED FIELDS per bookmark (add `...VersionFieldsSchema.shape` to BookmarkSchema; optional, not
 * indexed, so older rows parse as they are and no Dexie version is needed):
 * - `savedVersion`  set when bookmarking from a PaperRef that has `version` (`/abs/2410.17243v1`);
 * - `latestVersion`, `alertedVersion`  written only through `updatesFromRun` and `dismissAlert`.
 * For storage.sync: merge `latestVersion` and `alertedVersion` by max, not last-writer-wins, so a
 * stale copy can never bring back an alert dismissed on the other browser.
 *
 * STATE KEYS (StateValues + STATE_DEFAULTS): `lastVersionCheckAt: number` (0 = never),
 * `lastVersionCheckOk: boolean` (true), `lastVersionCheckRetryAfterMs: number` (0).
 *
 * ALARM `VERSION_CHECK_ALARM` ('version-check'): `alarms.create(name, { delayInMinutes: 1,
 * periodInMinutes: 60 })` while enabled, ensured on every worker start (alarms can be lost). Each
 * wake only asks `isCheckDue(lastVersionCheckAt, { ok, retryAfterMs }, Date.now())`, so no request
 * is made unless a day has passed; the hourly wake catches up soon after a laptop wakes.
 *
 * A RUN (single-flight in the worker, like `refreshNow`):
 * 1. `setState({ lastVersionCheckAt: now, lastVersionCheckOk: false })` before any request, so a
 *    run cut off by the worker stopping still counts as the day's attempt;
 * 2. `checkVersions({ papers, fetch: (...a) => fetch(...a), sleep, now: Date.now })` with the
 *    bookmarks that have an `arxivId` (canonical, no version);
 * 3. in one read-write transaction, re-read those bookmarks and store `updatesFromRun(rows, run)`
 *    (recomputed on fresh rows, so a dismissal made during the run is not overwritten);
 * 4. `setState` from `outcomeOf(run)`: `lastVersionCheckOk`, `lastVersionCheckRetryAfterMs`.
 *
 * MESSAGES (content script → worker, zod-validated like the others): the card's existing status
 * answer gains `versionAlert?: VersionAlert` (from `versionAlert(arxivId, bookmark)`), and a new
 * `dismissVersionAlert { key }` stores `dismissAlert(bookmark)`. The popup reads the bookmark
 * from IndexedDB and writes the dismissal itself.
 *
 * DISPLAY (popup row and card): when `versionAlert(...)` is defined, a link with its `text`
 * ("v3 available") to its `url` (the new version's abs page, whose "Submission history" lists
 * every version; open in a new tab, rel="noopener"), and a dismiss button. Opening the link
 * dismisses too. It stays until dismissed and never returns for that version.
 */

export { ARXIV_API_ORIGIN } from './origin';

export {
  parseAtomFeed,
  type AtomEntry,
  type AtomFeed,
  type AtomFeedResult,
  type ApiError,
} from './atom-feed';
export { queryUrl, planBatches, API_QUERY_URL, MAX_PER_REQUEST } from './api-query';
export { checkVersions, type VersionCheckInput, type VersionCheckRun } from './check-run';
export type { CheckFailure, CheckFailureKind } from './fetch-batch';
export {
  VersionFieldsSchema,
  applyLatestVersion,
  dismissAlert,
  pendingVersion,
  versionAlert,
  versionAvailableText,
  type CheckDecision,
  type VersionAlert,
  type VersionFields,
} from './alert';
export { updatesFromRun, versionFieldsOf, type PaperUpdate, type VersionedPaper } from './apply-run';
export { versionPageUrl } from './abs-url';
export { VERSION_CHECK_ALARM, isCheckDue, nextCheckAt, outcomeOf, type LastCheckOutcome } from './schedule';
