/**
 * The shared setup of the http-*.test.ts files: one real server per file, `api` (its visitor HTTP
 * API, `…/socket/external.api`), `newSession()` for a registered visitor, and `expectError()` for
 * the `{error: {code, message}}` body every bad request must come back with.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { RunningServer } from '../../../demo/server/app.js';
import { Visitor, type SessionInfo } from './chat-clients.js';
import { startTestServer } from './test-server.js';

// Live ES module bindings, set by the `before` hook of `useHttpServer()`.
export let server: RunningServer;
export let api: string;
/** Clients a test opened; closed after the file's tests. */
export const open: { close(): void }[] = [];

/** Starts the server before the file's tests; closes it and every client in `open` after them. */
export function useHttpServer(): void {
  before(async () => {
    server = await startTestServer();
    api = `${server.baseURL}/socket/external.api`;
  });
  after(async () => {
    for (const client of open) client.close();
    await server.close();
  });
}

export async function newSession(area = 1): Promise<{ visitor: Visitor; session: SessionInfo }> {
  const visitor = await Visitor.connect(server.baseURL);
  open.push(visitor);
  const session = await visitor.register({ area });
  return { visitor, session };
}

export async function expectError(response: Response, status: number, code: string): Promise<void> {
  assert.equal(response.status, status, `status for ${code}`);
  const body = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  assert.deepEqual(Object.keys(body), ['error']);
}
