// End-to-end tests: the real widget in Debian's Chromium against the real reference server.
import { defineConfig } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './test/support/chromium.mjs';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: /.*\.spec\.ts$/,
  // Traces of failed tests; a separate folder per run keeps parallel runs from deleting each other's.
  outputDir: process.env.PLAYWRIGHT_OUTPUT_DIR ?? 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: 'list',
  use: {
    launchOptions: { executablePath: chromiumPath(), args: chromiumFlags },
    trace: 'retain-on-failure',
  },
});
