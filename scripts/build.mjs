// Builds every published artefact: the ES entries (with lazy chunks), the one-file IIFE, and the
// type declarations. One command so `npm start`, CI and `npm run size` all see the same dist/.
import { build } from 'vite';
import { execFileSync } from 'node:child_process';

await build({ mode: 'es', logLevel: 'warn' });
await build({ mode: 'iife', logLevel: 'warn' });
execFileSync(
  process.execPath,
  ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--emitDeclarationOnly'],
  { stdio: 'inherit' },
);
console.log('build: dist/cention-chat.js, dist/cention-chat.iife.js, dist/types/');
