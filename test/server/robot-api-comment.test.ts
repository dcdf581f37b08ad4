/**
 * Conformance of the robot API endpoints (`/s/<workspace>/api/bot/*`, robot API document), comment
 * and watemplate: notes only agents see, also after a handover to humans, and their bodies checked.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Agent, itemOf, type AgentChat } from './support/chat-clients.js';
import {
  api,
  errorOf,
  robotChat,
  server,
  useRobotApiServer,
  webhook,
} from './support/robot-api-server.js';

useRobotApiServer();

describe('robot API: comment and watemplate', () => {
  it('leaves comments only agents see, also after a handover', async () => {
    const { visitor, sessionId } = await robotChat();
    const answer = await api('comment', {
      sessionId,
      contentType: 'text/html',
      content: '<strong>VIP customer</strong>',
    });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { received: true });
    const wa = await api('watemplate', {
      sessionId,
      contentType: 'text/html',
      content: {
        elementname: 'purchase_with_credit_card',
        namespace: 'cdb2df51_9816_c754_c5a4_64cdabdcad3e',
        params: [{ default: '$10', order: '1234' }],
      },
    });
    assert.equal(wa.status, 200);
    assert.deepEqual(wa.body, { received: true });

    // Hand the chat to humans (the robot decides so in its next webhook answer).
    webhook.reply = () => ({ json: { type: 'handover' } });
    await visitor.say('I want a human');
    await visitor.socket.waitFor('queue');
    const left = await visitor.nextMessage((message) => itemOf(message)?.event === 'AGENT_LEFT');
    assert.equal(itemOf(left)?.name, 'Robbie', 'the handover is a system item naming the robot');
    assert.equal(left.sender, 'SYSTEM');
    webhook.reply = () => ({ json: { type: 'empty' } });
    const afterHandover = await api('comment', {
      sessionId,
      contentType: 'text/plain',
      content: 'Handed over: billing',
    });
    assert.deepEqual(afterHandover.body, { received: true });

    const agent = await Agent.signIn(server.baseURL, 'Alice');
    const chat: AgentChat = await agent.accept(sessionId);
    const internal = chat.messages.filter((message) => message.internal);
    assert.deepEqual(
      internal.map((message) => message.agent),
      ['Robbie', 'Robbie', 'Robbie'],
    );
    assert.equal(internal[0]?.text, '<strong>VIP customer</strong>');
    assert.match(internal[1]?.text ?? '', /purchase_with_credit_card/);
    assert.equal(internal[2]?.text, 'Handed over: billing');
    const visible = visitor
      .messages()
      .map((message) => message.text)
      .join('\n');
    assert.ok(!visible.includes('VIP'), 'the visitor never sees a comment');
    assert.ok(!visible.includes('purchase_with_credit_card'));
    assert.ok(!visible.includes('Handed over'));
    agent.close();
    visitor.close();
  });

  it('checks comment and watemplate bodies', async () => {
    const { visitor, sessionId } = await robotChat();
    const empty = await api('comment', { sessionId, contentType: 'text/plain', content: '' });
    assert.equal(empty.status, 400);
    const long = await api('comment', {
      sessionId,
      contentType: 'text/plain',
      content: 'z'.repeat(10_001),
    });
    assert.equal(long.status, 413);
    const noName = await api('watemplate', {
      sessionId,
      contentType: 'text/html',
      content: { namespace: 'n' },
    });
    assert.equal(noName.status, 400);
    assert.match(errorOf(noName), /elementname/);
    const notObject = await api('watemplate', {
      sessionId,
      contentType: 'text/html',
      content: 'hello',
    });
    assert.equal(notObject.status, 400);
    const asString = await api('watemplate', {
      sessionId,
      contentType: 'text/html',
      content: JSON.stringify({ elementname: 'e', namespace: 'n', params: [] }),
    });
    assert.deepEqual(asString.body, { received: true });
    visitor.close();
  });
});
