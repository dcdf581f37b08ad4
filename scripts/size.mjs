// Prints the gzip size of each built entry and fails when one is over its budget.
// The ES entry is what every page pays for at load; its lazy chunks are listed for information.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';

const budgets = [
  { file: 'dist/cention-chat.js', limitKiB: 12, what: 'script-tag entry (launcher)' },
  { file: 'dist/cention-chat.iife.js', limitKiB: 45, what: 'classic script, everything' },
];

if (!existsSync('dist/cention-chat.js')) {
  console.error('size: dist/ is missing; run `npm run build` first');
  process.exit(1);
}

const kib = (bytes) => (bytes / 1024).toFixed(2);
const gzipBytes = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

/** The file and every chunk it imports statically (what the browser must load before it runs). */
function staticClosure(path, seen = new Set()) {
  if (seen.has(path)) return seen;
  seen.add(path);
  const code = readFileSync(path, 'utf8');
  for (const [, spec] of code.matchAll(
    /(?:^|[;}\s])import\s*(?:[^'"();]*?from\s*)?["'](\.[^"']+)["']/g,
  )) {
    staticClosure(resolve(dirname(path), spec), seen);
  }
  return seen;
}

let isOver = false;
console.log('entry (with its static imports)    gzip KiB   budget KiB');
for (const { file, limitKiB, what } of budgets) {
  // An ES entry costs itself plus its static imports; each file is fetched and gzipped separately.
  const size = [...staticClosure(resolve(file))].reduce((sum, path) => sum + gzipBytes(path), 0);
  const isFileOver = size > limitKiB * 1024;
  isOver ||= isFileOver;
  console.log(
    `${file.padEnd(34)} ${kib(size).padStart(8)}   ${String(limitKiB).padStart(10)}  ${isFileOver ? 'OVER' : 'ok'}  ${what}`,
  );
}
const chunkDir = 'dist/chunks';
if (existsSync(chunkDir)) {
  let total = 0;
  for (const name of readdirSync(chunkDir).filter((n) => n.endsWith('.js'))) {
    const size = gzipBytes(join(chunkDir, name));
    total += size;
    console.log(`  chunk ${join(chunkDir, name).padEnd(29)} ${kib(size).padStart(8)}`);
  }
  console.log(`  chunks total                     ${kib(total).padStart(8)}`);
}
if (isOver) {
  console.error('size: over budget');
  process.exit(1);
}
