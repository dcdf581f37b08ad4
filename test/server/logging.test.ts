/**
 * Logs are structured JSON and never contain a session secret or an agent token, even at debug
 * level and even when the secret travels in a URL.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { it } from 'node:test';
import { createLogger, scrubUrl } from '../../demo/server/logger.js';
import { Agent, Visitor } from './support/chat-clients.js';
import { startTestServer } from './support/test-server.js';

function captureStream(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

it('never writes session secrets or agent tokens to the log', async () => {
  const capture = captureStream();
  const server = await startTestServer({ logLevel: 'trace', logStream: capture.stream });
  let secret = '';
  let token = '';
  try {
    const visitor = await Visitor.connect(server.baseURL);
    const session = await visitor.register();
    secret = session.sessionSecret;
    const agent = await Agent.signIn(server.baseURL, 'Alice');
    token = agent.token;
    await agent.accept(session.sessionId);
    await visitor.say('hello');
    const form = new FormData();
    form.set('session', String(session.sessionId));
    form.set('sessionSecret', secret);
    form.set('uploadfile', new Blob(['x'], { type: 'text/plain' }), 'x.txt');
    const upload = (await (
      await fetch(`${server.baseURL}/socket/external.api/upload`, { method: 'POST', body: form })
    ).json()) as {
      download: string;
    };
    await fetch(`${upload.download}?t=${secret}`);
    await fetch(`${upload.download}?t=${token}`);
    await fetch(`${server.baseURL}/socket/external.api/savehistory?area=1&secret=${secret}`);
    await fetch(
      `${server.baseURL}/socket/external.api/canchat?area=1&sessionId=${session.sessionId}&secret=${secret}`,
    );
    visitor.close();
    agent.close();
  } finally {
    await server.close();
  }
  const log = capture.text();
  const lines = log.trim().split('\n');
  assert.ok(lines.length > 5, 'something was logged');
  for (const line of lines) JSON.parse(line);
  assert.ok(
    log.includes('/savehistory?area=1&secret=[redacted]'),
    'request URLs are logged, scrubbed',
  );
  assert.ok(!log.includes(secret), 'the session secret is not in the log');
  assert.ok(!log.includes(token), 'the agent token is not in the log');
});

it('redacts secret fields in any logged object', () => {
  const capture = captureStream();
  const logger = createLogger({ level: 'info', stream: capture.stream });
  logger.info(
    {
      sessionSecret: 's3cret-a',
      nested: { secret: 's3cret-b' },
      headers: { authorization: 'Bearer s3cret-c' },
      t: 's3cret-d',
    },
    'test',
  );
  const line = capture.text();
  assert.ok(!/s3cret/.test(line), line);
  assert.equal(scrubUrl('/x?t=abc&area=1&secret=def'), '/x?t=[redacted]&area=1&secret=[redacted]');
});

it('prints readable lines for a person with the same redaction', async () => {
  const capture = captureStream();
  const logger = createLogger({ level: 'info', stream: capture.stream, pretty: true });
  logger.info(
    { method: 'GET', url: scrubUrl('/s/demo/x?secret=s3cret-a'), status: 200, ms: 3 },
    'request',
  );
  logger.info({ sessionSecret: 's3cret-b', nested: { token: 's3cret-c' } }, 'signed in');
  logger.info({ url: 'http://127.0.0.1:8080/' }, 'chat server listening');
  // pino-pretty writes on the next turn.
  await new Promise((resolve) => setImmediate(resolve));
  const text = capture.text();
  assert.ok(!/s3cret/.test(text), text);
  assert.match(text, /GET \/s\/demo\/x\?secret=\[redacted\] → 200 \(3 ms\)/);
  assert.match(text, /chat server listening http:\/\/127\.0\.0\.1:8080\//);
  assert.throws(() => JSON.parse(text.split('\n')[0] ?? ''), 'not JSON');
});
