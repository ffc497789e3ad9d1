import { describe, expect, it } from 'vitest';
import {
  followEarlyInput,
  isFirstScreen,
  keepingSearchFocus,
  loadLastSnapshot,
  paintSnapshot,
  saveSnapshot,
} from '@/lib/popup/first-screen-snapshot';
import { bringTimesUpToDate } from '@/lib/popup/relative-time';

function memoryStore() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

describe('the saved first screen', () => {
  it('is given back with the stamp it was drawn from, the last one saved', () => {
    const store = memoryStore();
    expect(loadLastSnapshot(store)).toBeUndefined();
    saveSnapshot('abc-1', '<main>rows</main>', store);
    expect(loadLastSnapshot(store)).toEqual({ stamp: 'abc-1', html: '<main>rows</main>' });
    saveSnapshot('abc-2', '<main>other rows</main>', store);
    expect(loadLastSnapshot(store)).toEqual({ stamp: 'abc-2', html: '<main>other rows</main>' });
  });

  it('survives nothing it should not: damaged storage gives nothing, a full one is no error', () => {
    const store = memoryStore();
    store.setItem('paperpulse:first-screen', '{not json');
    expect(loadLastSnapshot(store)).toBeUndefined();
    store.setItem('paperpulse:first-screen', JSON.stringify({ stamp: 1, html: '<main></main>' }));
    expect(loadLastSnapshot(store)).toBeUndefined();
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(() => saveSnapshot('abc-1', '<main></main>', full)).not.toThrow();
  });

  it('shows the markup as saved, then brings "updated … ago" up to the time it is shown', () => {
    const container = document.createElement('div');
    const at = Date.parse('2026-12-01T10:00:00Z');
    paintSnapshot(container, `<p>Updated <time data-relative="${at}">just now</time></p>`);
    expect(container.textContent).toBe('Updated just now');
    bringTimesUpToDate(container, at + 3 * 3_600_000);
    expect(container.textContent).toBe('Updated 3 hours ago');
  });

  it('keeps what is typed and the tab chosen before the app takes over', () => {
    const container = document.createElement('div');
    container.innerHTML =
      '<button role="tab" id="tab-bookmarks">Bookmarks</button><input type="search" aria-label="Search">';
    const early = { query: '', tab: 'trending' };
    followEarlyInput(container, early);
    const box = container.querySelector('input')!;
    box.value = 'diffusion';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    container.querySelector('button')!.click();
    expect(early).toEqual({ query: 'diffusion', tab: 'bookmarks' });
  });

  it('gives the redrawn search box the focus and cursor of the one being typed into', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const draw = (value: string) =>
      container.replaceChildren(
        Object.assign(document.createElement('input'), { type: 'search', value }),
        Object.assign(document.createElement('button'), { textContent: 'Trending' }),
      );
    draw('diffu');
    const old = container.querySelector('input')!;
    old.focus();
    old.setSelectionRange(3, 5);
    keepingSearchFocus(container, () => draw('diffu'));
    const next = container.querySelector('input')!;
    expect(next).not.toBe(old);
    expect(document.activeElement).toBe(next);
    expect([next.selectionStart, next.selectionEnd]).toEqual([3, 5]);
    // Focus elsewhere (a tab button, or nothing) is left alone.
    container.querySelector('button')!.focus();
    keepingSearchFocus(container, () => draw('diffu'));
    expect(document.activeElement).toBe(document.body);
    container.remove();
  });
});

describe('the saved markup, with hostile feed text', () => {
  it('shows every title and author as text after the round trip, and adds nothing', async () => {
    const { paintFirstScreen } = await import('@/entrypoints/popup/FirstScreenView');
    const { TEXT_PAYLOADS, URL_PAYLOADS } = await import('../cases/import-payloads');
    const { STATE_DEFAULTS } = await import('@/lib/storage/state');
    // Every payload as a title and an author; every URL payload in the link fields.
    const papers = TEXT_PAYLOADS.slice(0, 8).map(({ text }, i) => ({
      id: `2611.0000${i}`,
      title: text || 'blank',
      summary: text,
      authors: [text || 'blank'],
      upvotes: 100 - i,
      numComments: 0,
      dailyDate: '2026-11-30',
      firstSeenAt: 0,
      updatedAt: 0,
      githubRepo: URL_PAYLOADS[i % URL_PAYLOADS.length]!.url,
      projectPage: URL_PAYLOADS[(i + 1) % URL_PAYLOADS.length]!.url,
    }));
    const data = {
      view: { days: ['2026-11-30'], day: '2026-11-30', from: '2026-11-30', papers },
      state: { ...STATE_DEFAULTS },
      bookmarkedKeys: new Set<string>(),
      bookmarkCount: 0,
    };
    const drawn = document.createElement('div');
    paintFirstScreen(drawn, data, { query: '', tab: 'trending' });
    const html = drawn.innerHTML;
    const shown = document.createElement('div');
    paintSnapshot(shown, html);
    // Parsing the saved markup gives back exactly the drawing: no element or attribute appears.
    expect(shown.innerHTML).toBe(html);
    expect(
      shown.querySelectorAll('script, iframe, img, object, embed, style, math, foreignObject'),
    ).toHaveLength(0);
    // The only SVG is our own icons'.
    for (const svg of shown.querySelectorAll('svg')) expect(svg.getAttribute('class')).toBe('icon');
    const attributes = [...shown.querySelectorAll('*')].flatMap((element) => element.getAttributeNames());
    expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);
    for (const link of shown.querySelectorAll('a')) expect(link.href).toMatch(/^https:\/\//);
    const titles = [...shown.querySelectorAll('.paper-row .title')].map((title) => title.textContent);
    expect(titles).toEqual(
      papers.map((paper) => paper.title.replace(/\s+/g, ' ').trim()).slice(0, titles.length),
    );
    expect(titles.length).toBeGreaterThan(0);
  });

  it('is kept only from a drawing nobody typed on or switched away from', () => {
    expect(isFirstScreen({ query: '', tab: 'trending' })).toBe(true);
    expect(isFirstScreen({ query: 'interp', tab: 'trending' })).toBe(false);
    expect(isFirstScreen({ query: '', tab: 'bookmarks' })).toBe(false);
  });
});
