/**
 * The server as a real process (issue 13): a second server on the same DATA_DIR refuses to start
 * with a message, and SIGTERM exits within a few seconds even while a robot webhook never answers.
 * Loopback only; every child is killed at the end.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, it } from 'node:test';
import { promisify } from 'node:util';
import { Visitor } from './support/chat-clients.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const measured = (what: string) => console.log(`# measured: ${what}`);
const children: ChildProcess[] = [];
after(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

function startServerProcess(dataDir: string): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function baseURLOf(output: () => string, child: ChildProcess): Promise<string> {
  for (let waited = 0; waited < 20_000; waited += 50) {
    const match = /Chat server: (\S+)/.exec(output());
    if (match?.[1]) return match[1];
    if (child.exitCode !== null) throw new Error(`server exited: ${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server did not start: ${output()}`);
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

it('a second server on the same DATA_DIR exits with a message; SIGTERM exits within seconds while a webhook hangs', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cention-lock-'));
  const first = startServerProcess(dataDir);
  const baseURL = await baseURLOf(first.output, first.child);
  assert.match(first.output(), /Alice\s+\S{16}/, 'the demo passwords are printed');

  const second = startServerProcess(dataDir);
  const code = await exited(second.child);
  measured(
    `second server on one DATA_DIR: exit code ${code}, "${second.output().trim().split('\n')[0]}"`,
  );
  assert.equal(code, 1);
  assert.match(second.output(), /already using the data folder/);

  // A webhook that accepts the request and never answers.
  const hanging = createServer(() => undefined);
  await new Promise<void>((done) => hanging.listen(0, '127.0.0.1', done));
  try {
    const webhookURL = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/hook`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'demo/server/cli/robot-token.ts',
        '--webhook',
        webhookURL,
        '--user',
        'Stuck',
        '--area',
        '1',
      ],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir } },
    );
    const token = stdout.trim().split('\n').at(-1) ?? '';
    const registered = await fetch(`${baseURL}/api/bot/register`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(registered.status, 200);
    const visitor = await Visitor.connect(baseURL);
    await visitor.register({ message: 'the robot will hang' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    first.child.kill('SIGTERM');
    const exitCode = await exited(first.child);
    const took = Date.now() - started;
    measured(`SIGTERM with a webhook that never answers: exit ${exitCode} after ${took} ms`);
    assert.equal(exitCode, 0);
    assert.ok(took < 5000, `${took} ms`);
    visitor.close();
  } finally {
    hanging.closeAllConnections();
    hanging.close();
  }
});
