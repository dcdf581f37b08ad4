/**
 * The robot seam: a plugin registers a robot and a route; chats in the robot's area go to it
 * instead of the queue, and it answers, comments, hands over and closes through `ChatService`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../demo/server/app.js';
import type { RobotChat, RobotHook, ServerPlugin } from '../../demo/server/robot-hook.js';
import type { CanChatResult } from '../../src/protocol/index.js';
import { Agent, firstArg, itemOf, Visitor, type AgentChat } from './support/chat-clients.js';
import { startTestServer, testConfig } from './support/test-server.js';

const seen: { kind: string; chat: RobotChat; detail: unknown }[] = [];
let server: RunningServer;

const robotPlugin: ServerPlugin = {
  name: 'test-robot',
  register({ app, basePath, chat, registerRobot, store }) {
    store.migrate('test-robot-001', 'CREATE TABLE test_robot_notes (note TEXT)');
    app.get(`${basePath}/api/bot/ping`, async () => ({ pong: true }));
    const hook: RobotHook = {
      onNewChat(robotChat, first) {
        seen.push({ kind: 'new', chat: robotChat, detail: first.text });
        chat.postAgentMessage(robotChat.sessionId, 'Botty', '<p>Hi! I am Botty.</p>');
        chat.postTemplate(robotChat.sessionId, 'Botty', {
          type: 'button',
          text: 'What do you need?',
          buttons: [{ type: 'postback', title: 'Invoice', data: 'invoice' }],
        });
      },
      async onMessage(robotChat, message) {
        seen.push({ kind: 'message', chat: robotChat, detail: message.text });
        if (message.text === 'human please') {
          chat.postComment(robotChat.sessionId, 'Botty', 'Visitor asked for a human.');
          chat.handover(robotChat.sessionId);
        } else if (message.text === 'crash') {
          throw new Error('robot bug');
        } else if (message.text === 'bye') {
          chat.close(robotChat.sessionId, 'Botty');
        } else {
          chat.postAgentMessage(robotChat.sessionId, 'Botty', `You said: ${message.text}`);
        }
      },
      onPostback(robotChat, postback) {
        seen.push({ kind: 'postback', chat: robotChat, detail: postback });
        chat.postAgentMessage(robotChat.sessionId, 'Botty', `You chose ${postback.title}`);
      },
    };
    registerRobot('botty', hook);
  },
};

before(async () => {
  server = await startTestServer({
    config: testConfig([{ robot: 'botty' }]),
    plugins: [robotPlugin],
  });
});
after(async () => server.close());

describe('robot hook', () => {
  it('lets a plugin add routes and its own table', async () => {
    const response = await fetch(`${server.baseURL}/api/bot/ping`);
    assert.deepEqual(await response.json(), { pong: true });
    server.store.db.prepare('INSERT INTO test_robot_notes (note) VALUES (?)').run('ok');
  });

  it('counts a registered robot as an available agent in canchat', async () => {
    // No human agent is online in the test config: without the robot this would be 0 and the
    // widget would tell the visitor that everyone is busy.
    const response = await fetch(`${server.baseURL}/socket/external.api/canchat?area=1`);
    const body = (await response.json()) as CanChatResult;
    assert.equal(body.chatOpen, true);
    assert.equal(body.agentsAvailable, 1);
    assert.equal(body.robotFirst, true, 'the start form says a robot answers first');
    const other = await fetch(`${server.baseURL}/socket/external.api/canchat?area=2`);
    assert.equal(((await other.json()) as CanChatResult).robotFirst, false);
  });

  it('offers a new chat to the robot, which answers with messages and a template', async () => {
    const visitor = await Visitor.connect(server.baseURL);
    const session = await visitor.register({
      message: 'hello robot',
      externalData: { customer: 7 },
    });
    const greeting = await visitor.nextMessage((message) => message.sender === 'AGENT');
    assert.equal(greeting.agent, 'Botty');
    assert.equal(greeting.text, '<p>Hi! I am Botty.</p>');
    const template = await visitor.nextMessage((message) => itemOf(message)?.event === 'TEMPLATE');
    assert.deepEqual((itemOf(template)?.template as { buttons: unknown[] }).buttons, [
      { type: 'postback', title: 'Invoice', data: 'invoice' },
    ]);
    assert.equal(visitor.socket.all('queue').length, 0, 'a robot chat does not queue');
    const first = seen.find(
      (entry) => entry.kind === 'new' && entry.chat.sessionId === session.sessionId,
    );
    assert.equal(first?.detail, 'hello robot');
    assert.equal(first?.chat.externalData, '{"customer":7}');

    await visitor.say('what time is it');
    assert.equal(
      (await visitor.nextMessage((message) => message.text.startsWith('You said'))).text,
      'You said: what time is it',
    );

    visitor.socket.send('postback', { title: 'Invoice', data: 'invoice' });
    await visitor.nextMessage((message) => message.text === 'You chose Invoice');
    assert.ok(
      seen.some(
        (entry) =>
          entry.kind === 'postback' && (entry.detail as { data: string }).data === 'invoice',
      ),
    );
    visitor.close();
  });

  it('hands over to the human queue with a comment only agents see', async () => {
    const visitor = await Visitor.connect(server.baseURL);
    const session = await visitor.register({ message: 'hello robot' });
    await visitor.nextMessage((message) => message.sender === 'AGENT');
    await visitor.say('human please');
    const queue = await visitor.socket.waitFor('queue');
    assert.equal(queue.args[0], 1);
    const agent = await Agent.signIn(server.baseURL, 'Alice');
    const chat: AgentChat = await agent.accept(session.sessionId);
    const comment = chat.messages.find((message) => message.text === 'Visitor asked for a human.');
    assert.equal(comment?.internal, true);
    assert.ok(!visitor.messages().some((message) => message.text === 'Visitor asked for a human.'));
    agent.close();
    visitor.close();
  });

  it('hands a chat to humans when the robot throws, and lets the robot close a chat', async () => {
    const visitor = await Visitor.connect(server.baseURL);
    await visitor.register();
    await visitor.say('crash');
    assert.equal((await visitor.socket.waitFor('queue')).args[0], 1);
    visitor.close();

    const other = await Visitor.connect(server.baseURL);
    await other.register();
    await other.say('bye');
    const ended = await other.nextMessage(
      (message) => itemOf(message)?.event === 'OWNER_ENDS_CHAT',
    );
    assert.equal(itemOf(ended)?.name, 'Botty');
    assert.deepEqual(firstArg(await other.socket.waitFor('finish chat session')), { by: 'agent' });
    other.close();
  });
});
