/**
 * Protocol conformance over real sockets (protocol.md §3–4), resume: a new connection replays the
 * chat after `lastSeenId`, a queued visitor gets the queue again, and resume errors.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstArg, Visitor } from './support/chat-clients.js';
import { server, startChat, track, useProtocolServer } from './support/protocol-server.js';

useProtocolServer();

describe('resume', () => {
  it('replays messages after lastSeenId, once and in order, on a new connection', async () => {
    const { visitor, session, agent } = await startChat();
    const seen = await visitor.say('before the drop');
    visitor.close();
    const one = await agent.say(session.sessionId, 'answer one');
    const two = await agent.say(session.sessionId, 'answer two');

    const again = track(await Visitor.connect(server.baseURL));
    const answer = await again.resume(session, seen.id);
    assert.deepEqual(firstArg(answer), session);
    const replay = firstArg(await again.socket.waitFor('chat message'));
    assert.equal(replay.agent, 'Alice');
    assert.deepEqual(
      replay.chat.map((message) => message.id),
      [one.id, two.id],
    );
    const after = await again.say('after the drop');
    assert.ok(after.id > two.id);
  });

  it('without lastSeenId replays the whole chat', async () => {
    const { visitor, session } = await startChat({ message: 'original question' });
    visitor.close();
    const again = track(await Visitor.connect(server.baseURL));
    await again.resume(session);
    const replay = firstArg(await again.socket.waitFor('chat message'));
    assert.equal(replay.chat[0]?.text, 'original question');
  });

  it('answers no session, bad secret and chat closed as resume errors', async () => {
    const { visitor, session, agent } = await startChat();
    const stranger = track(await Visitor.connect(server.baseURL));
    const missing = await stranger.resume({ ...session, sessionId: 999_999 });
    assert.deepEqual(firstArg(missing), { error: 'no session' });
    const wrong = await stranger.resume({ ...session, sessionSecret: 'x'.repeat(32) });
    assert.deepEqual(firstArg(wrong), { error: 'bad secret' });
    // A wrong secret sees nothing of the chat.
    assert.equal(stranger.socket.all('chat message').length, 0);
    await agent.act('end', { sessionId: session.sessionId });
    await visitor.socket.waitFor('finish chat session');
    const closed = await stranger.resume(session);
    assert.deepEqual(firstArg(closed), { error: 'chat closed' });
  });

  it('a queued visitor gets the queue position again after resuming', async () => {
    const visitor = track(await Visitor.connect(server.baseURL));
    const session = await visitor.register();
    await visitor.socket.waitFor('queue');
    visitor.close();
    const again = track(await Visitor.connect(server.baseURL));
    await again.resume(session);
    const queue = await again.socket.waitFor('queue');
    assert.ok((queue.args[0] as number) >= 1);
  });
});
