/**
 * The library builds, one per `--mode` (`scripts/build.mjs` runs them all, then emits type
 * declarations with tsc and the custom-elements manifest):
 *  - `es` (default): `dist/cention-chat.js`, the script-tag entry for `<script type="module">`. It
 *    draws the launcher and lazy-loads the rest of the chat as chunks beside it (`dist/chunks/`).
 *    Everything (Lit, DOMPurify, SockJS) is bundled: browsers load these files as they are.
 *  - `loader`: `dist/cention-chat.iife.js`, the classic-script loader (src/loader.ts), which imports
 *    `cention-chat.js` from its own folder; so a classic `<script>` costs what the module entry does.
 *  - `bundle`: `dist/cention-chat.bundle.js`, everything in one classic file, opt-in for hosts that
 *    must serve a single file.
 *  - `npm`: `dist/npm/index.js` (package entry, side-effect free) and `dist/npm/embed.js`
 *    (`cention-chat/embed`, registers the element; `embed-node.js` is that entry under Node, for SSR),
 *    for apps' bundlers: `lit`, `dompurify` and
 *    `sockjs-client` stay imports (dependencies the app's bundler dedupes and updates).
 */
import { defineConfig, type LibraryOptions, type UserConfig } from 'vite';
import { htmlWhitespace } from './scripts/html-whitespace/plugin.mjs';
import { sockjsSlim } from './scripts/sockjs-slim/plugin.mjs';

type Mode = 'es' | 'loader' | 'bundle' | 'npm';

const libraries: Record<Mode, LibraryOptions> = {
  es: {
    entry: { 'cention-chat': 'src/embed.ts' },
    formats: ['es'],
    fileName: (_format, entryName) => `${entryName}.js`,
  },
  loader: {
    entry: { 'cention-chat': 'src/loader.ts' },
    formats: ['iife'],
    name: 'CentionChatLoader',
    fileName: () => 'cention-chat.iife.js',
  },
  bundle: {
    // Same widget as src/embed.ts, without the lazy-loading seams that one file does not need.
    entry: { 'cention-chat': 'src/embed-bundle.ts' },
    formats: ['iife'],
    name: 'CentionChatEmbed',
    fileName: () => 'cention-chat.bundle.js',
  },
  npm: {
    entry: { index: 'src/index.ts', embed: 'src/embed.ts', 'embed-node': 'src/embed-node.ts' },
    formats: ['es'],
    fileName: (_format, entryName) => `${entryName}.js`,
  },
};

/** A package the npm entries import rather than bundle (also its subpaths: `lit/decorators.js`). */
const isDependency = (id: string): boolean =>
  /^(lit|dompurify|sockjs-client|@lit\/[^/]+|lit-html|lit-element|@lit\/reactive-element)(\/|$)/.test(
    id,
  );

export default defineConfig(({ mode }): UserConfig => {
  const buildMode: Mode = mode in libraries ? (mode as Mode) : 'es';
  const isNpm = buildMode === 'npm';
  return {
    publicDir: false,
    // The npm entries leave sockjs-client to the app's bundler, which builds it from its own files.
    plugins: isNpm ? [htmlWhitespace()] : [sockjsSlim(), htmlWhitespace()],
    // sockjs-client's source refers to Node's `global`.
    define: isNpm
      ? {}
      : { 'process.env.NODE_ENV': JSON.stringify('production'), global: 'globalThis' },
    build: {
      target: 'es2022',
      outDir: isNpm ? 'dist/npm' : 'dist',
      // `es` runs first and clears dist/; the others add to it.
      emptyOutDir: buildMode === 'es',
      sourcemap: true,
      // Bundlers downstream minify the npm files; browsers load the others as they are.
      minify: !isNpm,
      reportCompressedSize: false,
      lib: libraries[buildMode],
      rollupOptions: {
        external: isNpm ? isDependency : [],
        // The module entry may export more than its own exports (what its lazy chunks share with
        // it), so the launcher's code stays in cention-chat.js instead of a chunk it imports: one
        // request less in the chain every page waits for.
        preserveEntrySignatures: buildMode === 'es' ? 'allow-extension' : 'strict',
        output:
          buildMode === 'es' || isNpm
            ? {
                chunkFileNames: 'chunks/[name]-[hash].js',
                // Vite keeps whitespace in library ES output (for bundlers downstream); the
                // script-tag files are loaded by browsers as they are, so they are minified fully.
                minify: !isNpm,
              }
            : {},
      },
    },
  };
});
