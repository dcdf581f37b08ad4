/**
 * Protocol conformance over real sockets (protocol.md §3–4), transports: a visitor on the
 * xhr-polling fallback speaks the same protocol as one on a WebSocket.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectVisitorSocket, firstArg } from './support/chat-clients.js';
import { server, track, useProtocolServer } from './support/protocol-server.js';

useProtocolServer();

describe('transports', () => {
  it('speaks the same protocol over the xhr-polling fallback', async () => {
    const client = track(await connectVisitorSocket(server.baseURL, ['xhr-polling']));
    const answer = await client.request('register', {
      area: 1,
      name: 'Polly',
      email: '',
      message: 'via polling',
    });
    assert.equal(answer.event, 'register');
    const first = firstArg(await client.waitFor('chat message'));
    assert.equal(first.chat[0]?.text, 'via polling');
    const sent = await client.request('chat message', {
      umid: 'p-1',
      message: 'second',
      mcount: 2,
    });
    assert.equal(sent.event, 'message sent');
  });
});
