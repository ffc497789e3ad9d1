import { render } from 'preact';
import { renderTarget } from './support/render-target';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rowOffsets, visibleRange, VirtualList } from '@/components/VirtualList';

describe('rowOffsets and visibleRange', () => {
  const offsets = rowOffsets(100, (i) => (i === 3 ? 200 : 50));

  it('adds up the heights, the last offset being the whole list', () => {
    expect(offsets.slice(0, 6)).toEqual([0, 50, 100, 150, 350, 400]);
    expect(offsets.at(-1)).toBe(99 * 50 + 200);
  });

  it.each([
    [0, 500, 0, { start: 0, end: 7 }],
    [0, 500, 6, { start: 0, end: 13 }],
    [1000, 500, 0, { start: 17, end: 27 }],
    [1000, 500, 6, { start: 11, end: 33 }],
    [99_999, 500, 6, { start: 94, end: 100 }],
  ])('scrollTop %i, viewport %i, overscan %i → %j', (scrollTop, viewport, overscan, range) => {
    expect(visibleRange(offsets, scrollTop, viewport, overscan)).toEqual(range);
  });

  it('renders nothing of an empty list', () => {
    expect(
      visibleRange(
        rowOffsets(0, () => 50),
        0,
        500,
        6,
      ),
    ).toEqual({ start: 0, end: 0 });
  });
});

/** happy-dom does no layout: rows are as tall as their data-h (else 50 px), the viewport 500 px. */
const heightOf = new Map<string, number>();
let observers: { callback: ResizeObserverCallback }[] = [];
class FakeResizeObserver {
  constructor(readonly callback: ResizeObserverCallback) {
    observers.push(this);
  }
  observe() {}
  unobserve() {}
  disconnect() {}
}
const resized = () =>
  act(() => {
    for (const observer of observers) observer.callback([], observer as unknown as ResizeObserver);
  });

const container = renderTarget();
beforeEach(() => {
  heightOf.clear();
  observers = [];
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return heightOf.get(this.dataset.vkey ?? '') ?? 50;
  });
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('virtual-list') ? 500 : 0;
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const ITEMS = Array.from({ length: 200 }, (_, i) => `paper-${i}`);

function mount(onRowKey?: (item: string, event: KeyboardEvent) => void) {
  act(() => {
    render(
      <VirtualList
        items={ITEMS}
        itemKey={(item) => item}
        renderItem={(item) => <span>{item}</span>}
        estimatedHeight={50}
        label="Papers"
        onRowKey={onRowKey}
      />,
      container(),
    );
  });
  resized();
  return container().querySelector<HTMLElement>('.virtual-list')!;
}

const renderedIndexes = () =>
  [...container().querySelectorAll<HTMLElement>('.virtual-row')].map((row) => Number(row.dataset.index));
const row = (index: number) => container().querySelector<HTMLElement>(`.virtual-row[data-index="${index}"]`);

describe('VirtualList', () => {
  it('renders only the rows in view and a few around them, with the list’s full height', () => {
    mount();
    expect(renderedIndexes()).toEqual([...Array(16).keys()]);
    expect(container().querySelector<HTMLElement>('ol')!.style.height).toBe(`${200 * 50}px`);
    expect(row(0)!.getAttribute('aria-setsize')).toBe('200');
  });

  it('follows scrolling', () => {
    const scroller = mount();
    act(() => {
      scroller.scrollTop = 5000;
      scroller.dispatchEvent(new Event('scroll'));
    });
    expect(renderedIndexes()[0]).toBe(94);
    expect(renderedIndexes().at(-1)).toBe(115);
    expect(row(100)!.style.transform).toBe('translateY(5000px)');
  });

  it('moves the rows below a row that grew (an expanded abstract)', () => {
    mount();
    expect(row(1)!.style.transform).toBe('translateY(50px)');
    heightOf.set('paper-0', 320);
    resized();
    expect(row(1)!.style.transform).toBe('translateY(320px)');
    expect(container().querySelector<HTMLElement>('ol')!.style.height).toBe(`${199 * 50 + 320}px`);
  });

  it('moves keyboard focus to a row that was off screen, rendering it first', () => {
    const scroller = mount();
    act(() => row(0)!.focus());
    act(() => {
      row(0)!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    });
    expect(row(199)).not.toBeNull();
    expect(document.activeElement).toBe(row(199));
    expect(scroller.scrollTop).toBe(200 * 50 - 500);
    act(() => {
      row(199)!.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageUp', bubbles: true }));
    });
    expect(document.activeElement).toBe(row(191));
    // One row is tabbable at a time (roving tabindex).
    expect(container().querySelectorAll('.virtual-row[tabindex="0"]')).toHaveLength(1);
  });

  it('hands other keys to the row’s handler', () => {
    const keys: string[] = [];
    mount((item, event) => keys.push(`${item}:${event.key}`));
    act(() => {
      row(2)!.dispatchEvent(new KeyboardEvent('keydown', { key: 'b', bubbles: true }));
    });
    expect(keys).toEqual(['paper-2:b']);
  });
});
