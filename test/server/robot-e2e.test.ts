/**
 * End to end over real sockets and HTTP: the reference server with the robot API, the demo FAQ
 * robot as its own HTTP server on loopback, a visitor (sockjs-client in Node) and an agent
 * console socket. The visitor asks, the robot answers with an image and buttons, the visitor
 * clicks a postback, the robot hands over, and the chat shows up in the agent console.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { startDemoRobot, type DemoRobot } from '../../demo/robot/robot-server.js';
import type { RunningServer } from '../../demo/server/app.js';
import { robotApiPlugin } from '../../demo/server/robot/robot-api-plugin.js';
import type { ButtonTemplate } from '../../src/protocol/index.js';
import { Agent, itemOf, Visitor } from './support/chat-clients.js';
import { startTestServer, testConfig } from './support/test-server.js';

let server: RunningServer;
let robot: DemoRobot;

before(async () => {
  const plugin = robotApiPlugin({ webhookTimeoutMs: 3000 });
  server = await startTestServer({ config: testConfig(), plugins: [plugin] });
  robot = await startDemoRobot({
    serverBaseURL: server.baseURL,
    port: 0,
    issueToken: (request) => plugin.issueToken(request),
  });
});
after(async () => {
  await robot.close();
  await server.close();
});

it('visitor asks → robot answers with buttons → postback → handover → agent console', async () => {
  const agent = await Agent.signIn(server.baseURL, 'Alice');
  const visitor = await Visitor.connect(server.baseURL);
  const session = await visitor.register({ name: 'Vera', message: 'What are your prices?' });

  // The robot's answer: text with the plans, the price chart image, and buttons.
  const text = await visitor.nextMessage((message) => message.text.includes('449 kr'));
  assert.equal(text.agent, 'FAQ Robot');
  const image = await visitor.nextMessage((message) => itemOf(message)?.event === 'FILE_UPLOAD');
  assert.equal(itemOf(image)?.fileName, 'price-chart.png');
  assert.equal(itemOf(image)?.mime, 'image/png');
  const download = await fetch(`${String(itemOf(image)?.fileDownload)}?t=${session.sessionSecret}`);
  const bytes = Buffer.from(await download.arrayBuffer());
  assert.equal(download.headers.get('content-type'), 'image/png');
  assert.deepEqual([...bytes.subarray(1, 4)], [...Buffer.from('PNG')], 'a real PNG');
  const templateMessage = await visitor.nextMessage(
    (message) => itemOf(message)?.event === 'TEMPLATE',
  );
  const template = itemOf(templateMessage)?.template as ButtonTemplate;
  const person = template.buttons.find((button) => button.title === 'Talk to a person');
  assert.ok(person?.type === 'postback', 'the person button posts back');
  assert.ok(template.buttons.some((button) => button.type === 'url'));
  assert.equal(visitor.socket.all('queue').length, 0, 'nobody queued while the robot helps');

  // The visitor clicks the postback button: the robot hands over to humans.
  visitor.socket.send('postback', { title: person.title, data: person.data });
  const left = await visitor.nextMessage((message) => itemOf(message)?.event === 'AGENT_LEFT');
  assert.equal(itemOf(left)?.name, 'FAQ Robot');
  assert.ok((await visitor.socket.waitFor('queue')).args[0] >= 1);

  // The agent console sees the chat in area 1's queue, accepts it and gets the whole story.
  await agent.waitForQueued(session.sessionId);
  // The console's snapshot also lists the visitor's button clicks.
  const chat = await agent.accept(session.sessionId);
  assert.equal(chat.areaId, 1);
  assert.equal(chat.client.name, 'Vera');
  assert.ok(chat.messages.some((message) => message.text === 'What are your prices?'));
  assert.ok(
    chat.messages.some(
      (message) => message.agent === 'FAQ Robot' && message.text.includes('449 kr'),
    ),
  );
  const comment = chat.messages.find((message) => message.internal);
  assert.match(comment?.text ?? '', /handed over/);
  assert.deepEqual(chat.postbacks, [{ title: 'Talk to a person', data: 'person' }]);
  assert.ok(!visitor.messages().some((message) => message.text.includes('handed over')));

  await agent.say(session.sessionId, 'Hi Vera, Alice here. How can I help?');
  const fromAlice = await visitor.nextMessage((message) => message.text.startsWith('Hi Vera'));
  assert.equal(fromAlice.agent, 'Alice');
  visitor.close();
  agent.close();
});

it('area 2 stays human-only', async () => {
  const carol = await Agent.signIn(server.baseURL, 'Carol');
  const visitor = await Visitor.connect(server.baseURL);
  await visitor.register({ area: 2, message: 'What are your prices?' });
  assert.ok((await visitor.socket.waitFor('queue')).args[0] >= 1);
  assert.ok(!visitor.messages().some((message) => message.sender === 'AGENT'));
  visitor.close();
  carol.close();
});
