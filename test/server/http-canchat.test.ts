/**
 * The HTTP endpoint canchat with good and bad input: open state, agents, features, opening hours,
 * whether a session is resumable, and the CORS preflight. Bad input must always come back as a
 * 4xx with `{error: {code, message}}`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Agent } from './support/chat-clients.js';
import {
  api,
  expectError,
  newSession,
  open,
  server,
  useHttpServer,
} from './support/http-server.js';

useHttpServer();

describe('canchat', () => {
  it('reports open state, agents, features and opening hours', async () => {
    const response = await fetch(`${api}/canchat?area=1`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.chatOpen, true);
    assert.equal(body.agentsAvailable, 0);
    assert.equal(body.resumable, false);
    assert.deepEqual(body.feature, {
      'chat.attachment': true,
      'chat.max-attachment-size': 10 * 1024 * 1024,
      'chat.max-image-size': 5 * 1024 * 1024,
      'chat.external-source-page': true,
    });
    assert.equal(body.openingHours, 'always');
  });

  it('counts signed-in agents and says resumable only for a live session with its secret', async () => {
    const agent = await Agent.signIn(server.baseURL, 'Bob');
    open.push(agent);
    const { session } = await newSession();
    const live = (await (
      await fetch(
        `${api}/canchat?area=1&sessionId=${session.sessionId}&secret=${session.sessionSecret}`,
      )
    ).json()) as {
      resumable: boolean;
      agentsAvailable: number;
    };
    assert.equal(live.resumable, true);
    assert.equal(live.agentsAvailable, 1);
    const wrong = (await (
      await fetch(`${api}/canchat?area=1&sessionId=${session.sessionId}&secret=nope`)
    ).json()) as {
      resumable: boolean;
    };
    assert.equal(wrong.resumable, false);
  });

  it('rejects a missing or non-numeric area and an unknown area', async () => {
    await expectError(await fetch(`${api}/canchat`), 400, 'bad_request');
    await expectError(await fetch(`${api}/canchat?area=abc`), 400, 'bad_request');
    await expectError(await fetch(`${api}/canchat?area=42`), 404, 'no_area');
  });

  it('answers a CORS preflight', async () => {
    const response = await fetch(`${api}/upload`, { method: 'OPTIONS' });
    assert.equal(response.status, 204);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
  });
});
