// Prints the gzip size of what each kind of script tag costs and fails when one is over budget:
// every page pays for the entry and its static imports (the launcher); opening a chat adds the
// lazy chunks (panel, DOMPurify, SockJS: everything the entry can import, an upper bound) except
// the parts that load later, when first shown (LATER_PARTS: an upload, the end view's transcript
// links, …); those are printed with the total of everything the widget can ever load.
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

const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[^'"`();]*?from\s*)?["'](\.[^"']+)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["'`](\.[^"'`]+)["'`]\s*\)/g;

/**
 * Chunks (by source file name) that opening a chat does not load: each is imported when its part
 * is first shown or used. A part listed here must really be lazy: its import() sits behind a
 * visitor's action or a later state, never on the way to the first view of the panel.
 */
// purify: DOMPurify is fetched when a chat starts or resumes (chat-panel.ts), not for the start form.
const LATER_PARTS =
  /^(purify\.es|upload|transcript-links|leave-message-chunk|attention|later|rating|send-rating|library-answers-host|sockjs-fallback|end-views-chunk)-/;
/**
 * sockjs-client: loaded only where a WebSocket cannot open (client/transport/sockjs.ts speaks
 * SockJS over a plain WebSocket first), so it is not what opening costs; it has its own row.
 */
const isFallbackChunk = (path) => /sockjs-fallback-[\w-]+\.js$/.test(path);
const isLater = (path) => LATER_PARTS.test(path.split('/').pop() ?? '');
/** The leave-a-message view: loaded instead of the start form when nobody can chat (own row). */
const isLeaveMessageChunk = (path) => /leave-message-chunk-[\w-]+\.js$/.test(path);

/**
 * The file and every chunk it imports: statically, and with `dynamic` also lazily ('all', or
 * 'opening': all but LATER_PARTS, which still count when something imports them statically).
 */
function closure(path, dynamic, seen = new Set()) {
  if (seen.has(path)) return seen;
  seen.add(path);
  const code = readFileSync(path, 'utf8');
  const found = [...code.matchAll(STATIC_IMPORT)];
  if (dynamic) {
    const lazy = [...code.matchAll(DYNAMIC_IMPORT)];
    found.push(...(dynamic === 'all' ? lazy : lazy.filter(([, spec]) => !isLater(spec))));
  }
  for (const [, spec] of found) closure(resolve(dirname(path), spec), dynamic, seen);
  return seen;
}
// Each file is fetched and gzipped separately, so sizes add up per file.
const closureBytes = (path, dynamic) =>
  [...closure(resolve(path), dynamic)].reduce((sum, file) => sum + gzipBytes(file), 0);

const launcher = closureBytes(MODULE_ENTRY, false);
const chat = closureBytes(MODULE_ENTRY, 'opening');
const everything = closureBytes(MODULE_ENTRY, 'all');
const loader = gzipBytes(LOADER);
// Nobody can chat: the panel and the leave-a-message view load, and no message is shown, so
// DOMPurify (a LATER_PARTS chunk, fetched when a chat starts) is not among them either.
const chunkFiles = readdirSync('dist/chunks').map((name) => resolve('dist/chunks', name));
const leaveMessageFile = chunkFiles.find(isLeaveMessageChunk);
const fallbackFile = chunkFiles.find(isFallbackChunk);
const purifyFiles = chunkFiles.filter((file) => /purify[^/]*\.js$/.test(file));
const closedChat = leaveMessageFile ? chat + gzipBytes(leaveMessageFile) : undefined;
// Starting the chat (the form sent, or a stored chat resumed) adds DOMPurify for the first reply.
const startedChat = chat + purifyFiles.reduce((sum, file) => sum + gzipBytes(file), 0);
const rows = [
  { what: 'every page, <script type="module"> cention-chat.js', bytes: launcher, limitKiB: 12 },
  {
    what: 'every page, classic <script> cention-chat.iife.js',
    bytes: loader + launcher,
    limitKiB: 12,
  },
  { what: 'opening a chat (module entry + lazy chunks)', bytes: chat, limitKiB: 48 },
  { what: 'opening a chat (classic loader + the same)', bytes: loader + chat, limitKiB: 48 },
  {
    what: 'starting a chat (classic loader + the same + DOMPurify)',
    bytes: loader + startedChat,
  },
  { what: 'everything it can load (+ parts shown later)', bytes: loader + everything },
  ...(fallbackFile === undefined
    ? []
    : [
        {
          what: 'opening where WebSockets are blocked: + sockjs-client',
          bytes: loader + chat + gzipBytes(fallbackFile),
        },
      ]),
  ...(closedChat === undefined
    ? []
    : [
        {
          what: 'nobody can chat: + leave-a-message view',
          bytes: closedChat,
          limitKiB: 48,
        },
      ]),
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
