import { defineConfig } from '@playwright/test';

// Each test launches its own Chromium with the built extension (.output/chrome-mv3); two cores,
// so one worker keeps them from starving each other.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // A flaky test is fixed, not retried.
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
