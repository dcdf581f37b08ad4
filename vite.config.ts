/**
 * Two library builds from one config, picked by `--mode`:
 *  - `es` (default): `dist/cention-chat.js` (script-tag entry for `<script type="module">`, which draws
 *    the launcher and lazy-loads the rest of the chat as chunks beside it) and
 *    `dist/cention-chat.index.js` (the side-effect-free package entry).
 *  - `iife`: `dist/cention-chat.iife.js`, everything in one file for a classic `<script>`.
 * `scripts/build.mjs` runs both, then emits type declarations with tsc.
 */
import { defineConfig, type LibraryOptions } from 'vite';
import { htmlWhitespace } from './scripts/html-whitespace/plugin.mjs';
import { sockjsSlim } from './scripts/sockjs-slim/plugin.mjs';

export default defineConfig(({ mode }) => {
  const isIife = mode === 'iife';
  const lib: LibraryOptions = isIife
    ? {
        // Same widget as src/embed.ts, without the lazy-loading seams that one file does not need.
        entry: { 'cention-chat': 'src/embed-iife.ts' },
        formats: ['iife'],
        name: 'CentionChatEmbed',
        fileName: () => 'cention-chat.iife.js',
      }
    : {
        entry: { 'cention-chat': 'src/embed.ts', 'cention-chat.index': 'src/index.ts' },
        formats: ['es'],
        fileName: (_format, entryName) => `${entryName}.js`,
      };
  return {
    publicDir: false,
    plugins: [sockjsSlim(), htmlWhitespace()],
    // sockjs-client's source refers to Node's `global`.
    define: { 'process.env.NODE_ENV': JSON.stringify('production'), global: 'globalThis' },
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: !isIife,
      sourcemap: true,
      minify: true,
      reportCompressedSize: false,
      lib,
      rollupOptions: {
        output: isIife
          ? {}
          : {
              chunkFileNames: 'chunks/[name]-[hash].js',
              // Vite keeps whitespace in library ES output (for bundlers downstream); these files are
              // loaded by browsers as they are, so they are minified fully.
              minify: true,
            },
      },
    },
  };
});
