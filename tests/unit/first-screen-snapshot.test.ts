import { describe, expect, it } from 'vitest';
import {
  followEarlyInput,
  loadSnapshot,
  paintSnapshot,
  saveSnapshot,
} from '@/lib/popup/first-screen-snapshot';

function memoryStore() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

describe('the saved first screen', () => {
  it('is given back only for the stamp it was drawn from', () => {
    const store = memoryStore();
    saveSnapshot('abc-1', '<main>rows</main>', store);
    expect(loadSnapshot('abc-1', store)).toBe('<main>rows</main>');
    expect(loadSnapshot('abc-2', store)).toBeUndefined();
  });

  it('survives nothing it should not: damaged storage gives nothing, a full one is no error', () => {
    const store = memoryStore();
    store.setItem('paperpulse:first-screen', '{not json');
    expect(loadSnapshot('abc-1', store)).toBeUndefined();
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(() => saveSnapshot('abc-1', '<main></main>', full)).not.toThrow();
  });

  it('brings "updated … ago" up to the time it is shown', () => {
    const container = document.createElement('div');
    const at = Date.parse('2026-12-01T10:00:00Z');
    paintSnapshot(
      container,
      `<p>Updated <time data-relative="${at}">just now</time></p>`,
      at + 3 * 3_600_000,
    );
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
});
