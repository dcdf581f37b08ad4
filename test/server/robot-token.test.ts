/**
 * Robot tokens and bindings: a new token for an area (another webhook or another user) makes the
 * earlier one invalid; tokens and registrations survive a restart; the `robot-token` CLI records
 * the binding in a running server's store and prints the token alone on its last line.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { RunningServer } from '../../demo/server/app.js';
import { robotApiPlugin, type RobotApiPlugin } from '../../demo/server/robot/robot-api-plugin.js';
import { Visitor } from './support/chat-clients.js';
import { startTestServer, testConfig } from './support/test-server.js';
import { FakeWebhook } from './robot-webhook-fake.js';

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, '..', '..');
const CLI = join(REPO, 'demo', 'server', 'cli', 'robot-token.ts');
const folders: string[] = [];

function tempDataDir(): string {
  const folder = mkdtempSync(join(tmpdir(), 'robot-token-'));
  folders.push(folder);
  return folder;
}

after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function post(
  server: RunningServer,
  path: string,
  token: string,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.baseURL}/api/bot/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: await response.json() };
}

async function startWithPlugin(
  dataDir = ':memory:',
): Promise<{ server: RunningServer; plugin: RobotApiPlugin }> {
  const plugin = robotApiPlugin({ webhookTimeoutMs: 2000, webhookRetries: 0 });
  const server = await startTestServer({ dataDir, config: testConfig(), plugins: [plugin] });
  return { server, plugin };
}

/** Whether a new chat in area 1 goes to the robot (true) or to the human queue (false). */
async function goesToRobot(server: RunningServer, webhook: FakeWebhook): Promise<boolean> {
  const visitor = await Visitor.connect(server.baseURL);
  const session = await visitor.register();
  const outcome = await Promise.race([
    webhook.waitForCall((call) => call.body.sessionId === session.sessionId).then(() => true),
    visitor.socket.waitFor('queue').then(() => false),
  ]);
  visitor.close();
  return outcome;
}

describe('token invalidation', () => {
  it('a new token with another webhook, or for another user, invalidates the earlier one', async () => {
    const { server, plugin } = await startWithPlugin();
    try {
      const first = await plugin.issueToken({
        userName: 'Robbie',
        webhook: 'http://127.0.0.1:1/a',
        areaId: 1,
      });
      assert.equal((await post(server, 'register', first)).status, 200);

      const otherWebhook = await plugin.issueToken({
        userName: 'Robbie',
        webhook: 'http://127.0.0.1:1/b',
        areaId: 1,
      });
      assert.deepEqual(await post(server, 'register', first), {
        status: 401,
        body: { error: { message: 'Invalid JSON web token' } },
      });
      assert.deepEqual(await post(server, 'register', otherWebhook), {
        status: 200,
        body: { registered: true, url: 'http://127.0.0.1:1/b' },
      });

      const otherUser = await plugin.issueToken({
        userName: 'Roberta',
        webhook: 'http://127.0.0.1:1/b',
        areaId: 1,
      });
      assert.equal((await post(server, 'register', otherWebhook)).status, 401);
      assert.equal((await post(server, 'deregister', otherWebhook)).status, 401);
      assert.equal((await post(server, 'register', otherUser)).status, 200);

      // Areas are separate bindings: a token for area 2 leaves area 1's token alone.
      const areaTwo = await plugin.issueToken({
        userName: 'Sally',
        webhook: 'http://127.0.0.1:1/s',
        areaId: 2,
      });
      assert.equal((await post(server, 'register', otherUser)).status, 200);
      assert.equal((await post(server, 'register', areaTwo)).status, 200);
    } finally {
      await server.close();
    }
  });

  it('a replaced token unregisters the robot until the new token registers', async () => {
    const webhook = await FakeWebhook.start();
    const { server, plugin } = await startWithPlugin();
    try {
      const first = await plugin.issueToken({
        userName: 'Robbie',
        webhook: webhook.url,
        areaId: 1,
      });
      await post(server, 'register', first);
      assert.equal(await goesToRobot(server, webhook), true);
      const second = await plugin.issueToken({
        userName: 'Robbie',
        webhook: webhook.url,
        areaId: 1,
      });
      assert.equal(
        await goesToRobot(server, webhook),
        false,
        'nobody has registered the new token',
      );
      // Same user, same webhook: still only the latest token counts.
      assert.equal((await post(server, 'register', first)).status, 401);
      await post(server, 'register', second);
      assert.equal(await goesToRobot(server, webhook), true);
    } finally {
      await server.close();
      await webhook.close();
    }
  });

  it('rejects bad token requests with a clear message', async () => {
    const { server, plugin } = await startWithPlugin();
    try {
      await assert.rejects(
        plugin.issueToken({ userName: ' ', webhook: 'http://x', areaId: 1 }),
        /user/,
      );
      await assert.rejects(
        plugin.issueToken({ userName: 'R', webhook: 'ftp://x/y', areaId: 1 }),
        /http/,
      );
      await assert.rejects(
        plugin.issueToken({ userName: 'R', webhook: 'not a url', areaId: 1 }),
        /webhook/,
      );
      await assert.rejects(
        plugin.issueToken({ userName: 'R', webhook: 'http://x', areaId: 0 }),
        /area/,
      );
    } finally {
      await server.close();
    }
  });
});

