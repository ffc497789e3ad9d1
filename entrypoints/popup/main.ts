import { readFirstScreen } from '@/lib/popup/first-screen';
import type { EarlyInput } from './FirstScreenView';

// The first row is what the user waits for. Nothing is imported before the IndexedDB read starts;
// the read and the small first-screen view (Preact and the row components) load together, and the
// first screen paints as soon as both are there. Only then does the full app (Dexie and the rest)
// load: evaluating it earlier would hold up the main thread the first screen needs. The app takes
// over with the same data, so nothing moves on screen.
const container = document.getElementById('app')!;
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

void Promise.all([firstScreen, import('./FirstScreenView')])
  .then(async ([data, { paintFirstScreen }]) => {
    if (!data || !wantsTrending) return;
    early = { query: '', tab: 'trending' };
    paintFirstScreen(container, data, early);
    await afterPaint();
  })
  .catch(() => undefined)
  .then(() => Promise.all([firstScreen, import('./App')]))
  .then(([data, { mountApp }]) => mountApp(container, data, early));
