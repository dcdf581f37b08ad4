/**
 * Protocol conformance over real sockets (protocol.md §3–4), rate limit: frames over the
 * per-connection rate are answered with `rate_limited`, and the connection recovers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectVisitorSocket, errorCode, firstArg } from './support/chat-clients.js';
import { startTestServer } from './support/test-server.js';

describe('rate limit', () => {
  it('answers frames over the per-connection rate with rate_limited and recovers', async () => {
    const limited = await startTestServer({ rateLimit: { perSecond: 5, burst: 5 } });
    try {
      const client = await connectVisitorSocket(limited.baseURL);
      for (let index = 0; index < 12; index++) client.send('preview', { text: 'x' });
      const error = await client.waitFor('error', (frame) => errorCode(frame) === 'rate_limited');
      assert.match(firstArg(error).message, /slow down/);
      assert.ok(client.isOpen);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const answer = await client.request('register', {
        area: 1,
        name: 'Ok',
        email: '',
        message: 'hi',
      });
      assert.equal(answer.event, 'register');
      client.close();
    } finally {
      await limited.close();
    }
  });
});
