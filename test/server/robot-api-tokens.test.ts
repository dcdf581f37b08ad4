/**
 * Conformance of the robot API endpoints (`/s/<workspace>/api/bot/*`, robot API document), tokens:
 * every endpoint refuses a missing, forged, foreign or unsigned JSON web token with 401, and the
 * Bearer scheme name is read in any case.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignJWT, UnsecuredJWT } from 'jose';
import { api, server, token, useRobotApiServer, webhook } from './support/robot-api-server.js';

useRobotApiServer();

describe('robot API: tokens', () => {
  const bad: [string, () => Promise<string | null>][] = [
    ['no Authorization header', async () => null],
    ['a token that is not a JWT', async () => 'not-a-token'],
    ['a tampered signature', async () => `${token.slice(0, -4)}AAAA`],
    [
      'a token signed with another key',
      async () =>
        new SignJWT({ webhook: webhook.url, area: 1 })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('Robbie')
          .setJti('x')
          .setIssuer('cention-chat-demo')
          .setAudience('demo')
          .sign(new TextEncoder().encode('an attacker secret that is long enough')),
    ],
    [
      'an unsigned token (alg none)',
      async () =>
        new UnsecuredJWT({ webhook: webhook.url, area: 1 })
          .setSubject('Robbie')
          .setIssuer('cention-chat-demo')
          .setAudience('demo')
          .encode(),
    ],
  ];
  for (const [name, makeToken] of bad) {
    it(`rejects ${name} on every endpoint`, async () => {
      const badToken = await makeToken();
      for (const path of ['register', 'deregister', 'message', 'close', 'comment', 'watemplate']) {
        const answer = await api(
          path,
          { sessionId: 1, contentType: 'text/plain', content: 'hi' },
          { token: badToken },
        );
        assert.equal(answer.status, 401, path);
        assert.deepEqual(answer.body, { error: { message: 'Invalid JSON web token' } }, path);
      }
    });
  }

  it('accepts the scheme name in any case, as HTTP says', async () => {
    const response = await fetch(`${server.baseURL}/api/bot/register`, {
      method: 'POST',
      headers: { authorization: `bearer ${token}` },
    });
    assert.deepEqual(await response.json(), { registered: true, url: webhook.url });
  });
});
