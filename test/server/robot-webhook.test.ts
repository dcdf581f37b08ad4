/**
 * Webhook flows: what the server POSTs to a robot (the documented base fields plus `message` or
 * `postback`) and what it does with each response: `answer`, `handover` (optionally to another
 * area), `empty`; and that a slow, failing or unreachable robot never strands a visitor: a bounded
 * retry, then the human queue, with the failure in the log.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, afterEach, before, describe, it } from 'node:test';
import type { RunningServer } from '../../demo/server/app.js';
import { robotApiPlugin, type RobotApiPlugin } from '../../demo/server/robot/robot-api-plugin.js';
import { Agent, firstArg, itemOf, Visitor, type AgentChat } from './support/chat-clients.js';
import { startTestServer, testConfig } from './support/test-server.js';
import { FakeWebhook } from './robot-webhook-fake.js';

// Short enough for a quick test, long enough that a loaded 2-core machine never times out a healthy reply.
const TIMEOUT_MS = 1000;

let server: RunningServer;
let plugin: RobotApiPlugin;
let webhook: FakeWebhook;
let token: string;
const logLines: Record<string, unknown>[] = [];
const visitors: Visitor[] = [];

async function startChat(
  fields: Record<string, unknown> = {},
  waitForRobot = true,
): Promise<{ visitor: Visitor; sessionId: number }> {
  const visitor = await Visitor.connect(server.baseURL);
  visitors.push(visitor);
  const session = await visitor.register(fields);
  // The robot has seen the chat's first message: later calls in a test are the test's own.
  if (waitForRobot) await webhook.waitForCall((call) => call.body.sessionId === session.sessionId);
  return { visitor, sessionId: session.sessionId };
}

async function bot(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${server.baseURL}/api/bot/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json();
}

const logsFor = (sessionId: number, msg: string) =>
  logLines.filter((line) => line.sessionId === sessionId && line.msg === msg);

before(async () => {
  webhook = await FakeWebhook.start();
  plugin = robotApiPlugin({ webhookTimeoutMs: TIMEOUT_MS, webhookRetries: 1, retryDelayMs: 20 });
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  server = await startTestServer({
    config: testConfig(),
    plugins: [plugin],
    logLevel: 'info',
    logStream,
  });
  token = await plugin.issueToken({ userName: 'Robbie', webhook: webhook.url, areaId: 1 });
  assert.deepEqual(await bot('register', {}), { registered: true, url: webhook.url });
});
afterEach(() => {
  webhook.reply = () => ({ json: { type: 'empty' } });
  for (const visitor of visitors.splice(0)) visitor.close();
});
after(async () => {
  await server.close();
  await webhook.close();
});

describe('webhook requests', () => {
  it('sends the base fields and the message of a new chat and of later messages', async () => {
    const before = webhook.calls.length;
    const { visitor, sessionId } = await startChat({
      name: 'John Doe',
      email: 'john.doe@example.com',
      message: 'Hello World!',
      externalData: '<b>Customer number:</b> 12345',
    });
    await webhook.waitForCalls(before + 1);
    const first = webhook.calls[before];
    assert.equal(first?.headers['content-type'], 'application/json');
    const requestId = String(first?.body.requestId);
    assert.match(requestId, /^[0-9a-f-]{36}$/);
    assert.equal(first?.headers['x-request-id'], requestId);
    assert.deepEqual(first?.body, {
      sessionId,
      client: { name: 'John Doe', email: 'john.doe@example.com' },
      externalData: '<b>Customer number:</b> 12345',
      type: 'message',
      message: 'Hello World!',
      maxLength: 10_000,
      requestId,
    });
    await visitor.say('Second question');
    await webhook.waitForCalls(before + 2);
    assert.equal(webhook.calls[before + 1]?.body.message, 'Second question');
  });

  it('sends a postback with the button title and data, and no message', async () => {
    const { visitor, sessionId } = await startChat();
    const before = webhook.calls.length;
    visitor.socket.send('postback', {
      title: 'Postback button!',
      data: 'Data defined in button template.',
    });
    await webhook.waitForCalls(before + 1);
    const body = webhook.calls[before]?.body;
    assert.equal(body?.sessionId, sessionId);
    assert.equal(body?.type, 'postback');
    assert.deepEqual(body?.postback, {
      title: 'Postback button!',
      data: 'Data defined in button template.',
    });
    assert.ok(!('message' in (body ?? {})));
    assert.deepEqual(Object.keys(body ?? {}).sort(), [
      'client',
      'externalData',
      'maxLength',
      'postback',
      'requestId',
      'sessionId',
      'type',
    ]);
  });

  it('passes one chat’s messages to the robot one at a time, in order', async () => {
    const { visitor } = await startChat({ message: 'one' });
    webhook.reply = async (call) => ({
      // The first answer is slow; the second message must still wait for it.
      hangMs: call.body.message === 'two' ? 150 : 0,
      json: {
        type: 'answer',
        contentType: 'text/plain',
        content: `echo ${String(call.body.message)}`,
      },
    });
    await visitor.say('two');
    await visitor.say('three');
    await visitor.nextMessage((message) => message.text === 'echo three');
    const echoes = visitor
      .messages()
      .filter((message) => message.text.startsWith('echo'))
      .map((message) => message.text);
    assert.deepEqual(echoes, ['echo two', 'echo three']);
  });
});

describe('webhook responses', () => {
  it('answer: text, a file and a button template reach the visitor as the robot user', async () => {
    webhook.reply = () => ({
      json: {
        type: 'answer',
        contentType: 'text/html',
        content: '<strong>Hello World!</strong>',
        attachments: [
          {
            type: 'file',
            data: {
              type: 'text/plain',
              name: 'notes.txt',
              data: Buffer.from('hi there').toString('base64'),
            },
          },
          {
            type: 'template',
            data: {
              type: 'button',
              text: 'More?',
              buttons: [{ type: 'postback', title: 'Yes', data: 'yes' }],
            },
          },
        ],
      },
    });
    const { visitor } = await startChat();
    const text = await visitor.nextMessage(
      (message) => message.text === '<strong>Hello World!</strong>',
    );
    assert.equal(text.agent, 'Robbie');
    const file = await visitor.nextMessage((message) => itemOf(message)?.event === 'FILE_UPLOAD');
    assert.equal(itemOf(file)?.fileName, 'notes.txt');
    const template = await visitor.nextMessage((message) => itemOf(message)?.event === 'TEMPLATE');
    assert.deepEqual(itemOf(template)?.template, {
      type: 'button',
      text: 'More?',
      buttons: [{ type: 'postback', title: 'Yes', data: 'yes' }],
    });
    const order = visitor
      .messages()
      .filter((message) => message.sender === 'AGENT')
      .map((message) => itemOf(message)?.event ?? 'text');
    assert.deepEqual(order, ['text', 'FILE_UPLOAD', 'TEMPLATE']);
    assert.equal(visitor.socket.all('queue').length, 0, 'a robot chat does not queue');
  });

  it('handover: a system item, then the area’s human queue; the robot hears no more', async () => {
    webhook.reply = () => ({ json: { type: 'handover' } });
    const agent = await Agent.signIn(server.baseURL, 'Bob');
    const { visitor, sessionId } = await startChat({ message: 'I need a person' });
    assert.ok(firstArg(await visitor.socket.waitFor('queue')) >= 1);
    const left = await visitor.nextMessage((message) => itemOf(message)?.event === 'AGENT_LEFT');
    assert.equal(itemOf(left)?.name, 'Robbie');
    await agent.waitForQueued(sessionId);
    const calls = webhook.calls.length;
    const chat: AgentChat = await agent.accept(sessionId);
    assert.equal(chat.areaId, 1);
    assert.ok(chat.messages.some((message) => message.text === 'I need a person'));
    await visitor.say('Hello Bob');
    await agent.nextMessage(sessionId, (message) => message.text === 'Hello Bob');
    assert.equal(webhook.calls.length, calls, 'after a handover the robot gets nothing');
    agent.close();
  });

  it('handover with areaId: the chat joins that area’s queue', async () => {
    webhook.reply = () => ({ json: { type: 'handover', areaId: 2 } });
    const carol = await Agent.signIn(server.baseURL, 'Carol');
    const { visitor, sessionId } = await startChat({ message: 'Sales please' });
    await visitor.socket.waitFor('queue');
    const chat: AgentChat = await carol.accept(sessionId);
    assert.equal(chat.areaId, 2, 'Carol serves only area 2 and could accept it');
    carol.close();
  });

  it('handover to an unknown area falls back to the chat’s own area', async () => {
    webhook.reply = () => ({ json: { type: 'handover', areaId: 77 } });
    const { visitor, sessionId } = await startChat();
    await visitor.socket.waitFor('queue');
    const bob = await Agent.signIn(server.baseURL, 'Bob');
    assert.equal((await bob.accept(sessionId)).areaId, 1);
    bob.close();
  });

  it('empty: nothing is posted and the robot keeps the chat', async () => {
    webhook.reply = () => ({ json: { type: 'empty' } });
    const { visitor } = await startChat({ message: 'hmm' });
    const before = webhook.calls.length;
    await visitor.say('anyone?');
    await webhook.waitForCalls(before + 1);
    webhook.reply = () => ({
      json: { type: 'answer', contentType: 'text/plain', content: 'Yes, me.' },
    });
    await visitor.say('hello?');
    await visitor.nextMessage((message) => message.text === 'Yes, me.');
    const fromRobot = visitor.messages().filter((message) => message.sender !== 'CLIENT');
    assert.deepEqual(
      fromRobot.map((message) => message.text),
      ['Yes, me.'],
      'empty posted nothing',
    );
    assert.equal(visitor.socket.all('queue').length, 0);
  });
});

describe('failing robots', () => {
  // A failed exchange is retried once; an answer that arrived but cannot be used is not (the robot
  // would hear the visitor twice): both end in the human queue with an error in the log.
  const failures: [
    string,
    () => { status?: number; json?: unknown; raw?: string; hangMs?: number },
    RegExp,
    number,
  ][] = [
    ['a timeout', () => ({ hangMs: TIMEOUT_MS * 3 }), /no response within 1000 ms/, 2],
    ['HTTP 500', () => ({ status: 500, json: { error: 'oops' } }), /HTTP 500/, 2],
    ['a body that is not JSON', () => ({ raw: '<html>proxy error</html>' }), /not JSON/, 1],
    ['an unknown response type', () => ({ json: { type: 'dance' } }), /unknown response type/, 1],
    [
      'an answer longer than maxLength, with nothing else in it',
      () => ({ json: { type: 'answer', contentType: 'text/plain', content: 'x'.repeat(10_001) } }),
      /expected text or at least one attachment/,
      1,
    ],
  ];
  for (const [name, reply, reason, calls] of failures) {
    it(`${name}: ${calls === 2 ? 'one retry' : 'no retry'}, then the human queue, and an error in the log`, async () => {
      webhook.reply = reply;
      const before = webhook.calls.length;
      const { visitor, sessionId } = await startChat();
      const position = firstArg(await visitor.socket.waitFor('queue'));
      assert.ok(position >= 1, 'the visitor is queued');
      assert.equal(webhook.calls.length - before, calls);
      if (calls === 2) {
        const [first, retry] = webhook.calls.slice(before);
        assert.equal(retry?.body.requestId, first?.body.requestId, 'a retry has the same id');
      }
      assert.equal(logsFor(sessionId, 'robot webhook attempt failed').length, calls);
      const [failed] = logsFor(sessionId, 'robot webhook failed; handing over to agents');
      assert.match(String(failed?.reason), reason);
      assert.equal(failed?.level, 50, 'logged as an error');
      assert.ok(
        !visitor.messages().some((message) => message.sender === 'AGENT'),
        'nothing half-done reached the visitor',
      );
    });
  }

  it('a robot that fails once and then answers is retried, not handed over', async () => {
    let attempts = 0;
    webhook.reply = () =>
      ++attempts === 1
        ? { status: 503 }
        : { json: { type: 'answer', contentType: 'text/plain', content: 'Second time lucky' } };
    const { visitor } = await startChat();
    await visitor.nextMessage((message) => message.text === 'Second time lucky');
    assert.equal(visitor.socket.all('queue').length, 0);
  });

  it('an unreachable webhook: handed over, logged', async () => {
    const gone = await FakeWebhook.start();
    const goneURL = gone.url;
    await gone.close();
    token = await plugin.issueToken({ userName: 'Robbie', webhook: goneURL, areaId: 1 });
    await bot('register', {});
    try {
      const { visitor, sessionId } = await startChat({}, false);
      await visitor.socket.waitFor('queue');
      const [failed] = logsFor(sessionId, 'robot webhook failed; handing over to agents');
      assert.match(String(failed?.reason), /unreachable/);
    } finally {
      token = await plugin.issueToken({ userName: 'Robbie', webhook: webhook.url, areaId: 1 });
      await bot('register', {});
    }
  });

  it('a robot that deregisters mid-chat: the next message goes to humans', async () => {
    const { visitor } = await startChat();
    assert.deepEqual(await bot('deregister', {}), { registered: false });
    try {
      const before = webhook.calls.length;
      await visitor.say('still there?');
      await visitor.socket.waitFor('queue');
      assert.equal(webhook.calls.length, before);
    } finally {
      await bot('register', {});
    }
  });
});
