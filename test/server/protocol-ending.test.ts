/**
 * Protocol conformance over real sockets (protocol.md §3–4), ending a chat: from the visitor and
 * from the agent, with the system item and `finish chat session` each side gets.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstArg, itemOf } from './support/chat-clients.js';
import { startChat, useProtocolServer } from './support/protocol-server.js';

useProtocolServer();

describe('ending a chat', () => {
  it('close chat from the visitor: CLIENT_ENDS_CHAT, finish by client, agent told', async () => {
    const { visitor, session, agent } = await startChat();
    visitor.socket.send('close chat', {});
    const finish = await visitor.socket.waitFor('finish chat session');
    assert.deepEqual(firstArg(finish), { by: 'client' });
    const item = await visitor.nextMessage(
      (message) => itemOf(message)?.event === 'CLIENT_ENDS_CHAT',
    );
    assert.equal(item.sender, 'SYSTEM');
    const ended = firstArg(await agent.socket.waitFor('chat ended'));
    assert.equal(ended.sessionId, session.sessionId);
    assert.equal(ended.by, 'client');

    const late = await visitor.socket.request('chat message', {
      umid: 'late',
      message: 'hello?',
      mcount: 2,
    });
    assert.equal(late.event, 'chat closed');
  });

  it('end from the agent: OWNER_ENDS_CHAT with the name, finish by agent', async () => {
    const { visitor, session, agent } = await startChat();
    await agent.act('end', { sessionId: session.sessionId });
    const item = await visitor.nextMessage(
      (message) => itemOf(message)?.event === 'OWNER_ENDS_CHAT',
    );
    assert.equal(itemOf(item)?.name, 'Alice');
    assert.deepEqual(firstArg(await visitor.socket.waitFor('finish chat session')), {
      by: 'agent',
    });
  });
});
