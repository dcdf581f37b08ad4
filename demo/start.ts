/**
 * `npm start` (after `npm run build` has built the widget into dist/): builds the agent console,
 * starts the reference server (PORT, HOST, DATA_DIR, CONFIG_FILE, LOG_LEVEL, PUBLIC_URL; see
 * docs/server.md) and prints where the demo site and the console are.
 */
import { existsSync } from 'node:fs';
import { buildAgentConsole } from './agent/build.js';
import { startFromEnvironment } from './server/main.js';

const agentConsoleDir = await buildAgentConsole();
if (!existsSync(new URL('../dist/cention-chat.js', import.meta.url))) {
  console.warn(
    'dist/cention-chat.js is missing: run `npm run build` (npm start does) to build the widget.',
  );
}
const server = await startFromEnvironment({ agentConsoleDir });
console.log(`
  Demo site:      ${server.url}
  Agent console:  ${server.agentURL}
  Chat API:       ${server.baseURL}

  Open the console, sign in as Alice, then start a chat on the demo site. Ctrl-C stops.
`);
