/**
 * Conformance of the robot API endpoints (`/s/<workspace>/api/bot/*`, robot API document): every
 * endpoint with a good token and good bodies, and with bad tokens, bad JSON, unknown and closed
 * sessions and content that is too long. Errors are `{"error": {"message": …}}`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT, UnsecuredJWT } from 'jose';
import type { RunningServer } from '../../demo/server/app.js';
import { robotApiPlugin, type RobotApiPlugin } from '../../demo/server/robot/robot-api-plugin.js';
import { Agent, firstArg, itemOf, Visitor, type AgentChat } from './support/chat-clients.js';
import { startTestServer, testConfig } from './support/test-server.js';
import { FakeWebhook } from './robot-webhook-fake.js';

const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAUAAAAFCAYAAACNbyblAAAAHElEQVQI12P4//8/w38GIAXDIBKE0DHxgljNBAAO9TXL0Y4OHwAAAABJRU5ErkJggg==';

let server: RunningServer;
let plugin: RobotApiPlugin;
let webhook: FakeWebhook;
let token: string;

interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

async function api(
  path: string,
  body?: unknown,
  options: { token?: string | null; raw?: string } = {},
): Promise<ApiAnswer> {
  const bearer = options.token === undefined ? token : options.token;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
  const response = await fetch(`${server.baseURL}/api/bot/${path}`, {
    method: 'POST',
    headers,
    body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const errorOf = (answer: ApiAnswer) => (answer.body.error as { message: string }).message;

/** A visitor whose chat the robot owns (area 1, robot registered). */
async function robotChat(
  message = 'Hello robot',
): Promise<{ visitor: Visitor; sessionId: number }> {
  const visitor = await Visitor.connect(server.baseURL);
  const calls = webhook.calls.length;
  const session = await visitor.register({ message });
  await webhook.waitForCalls(calls + 1);
  return { visitor, sessionId: session.sessionId };
}

before(async () => {
  webhook = await FakeWebhook.start();
  plugin = robotApiPlugin({ webhookTimeoutMs: 2000, webhookRetries: 0 });
  // Area 1 allows files up to 100 kB, so the file limit is testable without huge bodies.
  const attachments = {
    enabled: true,
    maxBytes: 100_000,
    maxImageBytes: 100_000,
    allowedTypes: ['image/*', 'application/pdf'],
  };
  server = await startTestServer({ config: testConfig([{ attachments }]), plugins: [plugin] });
  token = await plugin.issueToken({ userName: 'Robbie', webhook: webhook.url, areaId: 1 });
  const registered = await api('register');
  assert.equal(registered.status, 200);
});
after(async () => {
  await server.close();
  await webhook.close();
});

describe('robot API: tokens', () => {
  const bad: [string, () => Promise<string | null>][] = [
    ['no Authorization header', async () => null],
    ['a token that is not a JWT', async () => 'not-a-token'],
    ['a tampered signature', async () => `${token.slice(0, -4)}AAAA`],
    [
      'a token signed with another key',
      async () =>
        new SignJWT({ webhook: webhook.url, area: 1 })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('Robbie')
          .setJti('x')
          .setIssuer('cention-chat-demo')
          .setAudience('demo')
          .sign(new TextEncoder().encode('an attacker secret that is long enough')),
    ],
    [
      'an unsigned token (alg none)',
      async () =>
        new UnsecuredJWT({ webhook: webhook.url, area: 1 })
          .setSubject('Robbie')
          .setIssuer('cention-chat-demo')
          .setAudience('demo')
          .encode(),
    ],
  ];
  for (const [name, makeToken] of bad) {
    it(`rejects ${name} on every endpoint`, async () => {
      const badToken = await makeToken();
      for (const path of ['register', 'deregister', 'message', 'close', 'comment', 'watemplate']) {
        const answer = await api(
          path,
          { sessionId: 1, contentType: 'text/plain', content: 'hi' },
          { token: badToken },
        );
        assert.equal(answer.status, 401, path);
        assert.deepEqual(answer.body, { error: { message: 'Invalid JSON web token' } }, path);
      }
    });
  }

  it('accepts the scheme name in any case, as HTTP says', async () => {
    const response = await fetch(`${server.baseURL}/api/bot/register`, {
      method: 'POST',
      headers: { authorization: `bearer ${token}` },
    });
    assert.deepEqual(await response.json(), { registered: true, url: webhook.url });
  });
});

