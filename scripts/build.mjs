// Builds every published artefact: the script-tag files (module entry with lazy chunks, the
// classic loader, the opt-in one-file bundle) with `.br`/`.gz` copies for servers that send
// precompressed files, the npm entries, the type declarations and the custom-elements manifest.
// One command so `npm start`, CI and `npm run size` all see the same dist/.
import { build } from 'vite';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

for (const mode of ['es', 'loader', 'bundle', 'npm']) await build({ mode, logLevel: 'warn' });

// The files a script tag loads (not dist/npm/, which bundlers read): compressed once, at the
// highest levels, instead of on every request.
for (const dir of ['dist', 'dist/chunks']) {
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.js'))) {
    const path = join(dir, name);
    const code = readFileSync(path);
    writeFileSync(`${path}.gz`, gzipSync(code, { level: 9 }));
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
}

// Typing-only entries (`cention-chat/react`, `cention-chat/vue`) still need a file to resolve to.
writeFileSync(
  'dist/npm/types-only.js',
  '// Types only: see dist/types/react.d.ts and vue.d.ts.\nexport {};\n',
);

execFileSync(
  process.execPath,
  ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--emitDeclarationOnly'],
  { stdio: 'inherit' },
);
// tsc writes inferred Lit types as `import("lit-html")`, a package the app may not have at its top
// level (it is lit's dependency, not ours; pnpm does not hoist it): point them at `lit`, which
// re-exports them.
for (const name of readdirSync('dist/types', { recursive: true })) {
  const path = join('dist/types', String(name));
  if (!path.endsWith('.d.ts')) continue;
  const text = readFileSync(path, 'utf8');
  if (text.includes('import("lit-html")')) {
    writeFileSync(path, text.replaceAll('import("lit-html")', 'import("lit")'));
  }
}

// The custom-elements manifest (custom-elements-manifest.config.mjs), from the elements' JSDoc.
execFileSync(
  process.execPath,
  ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--quiet'],
  {
    stdio: 'inherit',
  },
);
console.log(
  'build: dist/cention-chat.js (+ chunks/), cention-chat.iife.js (loader), cention-chat.bundle.js, npm/, types/, custom-elements.json',
);
