import { defineConfig } from '@playwright/test';

// `npm run bench`: size and speed of the built extension in Chromium. Numbers, not pass/fail tests:
// these machines are shared and noisy, so targets are reported next to medians over many runs.
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  workers: 1,
  timeout: 600_000,
  reporter: [['list']],
});
