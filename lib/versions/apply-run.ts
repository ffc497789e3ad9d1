import { applyLatestVersion, type VersionFields } from './alert';
import type { VersionCheckRun } from './check-run';

export type VersionedPaper = { arxivId: string } & VersionFields;

export interface PaperUpdate {
  arxivId: string;
  /** The three fields to store for this paper's bookmark. */
  fields: VersionFields;
  /** Set when this run made a new version available (once per version, ever). */
  raised?: number;
}

const same = (a: VersionFields, b: VersionFields) =>
  a.savedVersion === b.savedVersion &&
  a.latestVersion === b.latestVersion &&
  a.alertedVersion === b.alertedVersion;

/** Only the three fields, and only those that are set (no `undefined` keys written to storage). */
export function versionFieldsOf(paper: VersionFields): VersionFields {
  const fields: VersionFields = {};
  if (paper.savedVersion !== undefined) fields.savedVersion = paper.savedVersion;
  if (paper.latestVersion !== undefined) fields.latestVersion = paper.latestVersion;
  if (paper.alertedVersion !== undefined) fields.alertedVersion = paper.alertedVersion;
  return fields;
}

/**
 * The stores a run implies: one update per paper whose fields change. Papers arXiv did not answer
 * for (failure, budget, unknown id) are left as they were, so they get their turn another day.
 */
export function updatesFromRun(papers: readonly VersionedPaper[], run: VersionCheckRun): PaperUpdate[] {
  const updates: PaperUpdate[] = [];
  for (const paper of papers) {
    const entry = run.latest.get(paper.arxivId);
    if (!entry) continue;
    const current = versionFieldsOf(paper);
    const decision = applyLatestVersion(current, entry.version);
    if (same(current, decision.fields)) continue;
    updates.push({ arxivId: paper.arxivId, ...decision });
  }
  return updates;
}
