import { z } from '../zod';
import { versionPageUrl } from './abs-url';
import { t } from '../i18n';

/**
 * The "vN available" decision, pure. Three numbers stored per bookmark carry it across worker
 * restarts, so no alert ever depends on memory:
 * - `savedVersion`: the version the user saved, when known (a bookmark made on `/abs/2410.17243v1`);
 * - `latestVersion`: the highest version a check has seen; it never goes down, so an answer from a
 *   lagging mirror (v2 after v3) cannot make v3 new again;
 * - `alertedVersion`: the highest version the user has been alerted about and dismissed, or the
 *   silent baseline of a bookmark saved without a version. Nothing at or below it is ever shown.
 */

const version = z.number().int().min(1).max(9_999);
export const VersionFieldsSchema = z.object({
  savedVersion: version.optional(),
  latestVersion: version.optional(),
  alertedVersion: version.optional(),
});
export type VersionFields = z.infer<typeof VersionFieldsSchema>;

export interface CheckDecision {
  /** What to store (unchanged fields are kept). */
  fields: VersionFields;
  /** The version this check newly made available, once per version ever: for a badge or a count. */
  raised?: number;
}

/** The version below which nothing is news to the user. */
function acknowledged(fields: VersionFields): number {
  return Math.max(fields.savedVersion ?? 0, fields.alertedVersion ?? 0);
}

/**
 * A check saw `apiLatest`. A paper saved without a version and never checked gets a baseline and
 * no alert: we cannot know which version the user read, and a bookmark is nearly always made on
 * the version current at the time, so alerting then would be a false "new version" for every
 * paper that ever had a v2. From the baseline on, any newer version alerts.
 */
export function applyLatestVersion(fields: VersionFields, apiLatest: number): CheckDecision {
  const latest = Math.max(fields.latestVersion ?? 0, apiLatest);
  const nothingKnown =
    fields.savedVersion === undefined &&
    fields.latestVersion === undefined &&
    fields.alertedVersion === undefined;
  if (nothingKnown) return { fields: { ...fields, latestVersion: latest, alertedVersion: latest } };
  const next = { ...fields, latestVersion: latest };
  // New only when above both what the user knows and what an earlier check already raised.
  const isNew = latest > acknowledged(fields) && latest > (fields.latestVersion ?? 0);
  return isNew ? { fields: next, raised: latest } : { fields: next };
}

/** The version to show as available, if any: shown until dismissed, and never for a dismissed one. */
export function pendingVersion(fields: VersionFields): number | undefined {
  const latest = fields.latestVersion;
  return latest !== undefined && latest > acknowledged(fields) ? latest : undefined;
}

/** The user dismissed the alert (or opened its link): nothing up to this version shows again. */
export function dismissAlert(fields: VersionFields): VersionFields {
  const pending = pendingVersion(fields);
  return pending === undefined ? fields : { ...fields, alertedVersion: pending };
}

/** "v3 available" (versionAvailable), in the language of the extension's pages. */
export function versionAvailableText(versionNumber: number): string {
  return t('versionAvailable', versionNumber);
}

export interface VersionAlert {
  version: number;
  text: string;
  /** The new version's abs page, whose "Submission history" lists every version. */
  url: string;
}

/** Everything the popup row and the card need, or undefined when there is nothing to show. */
export function versionAlert(arxivId: string, fields: VersionFields): VersionAlert | undefined {
  const pending = pendingVersion(fields);
  if (pending === undefined) return undefined;
  return { version: pending, text: versionAvailableText(pending), url: versionPageUrl(arxivId, pending) };
}
