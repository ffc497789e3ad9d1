import { describe, expect, it } from 'vitest';
import {
  applyLatestVersion,
  dismissAlert,
  pendingVersion,
  versionAlert,
  versionAvailableText,
  type VersionFields,
} from '@/lib/versions/alert';

interface Case {
  name: string;
  before: VersionFields;
  apiLatest: number;
  stored: VersionFields;
  raised?: number;
  shows?: number;
}

// One row per situation: what is stored, what a check sees, what it stores, raises and shows.
const CASES: Case[] = [
  {
    name: 'saved v1, first check sees v3: raise and show v3',
    before: { savedVersion: 1 },
    apiLatest: 3,
    stored: { savedVersion: 1, latestVersion: 3 },
    raised: 3,
    shows: 3,
  },
  {
    name: 'saved v1, first check sees v1: nothing new',
    before: { savedVersion: 1 },
    apiLatest: 1,
    stored: { savedVersion: 1, latestVersion: 1 },
  },
  {
    name: 'saved v1, v3 already seen and not dismissed, v3 again: still shown, not raised again',
    before: { savedVersion: 1, latestVersion: 3 },
    apiLatest: 3,
    stored: { savedVersion: 1, latestVersion: 3 },
    shows: 3,
  },
  {
    name: 'saved v1, v3 dismissed, v3 again: nothing',
    before: { savedVersion: 1, latestVersion: 3, alertedVersion: 3 },
    apiLatest: 3,
    stored: { savedVersion: 1, latestVersion: 3, alertedVersion: 3 },
  },
  {
    name: 'saved v1, v3 dismissed, v4 appears: raise v4',
    before: { savedVersion: 1, latestVersion: 3, alertedVersion: 3 },
    apiLatest: 4,
    stored: { savedVersion: 1, latestVersion: 4, alertedVersion: 3 },
    raised: 4,
    shows: 4,
  },
  {
    name: 'saved v1, v3 pending, v4 appears: raise v4, show v4',
    before: { savedVersion: 1, latestVersion: 3 },
    apiLatest: 4,
    stored: { savedVersion: 1, latestVersion: 4 },
    raised: 4,
    shows: 4,
  },
  {
    name: 'saved without a version, first check: silent baseline',
    before: {},
    apiLatest: 3,
    stored: { latestVersion: 3, alertedVersion: 3 },
  },
  {
    name: 'saved without a version, baseline v3, v4 appears: raise v4',
    before: { latestVersion: 3, alertedVersion: 3 },
    apiLatest: 4,
    stored: { latestVersion: 4, alertedVersion: 3 },
    raised: 4,
    shows: 4,
  },
  {
    name: 'a lagging answer (v2 after v3): latest stays v3, nothing raised',
    before: { savedVersion: 1, latestVersion: 3 },
    apiLatest: 2,
    stored: { savedVersion: 1, latestVersion: 3 },
    shows: 3,
  },
  {
    name: 'dismissed v3, then a lagging v2, then v3 again: never raised again',
    before: { savedVersion: 1, latestVersion: 3, alertedVersion: 3 },
    apiLatest: 2,
    stored: { savedVersion: 1, latestVersion: 3, alertedVersion: 3 },
  },
  {
    name: 'saved v4 while arXiv still answers v3: nothing',
    before: { savedVersion: 4 },
    apiLatest: 3,
    stored: { savedVersion: 4, latestVersion: 3 },
  },
];

describe('applyLatestVersion', () => {
  it.each(CASES)('$name', ({ before, apiLatest, stored, raised, shows }) => {
    const decision = applyLatestVersion(before, apiLatest);
    expect(decision.fields).toEqual(stored);
    expect(decision.raised).toBe(raised);
    expect(pendingVersion(decision.fields)).toBe(shows);
  });
});

describe('dismissAlert', () => {
  it('stores the shown version as alerted, and it does not come back', () => {
    const dismissed = dismissAlert({ savedVersion: 1, latestVersion: 3 });
    expect(dismissed).toEqual({ savedVersion: 1, latestVersion: 3, alertedVersion: 3 });
    expect(pendingVersion(dismissed)).toBeUndefined();
    expect(applyLatestVersion(dismissed, 3)).toEqual({ fields: dismissed });
  });

  it('changes nothing when nothing is shown', () => {
    const fields = { savedVersion: 2, latestVersion: 2 };
    expect(dismissAlert(fields)).toBe(fields);
  });
});

describe('display', () => {
  it('says which version is available', () => {
    expect(versionAvailableText(3)).toBe('v3 available');
  });

  it.each([
    ['2410.17243', { savedVersion: 1, latestVersion: 3 }, 'https://arxiv.org/abs/2410.17243v3'],
    ['math/0309136', { savedVersion: 1, latestVersion: 2 }, 'https://arxiv.org/abs/math/0309136v2'],
  ])('links %s to the new version’s abs page', (arxivId, fields, url) => {
    expect(versionAlert(arxivId, fields)).toEqual({
      version: fields.latestVersion,
      text: `v${fields.latestVersion} available`,
      url,
    });
  });

  it('has nothing to show for an up-to-date or dismissed bookmark', () => {
    expect(versionAlert('2410.17243', { savedVersion: 3, latestVersion: 3 })).toBeUndefined();
    expect(versionAlert('2410.17243', { latestVersion: 3, alertedVersion: 3 })).toBeUndefined();
  });
});
