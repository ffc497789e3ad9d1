import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  badgeText,
  badgeTitle,
  markAllSeen,
  unseenCount,
  updateBadge,
  type BadgeSettings,
} from '@/lib/worker/badge';
import { PaperPulseDB } from '@/lib/storage/db';
import { storeDay } from '@/lib/feed/store';
import { getState, setState } from '@/lib/storage/state';
import type { FeedPaper } from '@/lib/feed/schema';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const ALL = { badgeMode: 'all', watchedTopics: [] } as const satisfies BadgeSettings;

function papers(count: number, prefix: string): FeedPaper[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${String(i).padStart(3, '0')}`,
    title: `Paper ${i}`,
    summary: '',
    authors: [],
    upvotes: i,
    numComments: 0,
  }));
}

let db: PaperPulseDB;
beforeEach(() => {
  db = new PaperPulseDB('t-' + crypto.randomUUID());
});
afterEach(async () => {
  await db.delete();
});

describe('badgeText', () => {
  it.each([
    [0, ''],
    [-1, ''],
    [1, '1'],
    [42, '42'],
    [99, '99'],
    [100, '99+'],
    [5000, '99+'],
  ])('%i → %j', (count, text) => {
    expect(badgeText(count)).toBe(text);
  });
});

describe('badgeTitle', () => {
  it('says what the number means and when the feed was updated', () => {
    const title = badgeTitle(3, NOW, 'all', 'en-US');
    expect(title).toContain('3 new Daily Papers since you last opened PaperPulse');
    expect(title).toMatch(/Feed updated Nov 23, 2026/);
  });

  it.each([
    [0, 'No new Daily Papers since you last opened PaperPulse'],
    [1, '1 new Daily Paper since you last opened PaperPulse'],
    [150, '150 new Daily Papers since you last opened PaperPulse'],
  ])('%i → %j', (count, text) => {
    expect(badgeTitle(count, NOW, 'all', 'en-US')).toContain(text);
  });

  it('says when the feed was never loaded', () => {
    expect(badgeTitle(0, 0)).toContain('Feed not loaded yet');
    expect(badgeTitle(0, 0)).not.toContain('Feed updated');
  });
});

describe('unseenCount', () => {
  it('counts papers first seen after lastSeenAt', async () => {
    await storeDay(db, { date: '2026-11-19', papers: papers(4, '2611.19'), dropped: [] }, NOW - 2000);
    await storeDay(db, { date: '2026-11-20', papers: papers(3, '2611.20'), dropped: [] }, NOW);
    expect(await unseenCount(db, 0)).toBe(7);
    expect(await unseenCount(db, NOW - 2000)).toBe(3);
    expect(await unseenCount(db, NOW)).toBe(0);
  });
});

describe('updateBadge', () => {
  it('shows the unseen count on the action, with a title', async () => {
    await storeDay(db, { date: '2026-11-20', papers: papers(3, '2611.20'), dropped: [] }, NOW);
    await setState(db, { lastSeenAt: NOW - 1000, lastRefreshOkAt: NOW });

    expect(await updateBadge(db, ALL)).toBe(3);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    expect(await fakeBrowser.action.getTitle({})).toContain('3 new Daily Papers');
  });

  it('shows 99+ for more than 99 new papers and nothing for none', async () => {
    await storeDay(db, { date: '2026-11-20', papers: papers(120, '2611.20'), dropped: [] }, NOW);
    await updateBadge(db, ALL);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('99+');

    await setState(db, { lastSeenAt: NOW });
    await updateBadge(db, ALL);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

describe('markAllSeen', () => {
  it('clears the badge and returns the previous lastSeenAt', async () => {
    await storeDay(db, { date: '2026-11-20', papers: papers(5, '2611.20'), dropped: [] }, NOW);
    await setState(db, { lastSeenAt: NOW - 60_000 });
    await updateBadge(db, ALL);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('5');

    expect(await markAllSeen(db, NOW + 1000, ALL)).toBe(NOW - 60_000);
    expect(await getState(db, 'lastSeenAt')).toBe(NOW + 1000);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('returns 0 the first time', async () => {
    expect(await markAllSeen(db, NOW, ALL)).toBe(0);
  });
});

describe('the badge modes', () => {
  const titled = (title: string, summary: string): FeedPaper => ({
    id: `2611.${String(Math.abs([...title].reduce((h, c) => h * 31 + c.charCodeAt(0), 7)) % 99999).padStart(5, '0')}`,
    title,
    summary,
    authors: [],
    upvotes: 1,
    numComments: 0,
  });
  const day = [
    titled('Diffusion Models for Video', 'We train a video diffusion model.'),
    titled('Agentic Retrieval', 'LLM agents that search.'),
    titled('Graph Neural Networks at Scale', 'Message passing.'),
  ];

  it('counts every new paper, the new ones on the watched topics, or nothing', async () => {
    await storeDay(db, { date: '2026-11-20', papers: day, dropped: [] }, NOW);
    await setState(db, { lastSeenAt: NOW - 1000, lastRefreshOkAt: NOW });
    expect(await updateBadge(db, ALL)).toBe(3);
    const watched: BadgeSettings = { badgeMode: 'watched', watchedTopics: ['diffusion model', 'agent'] };
    expect(await updateBadge(db, watched)).toBe(2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getTitle({})).toContain('2 new papers on your watched topics');
    expect(await updateBadge(db, { badgeMode: 'watched', watchedTopics: [] })).toBe(0);
    expect(await updateBadge(db, { badgeMode: 'none', watchedTopics: ['agent'] })).toBe(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toContain('The badge is off');
  });
});
