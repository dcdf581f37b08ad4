/**
 * Builds the agent console with Vite's JS API into a folder the server serves at `/agent`
 * (default `.data/agent-build/`, git-ignored). Used by `npm start` and by end-to-end tests.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_AGENT_BUILD_DIR = join(REPO_ROOT, '.data', 'agent-build');

export async function buildAgentConsole(outDir: string = DEFAULT_AGENT_BUILD_DIR): Promise<string> {
  await build({
    configFile: false,
    root: join(REPO_ROOT, 'demo', 'agent'),
    base: '/agent/',
    logLevel: 'warn',
    publicDir: false,
    // sockjs-client's prebuilt bundle is fine in browsers, but tell it it is one.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      reportCompressedSize: false,
    },
  });
  return outDir;
}
