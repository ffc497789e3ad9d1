import { render } from 'preact';
import { renderTarget } from './support/render-target';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PaperRow } from '@/components/PaperRow';
import { onWatchedTopics, watchedView, watchPhrase } from '@/lib/popup/watched-view';
import { MAX_WATCHED_TOPICS } from '@/lib/topics/topic-list';
import type { Paper } from '@/lib/storage/records';

const paper = (id: string, title: string, extra: Partial<Paper> = {}): Paper =>
  ({
    id,
    title,
    summary: '',
    authors: ['A. Author'],
    upvotes: 3,
    numComments: 0,
    dailyDate: '2026-11-30',
    firstSeenAt: 0,
    updatedAt: 0,
    ...extra,
  }) as Paper;

const diffusion = paper('2611.00001', 'Faster Diffusion Models for Video', {
  aiKeywords: ['video generation'],
});
const agents = paper('2611.00002', 'Tool-Using Agents in the Wild', {
  aiKeywords: ['LLM agents', 'tool use'],
});
const other = paper('2611.00003', 'A Study of Sparse Tables');

describe('watchedView', () => {
  it('marks each paper with the watched topics it is on, inflections and keywords included', () => {
    const view = watchedView(['diffusion model', 'agent', 'tool use']);
    expect(view.topicsOf(diffusion)).toEqual(['diffusion model']);
    expect(view.topicsOf(agents)).toEqual(['agent', 'tool use']);
    expect(view.topicsOf(other)).toEqual([]);
    expect(onWatchedTopics([diffusion, other, agents], view)).toEqual([diffusion, agents]);
  });

  it('with no topics, marks nothing and filters everything out', () => {
    const view = watchedView([]);
    expect(view.topicsOf(diffusion)).toEqual([]);
    expect(onWatchedTopics([diffusion], view)).toEqual([]);
  });

  it('knows a keyword is watched in any spelling of its normalised form', () => {
    const view = watchedView(['State-Space Models']);
    expect(view.isWatched('state space model')).toBe(true);
    expect(view.isWatched('state space')).toBe(false);
  });
});

describe('watchPhrase', () => {
  it('adds a new keyword at the end, and leaves a watched one alone without a complaint', () => {
    expect(watchPhrase(['agent'], 'video generation')).toEqual({ topics: ['agent', 'video generation'] });
    expect(watchPhrase(['LLM agents'], 'LLM agent')).toEqual({ problem: null });
  });

  it('says why when the list is full or the keyword cannot be a topic', () => {
    const full = Array.from({ length: MAX_WATCHED_TOPICS }, (_, i) => `topic ${i}`);
    expect(watchPhrase(full, 'video generation').problem).toMatch(/full/);
    expect(watchPhrase([], 'x'.repeat(101)).problem).toMatch(/100 characters/);
  });
});

describe('a paper row on watched topics', () => {
  const container = renderTarget();

  function mount(props: Partial<Parameters<typeof PaperRow>[0]>) {
    act(() =>
      render(
        <PaperRow
          paper={agents}
          bookmarked={false}
          expanded
          onToggleBookmark={() => undefined}
          onToggleExpand={() => undefined}
          {...props}
        />,
        container(),
      ),
    );
  }

  it('says which watched topics it is on, in words a screen reader reads', () => {
    mount({ watched: ['agent', 'tool use'] });
    expect(container().querySelector('.watched-mark')?.textContent).toBe(
      '◆ On your watched topics: agent, tool use',
    );
  });

  it('has no mark when it is on none', () => {
    mount({ watched: [] });
    expect(container().querySelector('.watched-mark')).toBeNull();
  });

  it('watches a keyword from its chip; a watched keyword says so and does nothing', () => {
    const onWatch = vi.fn();
    const view = watchedView(['tool use']);
    mount({ keywordWatch: { isWatched: view.isWatched, onWatch } });
    const chips = [...container().querySelectorAll<HTMLButtonElement>('button.keyword')];
    expect(chips.map((chip) => [chip.textContent, chip.getAttribute('aria-pressed')])).toEqual([
      ['+ LLM agents', 'false'],
      ['✓ tool use', 'true'],
    ]);
    act(() => chips[0]!.click());
    act(() => chips[1]!.click());
    expect(onWatch.mock.calls).toEqual([['LLM agents']]);
  });

  it('without a way to watch, keywords are plain chips', () => {
    mount({});
    expect(container().querySelectorAll('button.keyword')).toHaveLength(0);
    expect(container().querySelectorAll('.keywords .term')).toHaveLength(2);
  });
});
