/**
 * Protocol conformance over real sockets (protocol.md §3–4), typing previews: what each side sees
 * of the other's typing, in an area that shows the text and in one that hides it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Agent, firstArg, Visitor } from './support/chat-clients.js';
import { server, startChat, track, useProtocolServer } from './support/protocol-server.js';

useProtocolServer();

describe('typing previews', () => {
  it('shows the visitor text to agents in an area that allows it', async () => {
    const { visitor, session, agent } = await startChat();
    visitor.socket.send('preview', { text: 'I am typ' });
    const preview = firstArg(await agent.socket.waitFor('preview'));
    assert.deepEqual(preview, { sessionId: session.sessionId, length: 8, text: 'I am typ' });
  });

  it('shows only the length in an area that hides the text, and the agent text to the visitor', async () => {
    const visitor = track(await Visitor.connect(server.baseURL));
    const agent = track(await Agent.signIn(server.baseURL, 'Carol'));
    const session = await visitor.register({ area: 2 });
    await agent.accept(session.sessionId);
    visitor.socket.send('preview', { text: 'secret words' });
    const preview = firstArg(await agent.socket.waitFor('preview'));
    assert.equal(preview.length, 12);
    assert.equal(preview.text, undefined);

    agent.socket.send('preview', { sessionId: session.sessionId, text: 'Let me check' });
    const agentPreview = firstArg(await visitor.socket.waitFor('agent preview'));
    assert.deepEqual(agentPreview, { messageLen: 12, text: 'Let me check' });
  });

  it('sends only the length of the agent text where the area hides it', async () => {
    const { visitor, session, agent } = await startChat();
    agent.socket.send('preview', { sessionId: session.sessionId, text: 'Typing…' });
    const agentPreview = firstArg(await visitor.socket.waitFor('agent preview'));
    assert.deepEqual(agentPreview, { messageLen: 7 });
  });
});
