/**
 * The shared setup of the robot-api-*.test.ts files: one real server per file with the robot API
 * plugin, a fake robot webhook, a token for the robot "Robbie" (area 1, registered before the
 * tests), `api()` to call an endpoint, and `robotChat()` for a visitor whose chat the robot owns.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { RunningServer } from '../../../demo/server/app.js';
import {
  robotApiPlugin,
  type RobotApiPlugin,
} from '../../../demo/server/robot/robot-api-plugin.js';
import { FakeWebhook } from '../robot-webhook-fake.js';
import { Visitor } from './chat-clients.js';
import { startTestServer, testConfig } from './test-server.js';

// Live ES module bindings, set by the `before` hook of `useRobotApiServer()`.
export let server: RunningServer;
let plugin: RobotApiPlugin;
export let webhook: FakeWebhook;
export let token: string;

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

export async function api(
  path: string,
  body?: unknown,
  options: { token?: string | null; raw?: string } = {},
): Promise<ApiAnswer> {
  const bearer = options.token === undefined ? token : options.token;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
  const response = await fetch(`${server.baseURL}/api/bot/${path}`, {
    method: 'POST',
    headers,
    body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export const errorOf = (answer: ApiAnswer) => (answer.body.error as { message: string }).message;

/** A visitor whose chat the robot owns (area 1, robot registered). */
export async function robotChat(
  message = 'Hello robot',
): Promise<{ visitor: Visitor; sessionId: number }> {
  const visitor = await Visitor.connect(server.baseURL);
  const calls = webhook.calls.length;
  const session = await visitor.register({ message });
  await webhook.waitForCalls(calls + 1);
  return { visitor, sessionId: session.sessionId };
}

/** Starts the webhook and the server and registers the robot before the file's tests. */
export function useRobotApiServer(): void {
  before(async () => {
    webhook = await FakeWebhook.start();
    plugin = robotApiPlugin({ webhookTimeoutMs: 2000, webhookRetries: 0 });
    // Area 1 allows files up to 100 kB, so the file limit is testable without huge bodies.
    const attachments = {
      enabled: true,
      maxBytes: 100_000,
      maxImageBytes: 100_000,
      allowedTypes: ['image/*', 'application/pdf'],
    };
    server = await startTestServer({ config: testConfig([{ attachments }]), plugins: [plugin] });
    token = await plugin.issueToken({ userName: 'Robbie', webhook: webhook.url, areaId: 1 });
    const registered = await api('register');
    assert.equal(registered.status, 200);
  });
  after(async () => {
    await server.close();
    await webhook.close();
  });
}
