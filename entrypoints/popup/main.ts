import { readFirstScreen } from '@/lib/popup/first-screen';
import {
  followEarlyInput,
  loadSnapshot,
  paintSnapshot,
  saveSnapshot,
} from '@/lib/popup/first-screen-snapshot';
import type { EarlyInput } from './FirstScreenView';
import { messagesLanguage } from '@/lib/i18n';

// The first row is what the user waits for, so this module imports almost nothing. It reads the
// record the worker keeps for the first screen (one storage read). When the popup last drew that
// same record, its markup is shown at once; otherwise the small first-screen view (Preact and the
// row components) draws it, and its markup is kept for next time. Only after the first screen has
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

void firstScreen
  .then(async (data) => {
    if (!data || !wantsTrending) return;
    early = { query: '', tab: 'trending' };
    const saved = data.stamp === undefined ? undefined : loadSnapshot(data.stamp);
    if (saved !== undefined) {
      paintSnapshot(container, saved, Date.now());
      followEarlyInput(container, early);
    } else {
      const { paintFirstScreen } = await import('./FirstScreenView');
      paintFirstScreen(container, data, early);
      if (data.stamp !== undefined) saveSnapshot(data.stamp, container.innerHTML);
    }
    await afterPaint();
  })
  .catch(() => undefined)
  .then(() => Promise.all([firstScreen, import('./App')]))
  .then(([data, { mountApp }]) => mountApp(container, data, early));
