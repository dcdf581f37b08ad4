/**
 * Conformance of the robot API endpoints (`/s/<workspace>/api/bot/*`, robot API document),
 * message: text, files and templates the visitor sees under the robot's name, and bad bodies,
 * content that is too long, and unknown or foreign sessions refused with `{"error": {"message": …}}`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Agent, itemOf, Visitor } from './support/chat-clients.js';
import {
  api,
  errorOf,
  robotChat,
  server,
  useRobotApiServer,
  webhook,
} from './support/robot-api-server.js';

const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAUAAAAFCAYAAACNbyblAAAAHElEQVQI12P4//8/w38GIAXDIBKE0DHxgljNBAAO9TXL0Y4OHwAAAABJRU5ErkJggg==';

useRobotApiServer();

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
