import { readFirstScreen } from '@/lib/popup/first-screen';

// The first row is what the user waits for. Nothing is imported before the IndexedDB read starts:
// the read, the small first-screen view (Preact and the row components) and the full app (Dexie and
// the rest) all load at once. The first screen paints as soon as it has its data and its view; the
// app then takes over with the same data, so nothing moves on screen.
const container = document.getElementById('app')!;
const firstScreen = readFirstScreen().catch(() => null);
let appMounted = false;

void Promise.all([firstScreen, import('./FirstScreenView')]).then(([data, { paintFirstScreen }]) => {
  // The first screen is Trending's; a link to another panel (?panel=) waits for the app.
  if (data && !appMounted && !location.search.includes('panel=')) paintFirstScreen(container, data);
});
void Promise.all([firstScreen, import('./App')]).then(([data, { mountApp }]) => {
  appMounted = true;
  mountApp(container, data);
});
