import { describe, expect, it } from 'vitest';
import type { Paper } from '@/lib/storage/records';
import { arrivalNotification, BATCH_TITLES, digestNotification } from '@/lib/worker/notification-content';
import type { Arrival } from '@/lib/worker/watched-arrivals';
import { digestOf } from '@/lib/digest/digest';

/** What the notifications say, for Chromium (list notifications) and Firefox (basic only). */

const ICON = 'chrome-extension://id/icon/128.png';
const chromium = { iconUrl: ICON, listItems: true };
const firefox = { iconUrl: ICON, listItems: false };

function paper(n: number, overrides: Partial<Paper> = {}): Paper {
  return {
    id: `2611.${String(27900 + n)}`,
    title: `Paper number ${n}`,
    summary: '',
    authors: [],
    upvotes: 100 - n,
    numComments: 0,
    dailyDate: '2026-11-27',
    firstSeenAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}
const arrival = (n: number, topics = ['agents']): Arrival => ({ paper: paper(n), topics });

describe('arrivalNotification', () => {
  it('names one paper, its topics and its upvotes', () => {
    expect(arrivalNotification([arrival(1, ['agents', 'tool use'])], chromium)).toEqual({
      id: 'paperpulse:paper:2611.27901',
      options: {
        type: 'basic',
        iconUrl: ICON,
        title: 'New paper on agents, tool use',
        message: 'Paper number 1',
        contextMessage: 'PaperPulse · ▲ 99 on Daily Papers',
      },
    });
  });

  it('puts a batch’s titles in the message where list notifications are not drawn (Firefox)', () => {
    const content = arrivalNotification([arrival(1), arrival(2, ['diffusion'])], firefox);
    expect(content.id).toBe('paperpulse:papers:2611.27901,2611.27902');
    expect(content.options).toEqual({
      type: 'basic',
      iconUrl: ICON,
      title: '2 new papers on your watched topics: agents, diffusion',
      message: '• Paper number 1\n• Paper number 2',
      contextMessage: 'PaperPulse · click to see them all',
    });
  });

  it(`names the first ${BATCH_TITLES} of a large batch and counts the rest; the click opens them all`, () => {
    const arrivals = Array.from({ length: 8 }, (_, i) => arrival(i + 1));
    const content = arrivalNotification(arrivals, chromium);
    expect(content.options.items).toHaveLength(BATCH_TITLES);
    expect(content.options.contextMessage).toBe('PaperPulse · and 3 more · click to see them all');
    expect(content.id.split(',')).toHaveLength(8);
  });
});

describe('digestNotification', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');

  it('says how many papers the week had, the top one and the watched topics’ counts', () => {
    const papers = [
      paper(1, { title: 'LLM agents that plan', upvotes: 80 }),
      paper(2, { title: 'Agents all the way down', upvotes: 30 }),
      paper(3, { title: 'Sparse tables', upvotes: 120 }),
    ];
    const content = digestNotification(digestOf(papers, ['agents', 'diffusion'], now), chromium);
    expect(content).toEqual({
      id: 'paperpulse:digest:2026-11-27',
      options: {
        type: 'basic',
        iconUrl: ICON,
        title: 'Your PaperPulse week: 3 papers',
        message: 'Top: Sparse tables (▲ 120)',
        contextMessage: 'Watched topics: agents 2',
      },
    });
  });

  it('says nothing for a week with nothing stored', () => {
    expect(digestNotification(digestOf([], ['agents'], now), chromium)).toBeUndefined();
  });
});
