/**
 * Conformance of the robot API endpoints (`/s/<workspace>/api/bot/*`, robot API document),
 * register and deregister: their documented bodies, and new chats go to the robot only while it
 * is registered.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstArg, Visitor } from './support/chat-clients.js';
import { api, robotChat, server, useRobotApiServer, webhook } from './support/robot-api-server.js';

useRobotApiServer();

describe('robot API: register and deregister', () => {
  it('answers the documented bodies and routes new chats only while registered', async () => {
    const off = await api('deregister');
    assert.equal(off.status, 200);
    assert.deepEqual(off.body, { registered: false });
    const calls = webhook.calls.length;
    const human = await Visitor.connect(server.baseURL);
    await human.register({ message: 'Anyone there?' });
    assert.equal(firstArg(await human.socket.waitFor('queue')), 1, 'queued for humans');
    assert.equal(webhook.calls.length, calls, 'the robot was not asked');
    human.close();

    const on = await api('register');
    assert.equal(on.status, 200);
    assert.deepEqual(on.body, { registered: true, url: webhook.url });
    const { visitor, sessionId } = await robotChat('Is the robot back?');
    const request = webhook.calls.at(-1)?.body;
    assert.equal(request?.sessionId, sessionId);
    assert.equal(request?.message, 'Is the robot back?');
    visitor.close();
  });
});
