// Browser tests (test/client, test/components) in Debian's Chromium through Playwright.
// TypeScript is compiled by esbuild; test/support/wtr-plugins.ts serves sockjs-client's prebuilt
// file as an ES module (the real build compiles it from source, see scripts/sockjs-slim/).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { existsSync } from 'node:fs';
import { chromiumFlags, chromiumPath } from './test/support/chromium.mjs';

// test/support/wtr-plugins.ts (when present) adds server-side commands for the tests, such as the
// scriptable SockJS server. It is TypeScript, so this runner is started with `node --import tsx`.
const supportPlugins = existsSync('./test/support/wtr-plugins.ts')
  ? (await import('./test/support/wtr-plugins.ts')).default
  : [];

export default {
  files: ['test/client/**/*.test.ts', 'test/components/**/*.test.ts', 'test/agent/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath(), args: chromiumFlags, headless: true },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    ...supportPlugins,
  ],
};
