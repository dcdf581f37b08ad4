// Prints the gzip size of what each kind of script tag costs and fails when one is over budget:
// every page pays for the entry and its static imports (the launcher); opening a chat adds the
// lazy chunks it loads (panel, DOMPurify, SockJS). Chunks that load only on a later action of the
// visitor (LATER: a file attached, a message while the tab is hidden, a rating after the end,
// library answers while typing a question) are not what opening costs; they are printed on their
// own, and together with the rest in the last row, so nothing loads unmeasured.
// The classic loader adds itself to the module entry's cost. The one-file bundle is printed only:
// it is an opt-in, not what a page should load.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';

const MODULE_ENTRY = 'dist/cention-chat.js';
const LOADER = 'dist/cention-chat.iife.js';
const BUNDLE = 'dist/cention-chat.bundle.js';

for (const file of [MODULE_ENTRY, LOADER, BUNDLE]) {
  if (!existsSync(file)) {
    console.error(`size: ${file} is missing; run \`npm run build\` first`);
    process.exit(1);
  }
}

const kib = (bytes) => (bytes / 1024).toFixed(2);
const gzipBytes = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Chunks loaded only on a later action, by their name (the module's file name). */
const LATER = /^(upload|attention|later|rating|send-rating|library-answers-host)-[\w-]+\.js$/;
const isLater = (path) => LATER.test(path.split('/').pop() ?? '');

const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[^'"`();]*?from\s*)?["'](\.[^"']+)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["'`](\.[^"'`]+)["'`]\s*\)/g;

/**
 * The file and every chunk it imports: statically, with `withDynamic` also lazily, and with
 * `withLater` also the chunks of later actions (LATER).
 */
function closure(path, withDynamic, withLater = false, seen = new Set()) {
  if (seen.has(path)) return seen;
  seen.add(path);
  const code = readFileSync(path, 'utf8');
  const found = [...code.matchAll(STATIC_IMPORT)].map(([, spec]) => spec);
  if (withDynamic) {
    for (const [, spec] of code.matchAll(DYNAMIC_IMPORT)) {
      if (withLater || !isLater(spec)) found.push(spec);
    }
  }
  for (const spec of found) closure(resolve(dirname(path), spec), withDynamic, withLater, seen);
  return seen;
}
// Each file is fetched and gzipped separately, so sizes add up per file.
const closureBytes = (path, withDynamic, withLater) =>
  [...closure(resolve(path), withDynamic, withLater)].reduce(
    (sum, file) => sum + gzipBytes(file),
    0,
  );

const launcher = closureBytes(MODULE_ENTRY, false);
const chat = closureBytes(MODULE_ENTRY, true);
const everything = closureBytes(MODULE_ENTRY, true, true);
const loader = gzipBytes(LOADER);
const rows = [
  { what: 'every page, <script type="module"> cention-chat.js', bytes: launcher, limitKiB: 12 },
  {
    what: 'every page, classic <script> cention-chat.iife.js',
    bytes: loader + launcher,
    limitKiB: 12,
  },
  { what: 'opening a chat (module entry + lazy chunks)', bytes: chat, limitKiB: 48 },
  { what: 'opening a chat (classic loader + the same)', bytes: loader + chat, limitKiB: 48 },
  { what: 'a chat and everything it loads later (LATER chunks)', bytes: loader + everything },
  { what: 'one-file cention-chat.bundle.js (opt-in)', bytes: gzipBytes(BUNDLE) },
];

let isOver = false;
console.log('what                                                    gzip KiB   budget KiB');
for (const { what, bytes, limitKiB } of rows) {
  const isRowOver = limitKiB !== undefined && bytes > limitKiB * 1024;
  isOver ||= isRowOver;
  const verdict = limitKiB === undefined ? 'info' : isRowOver ? 'OVER' : 'ok';
  console.log(
    `${what.padEnd(54)} ${kib(bytes).padStart(8)}   ${String(limitKiB ?? '-').padStart(10)}  ${verdict}`,
  );
}
console.log(`  loader alone: ${kib(loader)} KiB; chunks (dist/chunks/):`);
const chunkDir = 'dist/chunks';
for (const name of readdirSync(chunkDir).filter((n) => n.endsWith('.js'))) {
  const when = isLater(name) ? '  (later)' : '';
  console.log(
    `  chunk ${name.padEnd(47)} ${kib(gzipBytes(join(chunkDir, name))).padStart(8)}${when}`,
  );
}
if (isOver) {
  console.error('size: over budget');
  process.exit(1);
}