describe('robot API: addresses', () => {
  it('answers unknown endpoints and other methods with the API’s error shape', async () => {
    const unknown = await api('dance', {});
    assert.equal(unknown.status, 404);
    assert.deepEqual(Object.keys(unknown.body), ['error']);
    assert.match(errorOf(unknown), /dance/);
    const get = await fetch(`${server.baseURL}/api/bot/register`);
    assert.equal(get.status, 404);
    assert.match(((await get.json()) as { error: { message: string } }).error.message, /GET/);
  });
});

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

describe('robot API: message', () => {
  it('shows robot text, files and templates to the visitor under the robot user name', async () => {
    const { visitor, sessionId } = await robotChat();
    const answer = await api('message', {
      sessionId,
      contentType: 'text/html',
      content: '<strong>Hello World!</strong>',
      attachments: [
        { type: 'file', data: { type: 'image/png', name: 'example.png', data: TINY_PNG } },
        {
          type: 'template',
          data: {
            type: 'button',
            text: 'Pick one',
            buttons: [
              { type: 'url', title: 'Docs', url: 'https://example.com/docs' },
              { type: 'postback', title: 'Invoice', data: 'invoice' },
            ],
          },
        },
      ],
    });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { received: true });

    const text = await visitor.nextMessage((message) => message.text.includes('Hello World'));
    assert.equal(text.text, '<strong>Hello World!</strong>');
    assert.equal(text.agent, 'Robbie');
    assert.equal(text.sender, 'AGENT');
    const file = await visitor.nextMessage((message) => itemOf(message)?.event === 'FILE_UPLOAD');
    assert.equal(itemOf(file)?.fileName, 'example.png');
    assert.equal(file.agent, 'Robbie');
    const download = await fetch(
      `${String(itemOf(file)?.fileDownload)}?t=${visitor.session?.sessionSecret ?? ''}`,
    );
    assert.equal(download.status, 200);
    assert.deepEqual(
      Buffer.from(await download.arrayBuffer()),
      Buffer.from(TINY_PNG, 'base64'),
      'the visitor downloads the very bytes the robot sent',
    );
    const template = await visitor.nextMessage((message) => itemOf(message)?.event === 'TEMPLATE');
    assert.deepEqual(itemOf(template)?.template, {
      type: 'button',
      text: 'Pick one',
      buttons: [
        { type: 'url', title: 'Docs', url: 'https://example.com/docs' },
        { type: 'postback', title: 'Invoice', data: 'invoice' },
      ],
    });
    visitor.close();
  });

  it('escapes text/plain content so it shows exactly as written', async () => {
    const { visitor, sessionId } = await robotChat();
    const answer = await api('message', {
      sessionId,
      contentType: 'text/plain',
      content: 'a < b & <script>x</script>',
      attachments: [],
    });
    assert.deepEqual(answer.body, { received: true });
    const message = await visitor.nextMessage((candidate) => candidate.text.startsWith('a &lt;'));
    assert.equal(message.text, 'a &lt; b &amp; &lt;script&gt;x&lt;/script&gt;');
    visitor.close();
  });

  it('answers bad bodies with 400 and a message, and posts nothing', async () => {
    const { visitor, sessionId } = await robotChat();
    const cases: [string, { body?: unknown; raw?: string }, RegExp][] = [
      ['broken JSON', { raw: '{"sessionId": ' }, /JSON/],
      ['an empty body', { raw: '' }, /JSON/],
      ['a JSON list', { body: [sessionId] }, /object/],
      ['no sessionId', { body: { contentType: 'text/plain', content: 'x' } }, /sessionId/],
      ['a non-integer sessionId', { body: { sessionId: 1.5, content: 'x' } }, /sessionId/],
      ['no content at all', { body: { sessionId, contentType: 'text/plain' } }, /content/],
      ['a content that is not text', { body: { sessionId, content: 42 } }, /content/],
      [
        'an unknown contentType',
        { body: { sessionId, contentType: 'image/png', content: 'x' } },
        /contentType/,
      ],
      [
        'attachments that are not a list',
        { body: { sessionId, content: 'x', attachments: {} } },
        /attachments/,
      ],
      [
        'an unknown attachment type',
        { body: { sessionId, content: 'x', attachments: [{ type: 'video', data: {} }] } },
        /attachments\[0\]/,
      ],
      [
        'a file that is not base64',
        {
          body: {
            sessionId,
            attachments: [
              { type: 'file', data: { type: 'image/png', name: 'a.png', data: '%%%' } },
            ],
          },
        },
        /base64/,
      ],
      [
        'a javascript: URL button',
        {
          body: {
            sessionId,
            attachments: [
              {
                type: 'template',
                data: {
                  type: 'button',
                  text: 't',
                  buttons: [{ type: 'url', title: 'x', url: 'javascript:alert(1)' }],
                },
              },
            ],
          },
        },
        /url/,
      ],
      [
        'a template without buttons',
        {
          body: {
            sessionId,
            attachments: [{ type: 'template', data: { type: 'button', text: 't', buttons: [] } }],
          },
        },
        /buttons/,
      ],
    ];
    for (const [name, input, pattern] of cases) {
      const answer = await api('message', input.body, { raw: input.raw });
      assert.equal(answer.status, 400, name);
      assert.match(errorOf(answer), pattern, name);
      assert.deepEqual(Object.keys(answer.body), ['error'], name);
    }
    const agentMessages = visitor.messages().filter((message) => message.sender === 'AGENT');
    assert.equal(agentMessages.length, 0, 'nothing reached the visitor');
    visitor.close();
  });

  it('rejects content longer than the maximum length with 413', async () => {
    const { visitor, sessionId } = await robotChat();
    const request = webhook.calls.at(-1)?.body;
    const maxLength = request?.maxLength as number;
    assert.equal(maxLength, 10_000, 'webhook requests announce the limit');
    const tooLong = await api('message', {
      sessionId,
      contentType: 'text/plain',
      content: 'x'.repeat(maxLength + 1),
    });
    assert.equal(tooLong.status, 413);
    assert.match(errorOf(tooLong), /maximum length/);
    const exactly = await api('message', {
      sessionId,
      contentType: 'text/plain',
      content: 'y'.repeat(maxLength),
    });
    assert.deepEqual(exactly.body, { received: true });
    const fileOf = (bytes: number) => ({
      sessionId,
      attachments: [
        {
          type: 'file',
          data: {
            type: 'application/pdf',
            name: 'a.pdf',
            data: Buffer.alloc(bytes).toString('base64'),
          },
        },
      ],
    });
    const bigFile = await api('message', fileOf(100_001));
    assert.equal(bigFile.status, 413);
    assert.match(errorOf(bigFile), /larger than 100000 bytes/);
    assert.deepEqual((await api('message', fileOf(100_000))).body, { received: true });
    const hugeBody = await api('message', fileOf(2_000_000));
    assert.equal(hugeBody.status, 413, 'a body past the limit is refused before parsing');
    visitor.close();
  });

  it('answers 404 for unknown sessions and for chats of other areas', async () => {
    const unknown = await api('message', {
      sessionId: 999_999,
      contentType: 'text/plain',
      content: 'x',
    });
    assert.equal(unknown.status, 404);
    assert.equal(errorOf(unknown), 'Unknown session 999999');

    // Area 2 has no robot: its chats are none of this robot's business.
    const agent = await Agent.signIn(server.baseURL, 'Carol');
    const other = await Visitor.connect(server.baseURL);
    const session = await other.register({ area: 2 });
    const foreign = await api('message', { sessionId: session.sessionId, content: 'x' });
    assert.equal(foreign.status, 404);
    other.close();
    agent.close();
  });
});

