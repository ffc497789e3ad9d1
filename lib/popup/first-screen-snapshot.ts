/**
 * The popup's first screen as it was last drawn, kept as markup in the extension's own
 * localStorage with the stamp of the worker's first-screen record it was drawn from. When the
 * record has not changed since (no refresh, no bookmark change, no popup opening in between),
 * the popup's markup is this one, shown at once, before loading Preact and the row components; the
 * app then takes over the same elements. The markup is our own render (Preact escapes every string); no
 * page can write an extension's localStorage.
 */
const KEY = 'paperpulse:first-screen';

export interface Snapshot {
  stamp: string;
  html: string;
}

export interface SnapshotStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * The last drawing kept, with the stamp of the record it was drawn from: the popup shows it at
 * once and draws afresh only when the record it then reads has another stamp.
 */
export function loadLastSnapshot(store: SnapshotStore = localStorage): Snapshot | undefined {
  try {
    const saved = JSON.parse(store.getItem(KEY) ?? 'null') as Partial<Snapshot> | null;
    return typeof saved?.stamp === 'string' && typeof saved.html === 'string'
      ? { stamp: saved.stamp, html: saved.html }
      : undefined;
  } catch {
    return undefined;
  }
}

export function saveSnapshot(stamp: string, html: string, store: SnapshotStore = localStorage): void {
  try {
    store.setItem(KEY, JSON.stringify({ stamp, html } satisfies Snapshot));
  } catch {
    // Storage full or off: the next opening draws the first screen as usual.
  }
}

/**
 * Shows the saved markup as it was saved: what the popup puts on screen first, so it asks for
 * nothing slow to build (./relative-time.ts `bringTimesUpToDate` follows after the first paint).
 * This module imports nothing: the popup's first module is it and its entry alone.
 */
export function paintSnapshot(container: HTMLElement, html: string): void {
  container.innerHTML = html;
}

/** What the user does before the app takes over: typing in the search box, choosing a tab. */
export function followEarlyInput(container: HTMLElement, early: { query: string; tab: string }): void {
  container.addEventListener('input', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.type === 'search') early.query = target.value;
  });
  container.addEventListener('click', (event) => {
    const tab = (event.target as HTMLElement).closest<HTMLElement>('[role="tab"]');
    const id = tab?.id.replace(/^tab-/, '');
    if (id) early.tab = id;
  });
}

/**
 * Whether a fresh drawing may be kept as the first screen: not when the user had already typed in
 * or switched tabs on the old drawing (the fresh one then shows that, which is not the first screen).
 */
export function isFirstScreen(early: { query: string; tab: string }): boolean {
  return early.query === '' && early.tab === 'trending';
}

/**
 * Runs `redraw`, which puts new elements in `container` (the fresh first screen over the saved one,
 * the app over the first screen), and gives the new search box the focus and the cursor the old one
 * had: someone typing as the popup takes over keeps typing into it, and loses no keystroke (the
 * ones still on their way reach the focused box). What was typed goes over by `early.query`.
 */
export function keepingSearchFocus(container: HTMLElement, redraw: () => void): void {
  const focused = container.ownerDocument.activeElement;
  const box =
    focused instanceof HTMLInputElement && focused.type === 'search' && container.contains(focused)
      ? { start: focused.selectionStart, end: focused.selectionEnd }
      : undefined;
  redraw();
  if (!box) return;
  const next = container.querySelector<HTMLInputElement>('input[type="search"]');
  if (!next || next === container.ownerDocument.activeElement) return;
  next.focus();
  if (box.start !== null && box.end !== null) next.setSelectionRange(box.start, box.end);
}
