/**
 * `npm start` (after `npm run build` has built the widget into dist/): builds the agent console,
 * starts the reference server (PORT, HOST, DATA_DIR, CONFIG_FILE, LOG_LEVEL, PUBLIC_URL; see
 * docs/server.md), starts the demo FAQ robot for area 1 (ROBOT_PORT; docs/robot.md) and prints where
 * the demo site and the console are.
 */
import { existsSync } from 'node:fs';
import { buildAgentConsole } from './agent/build.js';
import { startDemoRobot } from './robot/robot-server.js';
import { signInHelp, startFromEnvironment } from './server/main.js';

const agentConsoleDir = await buildAgentConsole();
if (!existsSync(new URL('../dist/cention-chat.js', import.meta.url))) {
  console.warn(
    'dist/cention-chat.js is missing: run `npm run build` (npm start does) to build the widget.',
  );
}
const server = await startFromEnvironment({ agentConsoleDir });
// The FAQ robot takes area 1's new chats (docs/robot.md); area 2 stays human-only. It gets its token
// through the server's data folder, so with DATA_DIR=:memory: it cannot start and humans answer.
const robot = await startDemoRobot({
  serverBaseURL: server.baseURL,
  port: Number(process.env.ROBOT_PORT || 0),
}).catch((error: unknown) => {
  console.warn(`FAQ robot not started: ${error instanceof Error ? error.message : String(error)}`);
  return undefined;
});
console.log(`
  Demo site:      ${server.url}
  Agent console:  ${server.agentURL}
  Chat API:       ${server.baseURL}
  FAQ robot:      ${robot ? `${robot.webhookURL} (answers area 1 first)` : 'not running'}

${signInHelp(server)}

  Open the console, sign in as Alice, then start a chat on the demo site. Ctrl-C stops.
`);
