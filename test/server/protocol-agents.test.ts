/**
 * Protocol conformance over real sockets (protocol.md §3–4), agents joining and leaving: adding,
 * removing and leaving with the system items both sides see, and agents kept to their own chats.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AgentClientFrames } from '../../src/protocol/index.js';
import { Agent, connectAgentSocket, errorCode, firstArg, itemOf } from './support/chat-clients.js';
import { server, startChat, track, useProtocolServer } from './support/protocol-server.js';

useProtocolServer();

describe('agents joining and leaving', () => {
  it('adds and removes another agent with system items both sides see', async () => {
    const { visitor, session, agent } = await startChat();
    const bob = track(await Agent.signIn(server.baseURL, 'Bob'));
    await agent.act('add agent', { sessionId: session.sessionId, name: 'Bob' });
    const added = await visitor.nextMessage((message) => itemOf(message)?.event === 'AGENTS_ADDED');
    assert.equal(added.sender, 'SYSTEM');
    assert.deepEqual(itemOf(added)?.names, ['Bob']);
    const bobsChat = firstArg(
      await bob.socket.waitFor('chat', (frame) => firstArg(frame).sessionId === session.sessionId),
    );
    assert.equal(bobsChat.sessionId, session.sessionId);
    assert.deepEqual(bobsChat.agents, ['Alice', 'Bob']);

    await bob.say(session.sessionId, 'Bob here');
    assert.equal(
      (await visitor.nextMessage((message) => message.text === 'Bob here')).agent,
      'Bob',
    );

    await agent.act('remove agent', { sessionId: session.sessionId, name: 'Bob' });
    const removed = await visitor.nextMessage(
      (message) => itemOf(message)?.event === 'AGENTS_REMOVED',
    );
    assert.deepEqual(itemOf(removed)?.names, ['Bob']);
    await bob.socket.waitFor('chat removed');
    const refused = await bob.socket.request('message', {
      sessionId: session.sessionId,
      text: 'still here?',
      umid: 'x',
    });
    assert.equal(errorCode(refused), 'not_in_chat');
  });

  it('announces an agent who leaves, and puts a chat without agents back in the queue', async () => {
    const { visitor, agent, session } = await startChat();
    await agent.act('leave', { sessionId: session.sessionId });
    const left = await visitor.nextMessage((message) => itemOf(message)?.event === 'AGENT_LEFT');
    assert.equal(itemOf(left)?.name, 'Alice');
    const queue = await visitor.socket.waitFor('queue');
    assert.ok((queue.args[0] as number) >= 1);
    const bob = track(await Agent.signIn(server.baseURL, 'Bob'));
    const chat = await bob.accept(session.sessionId);
    assert.deepEqual(chat.agents, ['Bob']);
  });

  it('does not let a second agent accept a chat already taken', async () => {
    const { session } = await startChat();
    const bob = track(await Agent.signIn(server.baseURL, 'Bob'));
    const answer = await bob.socket.request('accept', { sessionId: session.sessionId });
    assert.equal(answer.event, 'error');
    assert.equal(errorCode(answer), 'not_queued');
  });

  it('keeps agents to their own chats and areas', async () => {
    const { session, agent } = await startChat();
    const bob = track(await Agent.signIn(server.baseURL, 'Bob'));
    const carol = track(await Agent.signIn(server.baseURL, 'Carol'));
    const code = async <T extends keyof AgentClientFrames>(
      who: Agent,
      type: T,
      data: AgentClientFrames[T],
    ) => errorCode(await who.socket.request(type, data));
    assert.equal(await code(bob, 'ack', { sessionId: session.sessionId, ids: [1] }), 'not_in_chat');
    assert.equal(await code(bob, 'end', { sessionId: session.sessionId }), 'not_in_chat');
    assert.equal(
      await code(bob, 'preview', { sessionId: session.sessionId, text: 'x' }),
      'not_in_chat',
    );
    // Carol serves area 2 only: chats of area 1 do not exist for her.
    assert.equal(await code(carol, 'chat', { sessionId: session.sessionId }), 'not_found');
    assert.equal(await code(carol, 'accept', { sessionId: session.sessionId }), 'not_found');
    assert.equal(
      await code(agent, 'add agent', { sessionId: session.sessionId, name: 'Nobody' }),
      'unknown_agent',
    );
    // Bob may read the chat's history (his area), but not act in it.
    const history = await bob.socket.request('chat', { sessionId: session.sessionId });
    assert.equal(history.event, 'chat');
    assert.deepEqual(firstArg(history).agents, ['Alice']);
  });

  it('refuses an unknown agent name at sign-in', async () => {
    const client = track(await connectAgentSocket(server.baseURL));
    const answer = await client.request('login', { name: 'Mallory', password: 'guess' });
    // The same answer as a wrong password: sign-in does not tell which names exist.
    assert.equal(errorCode(answer), 'sign_in_refused');
    const before = await client.request('accept', { sessionId: 1 });
    assert.equal(errorCode(before), 'not_signed_in');
  });
});
