import { defineConfig } from '@playwright/test';

// `npm run demo`: not a test suite, a walk through the built extension that writes screenshots.
export default defineConfig({
  testDir: '.',
  testMatch: 'demo.spec.ts',
  workers: 1,
  timeout: 120_000,
  reporter: [['list']],
});
