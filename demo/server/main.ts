/**
 * CLI entry of the reference server: `tsx demo/server/main.ts`. Reads PORT (8080), HOST
 * (127.0.0.1), DATA_DIR (.data), CONFIG_FILE (JSON config; default the demo config), LOG_LEVEL
 * (info) and PUBLIC_URL; stops cleanly on Ctrl-C / SIGTERM.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePasswords, withDemoPasswords } from './agent-auth/demo-passwords.js';
import { DEFAULT_DATA_DIR, startServer, type RunningServer } from './app.js';
import { loadConfigFile, type ServerConfig } from './config.js';
import { DataDirLockedError } from './data-dir-lock.js';
import { demoConfig } from './demo-config.js';
import type { ServerPlugin } from './robot-hook.js';
import { robotApiPlugin } from './robot/robot-api-plugin.js';

const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type Level = (typeof levels)[number];

export interface StartedFromEnvironment extends RunningServer {
  /** The demo agents' passwords (no CONFIG_FILE), to print; empty with a config file. */
  demoPasswords: Record<string, string>;
}

export async function startFromEnvironment(
  extra: { agentConsoleDir?: string; plugins?: ServerPlugin[]; config?: ServerConfig } = {},
): Promise<StartedFromEnvironment> {
  const env = process.env;
  const level = (levels as readonly string[]).includes(env.LOG_LEVEL ?? '')
    ? (env.LOG_LEVEL as Level)
    : 'info';
  const port = env.PORT ? Number(env.PORT) : 8080;
  const dataDir = env.DATA_DIR || DEFAULT_DATA_DIR;
  // Without a config file, the demo agents get the passwords kept in the data folder.
  const { config, passwords: demoPasswords } =
    extra.config || env.CONFIG_FILE
      ? { config: extra.config ?? loadConfigFile(env.CONFIG_FILE ?? ''), passwords: {} }
      : await withDemoPasswords(demoConfig, dataDir);
  const server = await startServer({
    port,
    host: env.HOST || '127.0.0.1',
    dataDir,
    config,
    logLevel: level,
    publicURL: env.PUBLIC_URL || undefined,
    agentConsoleDir: extra.agentConsoleDir,
    // The chat-robot API (`/api/bot/*`) is part of the demo server; tests start without it.
    plugins: extra.plugins ?? [robotApiPlugin()],
  }).catch((error: unknown) => {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    if ((error as { code?: unknown }).code === 'EADDRINUSE') {
      console.error(
        `Port ${port} is already in use. Stop the other server or set PORT, e.g. PORT=8081 npm start`,
      );
      process.exit(1);
    }
    throw error;
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { ...server, demoPasswords };
}

/** What `npm start` and `tsx demo/server/main.ts` print about signing in. */
export function signInHelp(server: StartedFromEnvironment): string {
  return Object.keys(server.demoPasswords).length > 0
    ? `Demo agents and their passwords (kept in DATA_DIR/demo-agent-passwords.json):\n${describePasswords(server.demoPasswords)}`
    : 'Agents sign in with the passwords of CONFIG_FILE (`npm run agent-password` makes a hash).';
}

// Run only when executed directly, so demo/start.ts can import startFromEnvironment.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const server = await startFromEnvironment();
  console.log(
    `Chat server: ${server.baseURL}\nDemo site:   ${server.url}\nAgents:      ${server.agentURL}\n\n${signInHelp(server)}`,
  );
}
