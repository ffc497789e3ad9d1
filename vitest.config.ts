import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'happy-dom',
    restoreMocks: true,
    // scripts/bench holds the browser benchmarks (Playwright); these are the library ones.
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
  },
});