describe('robot API: close', () => {
  it('closes the chat as the robot user; a closed chat answers 409 everywhere', async () => {
    const { visitor, sessionId } = await robotChat();
    const answer = await api('close', { sessionId });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { closed: true });
    const ended = await visitor.nextMessage(
      (message) => itemOf(message)?.event === 'OWNER_ENDS_CHAT',
    );
    assert.equal(itemOf(ended)?.name, 'Robbie');
    assert.deepEqual(firstArg(await visitor.socket.waitFor('finish chat session')), {
      by: 'agent',
    });

    for (const path of ['close', 'message', 'comment', 'watemplate']) {
      const again = await api(path, {
        sessionId,
        contentType: 'text/plain',
        content: path === 'watemplate' ? { elementname: 'e', namespace: 'n', params: [] } : 'late',
      });
      assert.equal(again.status, 409, path);
      assert.equal(errorOf(again), `Session ${sessionId} is closed`, path);
    }
    visitor.close();
  });

  it('answers 400 for a missing sessionId and 404 for an unknown one', async () => {
    assert.equal((await api('close', {})).status, 400);
    assert.equal((await api('close', { sessionId: 424242 })).status, 404);
    assert.equal((await api('close', undefined, { raw: 'nope' })).status, 400);
  });
});

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
