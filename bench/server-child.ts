/**
 * Starts and stops the reference server in a child process (bench/server-process.ts), so the
 * measured server never shares an event loop with the simulated clients of a bench.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Forks the server sized for this many visitors and agents; resolves once it listens. */
export function startServerProcess(
  visitors: number,
  agents: number,
): Promise<{ child: ChildProcess; baseURL: string }> {
  const child = fork(fileURLToPath(new URL('./server-process.ts', import.meta.url)), [], {
    // BENCH_PROFILE=<dir> writes a CPU profile of the server process there.
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
        : []),
    ],
    env: { ...process.env, BENCH_VISITORS: String(visitors), BENCH_AGENTS: String(agents) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
    child.on('message', (message: { type: string; baseURL?: string }) => {
      if (message.type === 'listening' && message.baseURL)
        resolve({ child, baseURL: message.baseURL });
    });
  });
}

/** Asks the server process to stop, and kills it if it has not exited within 5 s. */
export async function stopServerProcess(child: ChildProcess): Promise<void> {
  child.removeAllListeners('exit');
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill();
      resolve();
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send({ type: 'stop' });
  });
}
