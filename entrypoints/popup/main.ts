import { readFirstScreen } from '@/lib/popup/first-screen';
import {
  followEarlyInput,
  isFirstScreen,
  loadLastSnapshot,
  paintSnapshot,
  saveSnapshot,
} from '@/lib/popup/first-screen-snapshot';
import type { EarlyInput } from './FirstScreenView';
import { messagesLanguage } from '@/lib/i18n';

// The first row is what the user waits for, so this module imports almost nothing. It shows the
// first screen as the popup last drew it (its markup, kept in localStorage) at once, before any
// storage read, and reads the record the worker keeps for the first screen (one storage read):
// when the record has changed since that drawing (a refresh, a bookmark made elsewhere), the small
// first-screen view (Preact and the row components) draws it afresh, and its markup is kept for
// next time; most openings find it unchanged. Only after the first screen has
// painted does the full app (Dexie and the rest) load: evaluating it earlier would hold up the main
// thread the first screen needs. The app takes over with the same data, so nothing moves on screen.
const container = document.getElementById('app')!;
// index.html says lang="en", the fallback: the page is in the language of the messages in use.
document.documentElement.lang = messagesLanguage();
const firstScreen = readFirstScreen().catch(() => null);
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
  paintSnapshot(container, last.html, Date.now());
  followEarlyInput(container, early);
}

void firstScreen
  .then(async (data) => {
    if (!data || !wantsTrending) {
      // Nothing to show any more (the data was cleared): the app draws its empty state.
      container.replaceChildren();
      return;
    }
    if (last && data.stamp === last.stamp) return afterPaint();
    early ??= { query: '', tab: 'trending' };
    const { paintFirstScreen } = await import('./FirstScreenView');
    container.replaceChildren();
    // Drawn with what the user already typed or chose on the old drawing, if anything: that one is
    // not the first screen, and is not kept as it.
    const untouched = isFirstScreen(early);
    paintFirstScreen(container, data, early);
    if (data.stamp !== undefined && untouched) saveSnapshot(data.stamp, container.innerHTML);
    await afterPaint();
  })
  .catch(() => undefined)
  .then(() => Promise.all([firstScreen, import('./App')]))
  .then(([data, { mountApp }]) => mountApp(container, data, early));
