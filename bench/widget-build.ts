/**
 * The widget benches measure the built files in dist/. Build once when they are missing (a fresh
 * checkout); an existing build is used as it is, so run `npm run build` after changing src/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

export function ensureWidgetBuilt(): void {
  if (existsSync(`${DIST}cention-chat.js`) && existsSync(`${DIST}cention-chat.iife.js`)) return;
  console.log('dist/ is missing: running `npm run build` first …');
  execFileSync('npm', ['run', 'build'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: 'inherit',
  });
}
