/**
 * The reference server as a real child process, so a test can SIGKILL it (no graceful stop, no
 * flushing, like a crash or an OOM kill) and start it again on the same port with the same SQLite
 * folder.
 *
 * This file is both the helper the specs import and the child's entry point: run directly it starts
 * the server through demo/server/main.ts's `startFromEnvironment()` (PORT, HOST, DATA_DIR,
 * LOG_LEVEL), adds the built agent console from AGENT_CONSOLE_DIR (main.ts has no variable for it)
 * and prints one `READY <port>` line, which the parent waits for.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const THIS_FILE = fileURLToPath(import.meta.url);
const READY_PREFIX = 'READY ';

export interface ServerProcess {
  /** `http://127.0.0.1:<port>/`: the demo site. */
  readonly url: string;
  /** The widget's `base-url`. */
  readonly baseURL: string;
  readonly agentURL: string;
  readonly port: number;
  /** SIGKILL, then wait until the process is gone (its port is free again). */
  kill(): Promise<void>;
  /** Starts the server again on the same port and data folder; resolves once it listens. */
  restart(): Promise<void>;
  /** Stops the process for good (SIGKILL: nothing to keep). */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /** Folder for chat.sqlite; must survive the kill, so not `:memory:`. */
  dataDir: string;
  /** Built agent console (see demo/agent/build.ts). */
  agentConsoleDir: string;
}

/** Spawns the child on `port` (0 = any) and resolves with the process and the port it listens on. */
function spawnServer(
  options: ServerProcessOptions,
  port: number,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', THIS_FILE], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      LOG_LEVEL: 'silent',
      AGENT_CONSOLE_DIR: options.agentConsoleDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolvePort, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((text) => text.startsWith(READY_PREFIX));
      if (!line) return;
      child.stdout?.off('data', onData);
      resolvePort({ child, port: Number(line.slice(READY_PREFIX.length)) });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) =>
      reject(new Error(`server process exited (${code ?? signal}) before listening:\n${output}`)),
    );
  });
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveExit) => child.once('exit', () => resolveExit()));
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  let { child, port } = await spawnServer(options, 0);
  const url = `http://127.0.0.1:${port}/`;
  const kill = async () => {
    child.kill('SIGKILL');
    await waitForExit(child);
  };
  return {
    url,
    baseURL: `${url}s/demo`,
    agentURL: `${url}agent`,
    port,
    kill,
    async restart() {
      ({ child, port } = await spawnServer(options, port));
    },
    stop: kill,
  };
}

// Child side: executed directly (`node --import tsx server-process.ts`), not when imported.
if (process.argv[1] && resolve(process.argv[1]) === THIS_FILE) {
  const { startFromEnvironment } = await import('../../../demo/server/main.js');
  const { demoConfig } = await import('../../../demo/server/demo-config.js');
  const { withTestPasswords } = await import('./test-passwords.js');
  const server = await startFromEnvironment({
    agentConsoleDir: process.env.AGENT_CONSOLE_DIR || undefined,
    // The demo config with the test password, which `signInAsAgent` types.
    config: withTestPasswords(demoConfig),
  });
  process.stdout.write(`${READY_PREFIX}${server.port}\n`);
}
