/**
 * Restart safety: stop the server mid-chat, start a new one on the same data folder, and the
 * visitor resumes with every stored message, the agent still has the chat, and resends stay
 * exactly-once.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { Agent, firstArg, Visitor } from './support/chat-clients.js';
import { startTestServer } from './support/test-server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'cention-chat-restart-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

it('keeps every message and the session across a restart', async () => {
  const first = await startTestServer({ dataDir });
  const visitor = await Visitor.connect(first.baseURL);
  const session = await visitor.register({ message: 'Before the restart' });
  const agent = await Agent.signIn(first.baseURL, 'Alice');
  await agent.accept(session.sessionId);
  const question = await visitor.say('Is my order shipped?', 'c-restart-1');
  const answer = await agent.say(session.sessionId, 'Yes, yesterday.');
  await visitor.nextMessage((message) => message.id === answer.id);
  // Stop mid-chat: both sockets are still open.
  await first.close();
  visitor.close();
  agent.close();

  const second = await startTestServer({ dataDir });
  try {
    const back = await Visitor.connect(second.baseURL);
    const resumed = await back.resume(session);
    assert.deepEqual(firstArg(resumed), session);
    const replay = firstArg(await back.socket.waitFor('chat message'));
    assert.equal(replay.agent, 'Alice');
    assert.deepEqual(
      replay.chat.map((message) => message.text),
      ['Before the restart', 'Is my order shipped?', 'Yes, yesterday.'],
    );

    // A resend of a message stored before the restart is still recognised.
    const resent = await back.say('Is my order shipped?', 'c-restart-1');
    assert.deepEqual(resent, question);
    const fresh = await back.say('Thanks!');
    assert.ok(fresh.id > answer.id, 'ids keep increasing after a restart');

    const agentAgain = await Agent.signIn(second.baseURL, 'Alice');
    const chat = firstArg(
      await agentAgain.socket.waitFor(
        'chat',
        (frame) => firstArg(frame).sessionId === session.sessionId,
      ),
    );
    assert.deepEqual(
      chat.messages.map((message) => message.text),
      ['Before the restart', 'Is my order shipped?', 'Yes, yesterday.', 'Thanks!'],
    );
    back.close();
    agentAgain.close();
  } finally {
    await second.close();
  }
});
