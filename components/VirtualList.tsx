import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

const RENDER_WHOLE_BELOW = 60;

/** Where each row starts, and (last) where the list ends, from the rows' heights. */
export function rowOffsets(count: number, heightOf: (index: number) => number): number[] {
  const offsets = new Array<number>(count + 1);
  offsets[0] = 0;
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + heightOf(i);
  return offsets;
}

/** The rows to render: those that meet the viewport, and `overscan` more on each side. */
export function visibleRange(
  offsets: readonly number[],
  scrollTop: number,
  viewport: number,
  overscan: number,
): { start: number; end: number } {
  const count = offsets.length - 1;
  let first = 0;
  while (first < count && offsets[first + 1]! <= scrollTop) first++;
  let last = first;
  while (last < count && offsets[last]! < scrollTop + viewport) last++;
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}

export interface VirtualListProps<T> {
  items: readonly T[];
  itemKey: (item: T) => string;
  renderItem: (item: T, index: number) => ComponentChildren;
  /** First guess of a row's height; real heights are measured as rows render. */
  estimatedHeight?: number;
  overscan?: number;
  label: string;
  class?: string;
  /** Keys other than arrows/Home/End on the focused row (Enter to open, `b` to bookmark…). */
  onRowKey?: (item: T, event: KeyboardEvent) => void;
}

/**
 * Renders only the rows in view (plus a few around them), so thousands of bookmarks or a 90-day
 * feed cost the same as one screen. Rows may have any height (an expanded row is taller): heights
 * are measured after render and the offsets recomputed.
 */
export function VirtualList<T>({
  items,
  itemKey,
  renderItem,
  estimatedHeight = 64,
  overscan = 6,
  label,
  class: className,
  onRowKey,
}: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(520);
  const [measured, setMeasured] = useState(0);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);

  const offsets = useMemo(
    () => rowOffsets(items.length, (i) => heights.current.get(itemKey(items[i]!)) ?? estimatedHeight),
    // `measured` changes when a row's real height is known.
    [items, measured, estimatedHeight, itemKey],
  );

  // A short list (one day of Daily Papers) is rendered whole, in normal flow: nothing to measure
  // (the popup's first paint does no extra layout pass), and find-in-page sees every row.
  const whole = items.length <= RENDER_WHOLE_BELOW;
  const { start, end } = whole
    ? { start: 0, end: items.length }
    : visibleRange(offsets, scrollTop, viewport, overscan);

  const measure = () => {
    const element = scroller.current;
    if (!element) return;
    setViewport(element.clientHeight || 520);
    let changed = false;
    for (const row of element.querySelectorAll<HTMLElement>('[data-vkey]')) {
      const key = row.dataset.vkey!;
      const height = row.offsetHeight;
      if (height && heights.current.get(key) !== height) {
        heights.current.set(key, height);
        changed = true;
      }
    }
    if (changed) setMeasured((n) => n + 1);
  };
  // Heights are read in a ResizeObserver callback, which runs after layout: reading them during
  // render would force a synchronous layout on the popup's first paint. It also catches rows that
  // change height without a render of ours (the popup is resized, a font arrives).
  const resizeObserver = useRef<ResizeObserver>();
  useLayoutEffect(() => {
    const observer = new ResizeObserver(() => measure());
    resizeObserver.current = observer;
    return () => observer.disconnect();
    // `measure` reads only refs and setters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    // Observe exactly the rows on screen (rows scrolled away are let go), and the viewport.
    resizeObserver.current?.disconnect();
    if (!whole) {
      resizeObserver.current?.observe(element);
      for (const row of element.querySelectorAll('[data-vkey]')) resizeObserver.current?.observe(row);
    }
    if (focusPending.current) {
      element.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus();
      focusPending.current = false;
    }
  });

  const activeIndex = Math.min(active, Math.max(0, items.length - 1));
  function move(to: number) {
    const index = Math.max(0, Math.min(items.length - 1, to));
    const element = scroller.current;
    if (whole) {
      element?.querySelector(`[data-index="${index}"]`)?.scrollIntoView({ block: 'nearest' });
    } else if (element) {
      if (offsets[index]! < element.scrollTop) element.scrollTop = offsets[index]!;
      else if (offsets[index + 1]! > element.scrollTop + element.clientHeight) {
        element.scrollTop = offsets[index + 1]! - element.clientHeight;
      }
      setScrollTop(element.scrollTop);
    }
    focusPending.current = true;
    setActive(index);
  }
  function onKeyDown(event: KeyboardEvent, item: T, index: number) {
    if (event.target !== event.currentTarget && event.key !== 'Escape') return;
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 };
    if (event.key in steps) move(index + steps[event.key]!);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else return onRowKey?.(item, event);
    event.preventDefault();
  }

  return (
    <div
      ref={scroller}
      class={`virtual-list ${className ?? ''}`}
      onScroll={(event) => setScrollTop((event.currentTarget as HTMLDivElement).scrollTop)}
    >
      <ol
        aria-label={label}
        style={whole ? undefined : { height: `${offsets[items.length]}px` }}
        class={whole ? 'virtual-inner whole' : 'virtual-inner'}
      >
        {items.slice(start, end).map((item, i) => (
          <li
            key={itemKey(item)}
            data-vkey={itemKey(item)}
            style={whole ? undefined : { transform: `translateY(${offsets[start + i]}px)` }}
            class="virtual-row"
            data-index={start + i}
            tabIndex={start + i === activeIndex ? 0 : -1}
            onFocus={() => setActive(start + i)}
            onKeyDown={(event) => onKeyDown(event, item, start + i)}
            aria-setsize={items.length}
            aria-posinset={start + i + 1}
          >
            {renderItem(item, start + i)}
          </li>
        ))}
      </ol>
    </div>
  );
}
