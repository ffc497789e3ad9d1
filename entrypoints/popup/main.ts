import {
  followEarlyInput,
  isFirstScreen,
  keepingSearchFocus,
  loadLastSnapshot,
  paintSnapshot,
  saveSnapshot,
} from '@/lib/popup/first-screen-snapshot';
import type { EarlyInput } from './FirstScreenView';

// The first row is what the user waits for, so this module statically imports one small module
// that imports nothing: popup.html loads it and its stylesheet (inlined into the page by
// wxt.config.ts), and each file more is a round trip to the browser before the first paint. It
// shows the first screen as the popup last drew it (its markup, kept in localStorage) at once,
// and reads the record the worker keeps for the first screen (one storage read): when the record
// has changed since that drawing (a refresh, a bookmark made elsewhere), the small first-screen
// view (Preact and the row components) draws it afresh, and its markup is kept for next time;
// most openings find it unchanged. Only after the first screen has painted does the full app
// (Dexie and the rest) load: evaluating it earlier would hold up the main thread the first screen
// needs. The app takes over with the same data, so nothing moves on screen.
const container = document.getElementById('app')!;
// A link to another panel (?panel=) skips the first screen, which is Trending's.
const wantsTrending = !new URLSearchParams(location.search).has('panel');

/**
 * Resolves once the first screen is on screen: the frame after the one that paints it has begun
 * (a single frame callback would start loading the app before the compositor has drawn it).
 */
const afterPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

// What the user types or clicks on the first screen, for the app to carry on with.
let early: EarlyInput | undefined;

const last = wantsTrending ? loadLastSnapshot() : undefined;
if (last) {
  early = { query: '', tab: 'trending' };
  paintSnapshot(container, last.html);
  followEarlyInput(container, early);
}
const painted = afterPaint();
const readRecord = () =>
  import('@/lib/popup/first-screen').then(({ readFirstScreen }) => readFirstScreen()).catch(() => null);
// With the last drawing on screen, the record is read once it has painted (its module and its
// storage read would compete with that paint); without one, at once.
const firstScreen = last ? painted.then(readRecord) : readRecord();
// After the first paint, what the first row need not wait for: the page's language (index.html
// says "en", the fallback), which has the browser load the extension's messages (set only when it
// differs: a new lang makes the browser restyle the whole page), and "updated … ago" brought up to
// now, which builds a date formatter.
void painted
  .then(() => Promise.all([import('@/lib/i18n'), import('@/lib/popup/relative-time')]))
  .then(([{ messagesLanguage }, { bringTimesUpToDate }]) => {
    const lang = messagesLanguage();
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
    if (last) bringTimesUpToDate(container, Date.now());
  });

void firstScreen
  .then(async (data) => {
    if (!data || !wantsTrending) {
      // Nothing to show any more (the data was cleared): the app draws its empty state.
      container.replaceChildren();
      return;
    }
    if (last && data.stamp === last.stamp) return afterPaint();
    const input = (early ??= { query: '', tab: 'trending' });
    const { paintFirstScreen } = await import('./FirstScreenView');
    // Drawn with what the user already typed or chose on the old drawing, if anything: that one is
    // not the first screen, and is not kept as it.
    const untouched = isFirstScreen(input);
    keepingSearchFocus(container, () => {
      container.replaceChildren();
      paintFirstScreen(container, data, input);
    });
    if (data.stamp !== undefined && untouched) saveSnapshot(data.stamp, container.innerHTML);
    await afterPaint();
  })
  .catch(() => undefined)
  .then(() => Promise.all([firstScreen, import('./App')]))
  .then(([data, { mountApp }]) => keepingSearchFocus(container, () => mountApp(container, data, early)));
