/**
 * Protocol conformance over real sockets (protocol.md §3–4), register: the answer, the first
 * question and the queue position, one id and secret per session, and an unknown area refused.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectVisitorSocket, errorCode, firstArg, Visitor } from './support/chat-clients.js';
import { server, track, useProtocolServer } from './support/protocol-server.js';

useProtocolServer();

describe('register', () => {
  it('answers register, then the first question as a CLIENT message, then the queue position', async () => {
    const visitor = track(await Visitor.connect(server.baseURL));
    const session = await visitor.register({ name: 'Ann', message: 'Where is my parcel?' });
    assert.equal(typeof session.sessionId, 'number');
    assert.ok(Number.isInteger(session.sessionId));
    assert.ok(session.sessionSecret.length >= 24, 'secret is long and random');
    assert.equal(session.areaId, 1);
    assert.equal(session.clientName, 'Ann');

    const first = await visitor.socket.waitFor('chat message');
    const payload = firstArg(first);
    assert.equal(payload.agent, '');
    assert.equal(payload.client, 'Ann');
    assert.equal(payload.chat[0]?.sender, 'CLIENT');
    assert.equal(payload.chat[0]?.text, 'Where is my parcel?');
    assert.match(payload.chat[0]?.sentHuman ?? '', /^\d\d:\d\d$/);

    const queue = await visitor.socket.waitFor('queue');
    assert.ok(Number.isInteger(queue.args[0]) && queue.args[0] >= 1);
    assert.ok((queue.args[1]?.estimatedWaitSeconds ?? 0) > 0);
    const order = visitor.socket.received.map((frame) => frame.event).slice(0, 3);
    assert.deepEqual(order, ['register', 'chat message', 'queue']);
  });

  it('gives each session a different integer id and secret', async () => {
    const one = track(await Visitor.connect(server.baseURL));
    const two = track(await Visitor.connect(server.baseURL));
    const a = await one.register();
    const b = await two.register();
    assert.ok(b.sessionId > a.sessionId);
    assert.notEqual(a.sessionSecret, b.sessionSecret);
  });

  it('refuses an unknown area with an error and keeps the connection', async () => {
    const client = track(await connectVisitorSocket(server.baseURL));
    const answer = await client.request('register', {
      area: 99,
      name: 'X',
      email: '',
      message: 'hi',
    });
    assert.equal(answer.event, 'error');
    assert.equal(errorCode(answer), 'no_area');
    const retry = await client.request('register', {
      area: 1,
      name: 'X',
      email: '',
      message: 'hi',
    });
    assert.equal(retry.event, 'register');
  });
});
