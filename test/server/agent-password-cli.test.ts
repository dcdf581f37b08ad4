/**
 * `npm run agent-password` (issue 13): a password piped in comes out as an scrypt hash on the last
 * line, which the config accepts and a running server signs the agent in with; a short password is
 * refused with a message and no hash.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { it } from 'node:test';
import { PASSWORD_HASH_PATTERN, verifyPassword } from '../../demo/server/agent-auth/passwords.js';
import { Agent } from './support/chat-clients.js';
import { startTestServer, testConfig } from './support/test-server.js';

const REPO = resolve(import.meta.dirname, '..', '..');
const CLI = join(REPO, 'demo', 'server', 'cli', 'agent-password.ts');

function agentPassword(
  input: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI], { cwd: REPO });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

it('prints a hash of the piped password that signs the agent in; refuses a short one', async () => {
  const password = 'correct horse battery';
  const made = await agentPassword(`${password}\n`);
  assert.equal(made.code, 0, made.stderr);
  const hash = made.stdout.trim().split('\n').at(-1) ?? '';
  assert.match(hash, new RegExp(`^${PASSWORD_HASH_PATTERN}$`));
  assert.ok(!made.stdout.includes(password) && !made.stderr.includes(password));
  assert.equal(await verifyPassword(password, hash), true);
  assert.equal(await verifyPassword('correct horse battery!', hash), false);

  const config = testConfig();
  const server = await startTestServer({
    config: { ...config, agents: [{ name: 'Dana', areas: [1], passwordHash: hash }] },
  });
  try {
    const agent = await Agent.signIn(server.baseURL, 'Dana', password);
    agent.close();
  } finally {
    await server.close();
  }

  const short = await agentPassword('short\n');
  assert.equal(short.code, 1);
  assert.match(short.stderr, /at least 10 characters/);
  assert.equal(short.stdout, '');
});
