import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The built Firefox add-on (.output/firefox-mv2) in real Firefox: `npm run test:firefox`.
// One file, one Firefox at a time (two cores); each version starts its own browser.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    hookTimeout: 60_000,
    testTimeout: 30_000,
    retry: 0,
  },
});
