import { defineConfig } from '@playwright/test';

// The browser half of `npm run bench` (scripts/bench/run.mjs runs it after the build and the library
// benches). Figures, not pass/fail tests: each bench writes its results, and the global teardown
// merges them into bench/results/latest.{json,md}. A thrown error means a figure could not be measured.
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  workers: 1,
  timeout: 600_000,
  reporter: [['list']],
  globalSetup: './raw-dir.ts',
  globalTeardown: './report.ts',
});
