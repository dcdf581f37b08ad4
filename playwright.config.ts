// End-to-end tests: the real widget in Debian's Chromium against the real reference server.
import { defineConfig } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './test/support/chromium.mjs';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: /.*\.spec\.ts$/,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? 'list' : 'list',
  use: {
    launchOptions: { executablePath: chromiumPath(), args: chromiumFlags },
    trace: 'retain-on-failure',
  },
});
