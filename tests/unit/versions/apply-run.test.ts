import { describe, expect, it } from 'vitest';
import { updatesFromRun, versionFieldsOf } from '@/lib/versions/apply-run';
import type { VersionCheckRun } from '@/lib/versions/check-run';

const entry = (arxivId: string, version: number) => ({
  arxivId,
  version,
  updated: '2024-12-02T09:15:00Z',
  title: 't',
});
const run = (entries: ReturnType<typeof entry>[]): VersionCheckRun => ({
  ok: true,
  startedAt: 0,
  requests: 1,
  latest: new Map(entries.map((e) => [e.arxivId, e])),
  missing: [],
  rejectedIds: [],
  unchecked: [],
  unrequested: 0,
});

describe('updatesFromRun', () => {
  it('updates only papers the run answered for and whose fields change', () => {
    const papers = [
      { arxivId: '2410.17243', savedVersion: 1 },
      { arxivId: 'hep-ex/0307015' },
      { arxivId: '2410.00001', savedVersion: 2, latestVersion: 2 },
      { arxivId: '2410.99999', savedVersion: 1 },
    ];
    const updates = updatesFromRun(
      papers,
      run([entry('2410.17243', 3), entry('hep-ex/0307015', 1), entry('2410.00001', 2)]),
    );
    expect(updates).toEqual([
      { arxivId: '2410.17243', fields: { savedVersion: 1, latestVersion: 3 }, raised: 3 },
      { arxivId: 'hep-ex/0307015', fields: { latestVersion: 1, alertedVersion: 1 } },
    ]);
  });

  it('writes no undefined keys', () => {
    expect(Object.keys(versionFieldsOf({ savedVersion: undefined, latestVersion: 2 }))).toEqual([
      'latestVersion',
    ]);
  });
});