describe('restarts', () => {
  it('keeps tokens and registrations across a restart, and only for its workspace', async () => {
    const webhook = await FakeWebhook.start();
    const dataDir = tempDataDir();
    let { server, plugin } = await startWithPlugin(dataDir);
    const token = await plugin.issueToken({ userName: 'Robbie', webhook: webhook.url, areaId: 1 });
    await post(server, 'register', token);
    await server.close();

    ({ server, plugin } = await startWithPlugin(dataDir));
    try {
      assert.equal(await goesToRobot(server, webhook), true, 'still registered after the restart');
      assert.deepEqual(await post(server, 'register', token), {
        status: 200,
        body: { registered: true, url: webhook.url },
      });
    } finally {
      await server.close();
    }

    // Same data file, another workspace: the token's audience does not match.
    const acme = { ...testConfig(), workspace: 'acme' };
    const other = await startTestServer({ dataDir, config: acme, plugins: [robotApiPlugin()] });
    try {
      assert.equal(other.baseURL.endsWith('/s/acme'), true);
      assert.equal((await post(other, 'register', token)).status, 401);
    } finally {
      await other.close();
      await webhook.close();
    }
  });
});

describe('robot-token CLI', () => {
  const cli = (args: string[], dataDir: string) =>
    run(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: REPO,
      env: { ...process.env, DATA_DIR: dataDir, CONFIG_FILE: '' },
    });

  it('records the binding in a running server’s store and prints the token last', async () => {
    const webhook = await FakeWebhook.start();
    const dataDir = tempDataDir();
    const { server } = await startWithPlugin(dataDir);
    try {
      const { stdout } = await cli(['--webhook', webhook.url, '--user', 'FAQ Robot'], dataDir);
      const lines = stdout.trimEnd().split('\n');
      const token = lines.at(-1) ?? '';
      assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/, 'the last line is the token alone');
      assert.ok(lines.length > 1, 'with an explanation above it');
      assert.deepEqual(await post(server, 'register', token), {
        status: 200,
        body: { registered: true, url: webhook.url },
      });
      assert.equal(await goesToRobot(server, webhook), true, 'the running server routes to it');
      const request = webhook.calls.at(-1)?.body;
      assert.deepEqual(request?.client, { name: 'Vera Visitor', email: 'vera@example.com' });

      const { stdout: again } = await cli(
        ['--webhook', `${webhook.url}/v2`, '--user', 'FAQ Robot', '--area', '1'],
        dataDir,
      );
      const newer = again.trimEnd().split('\n').at(-1) ?? '';
      assert.equal(
        (await post(server, 'register', token)).status,
        401,
        'the earlier token is invalid',
      );
      assert.equal((await post(server, 'register', newer)).status, 200);
    } finally {
      await server.close();
      await webhook.close();
    }
  });

  it('fails with usage for missing options and unknown areas', async () => {
    const dataDir = tempDataDir();
    await assert.rejects(
      cli(['--user', 'X'], dataDir),
      (error: { code: number; stderr: string }) => {
        assert.equal(error.code, 1);
        assert.match(error.stderr, /--webhook is required/);
        assert.match(error.stderr, /Usage: npm run robot-token/);
        return true;
      },
    );
    await assert.rejects(
      cli(['--webhook', 'http://127.0.0.1:9/x', '--user', 'X', '--area', '9'], dataDir),
      (error: { stderr: string }) => /no area 9/.test(error.stderr),
    );
  });
});
