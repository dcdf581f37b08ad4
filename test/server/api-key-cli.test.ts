/**
 * `npm run api-key` against a running server's data folder: the key it prints (alone on the last
 * line) opens the REST API of that server at once, `--list` never shows a key, and `--revoke`
 * shuts the key out on the server's next request.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, it } from 'node:test';
import { promisify } from 'node:util';
import { startTestServer } from './support/test-server.js';

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, '..', '..');
const CLI = join(REPO, 'demo', 'server', 'cli', 'api-key.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'api-key-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const apiKey = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: REPO,
    env: { ...process.env, DATA_DIR: dataDir },
  });

it('makes a key a running server accepts, lists it without the key, and revokes it', async () => {
  const server = await startTestServer({ dataDir });
  try {
    const made = await apiKey('--name', 'CRM sync');
    const key = made.stdout.trim().split('\n').at(-1) ?? '';
    assert.match(key, /^ck_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const list = (auth: string) =>
      fetch(`${server.url}v1/errands`, { headers: { authorization: `Bearer ${auth}` } });
    assert.equal((await list(key)).status, 200);

    const listed = (await apiKey('--list')).stdout;
    const id = key.split('_')[1] ?? '';
    assert.match(listed, new RegExp(`${id}\\s+CRM sync\\s+created`));
    assert.ok(!listed.includes(key.split('_')[2] ?? 'x'), 'the list never shows the key');

    await apiKey('--revoke', id);
    assert.equal((await list(key)).status, 401);
    await assert.rejects(apiKey('--revoke', id), /no unrevoked key/);
    await assert.rejects(apiKey(), /give --name, --list or --revoke/);
  } finally {
    await server.close();
  }
});
