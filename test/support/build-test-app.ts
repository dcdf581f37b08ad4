/**
 * Builds one test app with Vite's JS API (no config file, no JSX plugin: the apps use render
 * functions) into `outDir` as a single `app.js`. Used by the interop e2e pages and the package
 * tests, which only differ in where the app and its node_modules live.
 */
import { build } from 'vite';

export async function buildTestAppBundle(options: {
  /** Folder Vite resolves imports from (the app's node_modules are found from here). */
  root: string;
  /** The app's entry file. */
  input: string;
  outDir: string;
}): Promise<void> {
  await build({
    configFile: false,
    root: options.root,
    logLevel: 'warn',
    mode: 'production',
    define: {
      // Vue's compile-time feature flags (render functions only: no Options API needed).
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    build: {
      outDir: options.outDir,
      emptyOutDir: true,
      minify: false,
      sourcemap: false,
      rollupOptions: { input: options.input, output: { entryFileNames: 'app.js' } },
    },
  });
}
