/**
 * Abuse proofs for robots (issue 13), on loopback with bounded sizes and times: a webhook that
 * drips its answer, one that streams 300 MB, an answer with one invalid part, and a robot token
 * used on chats its robot was never offered. Each test prints what it measured.
 */
import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../demo/server/app.js';
import { robotApiPlugin, type RobotApiPlugin } from '../../demo/server/robot/robot-api-plugin.js';
import { firstArg, itemOf, Visitor } from './support/chat-clients.js';
import { startTestServer, testConfig } from './support/test-server.js';

const measured = (what: string) => console.log(`# measured: ${what}`);

/** A webhook whose every answer `respond` writes; it records the bodies it was sent. */
class ScriptedWebhook {
  readonly bodies: Record<string, unknown>[] = [];
  respond: (response: ServerResponse, body: Record<string, unknown>) => void = (response) =>
    response.end(JSON.stringify({ type: 'empty' }));
  private constructor(private readonly server: Server) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  static async start(): Promise<ScriptedWebhook> {
    const server = createServer();
    const hook = new ScriptedWebhook(server);
    server.on('request', (request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        const body = JSON.parse(text) as Record<string, unknown>;
        hook.bodies.push(body);
        response.setHeader('content-type', 'application/json');
        hook.respond(response, body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return hook;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

let webhook: ScriptedWebhook;
let plugin: RobotApiPlugin;
let server: RunningServer;
let token: string;
const timers = new Set<NodeJS.Timeout>();

before(async () => {
  webhook = await ScriptedWebhook.start();
  plugin = robotApiPlugin({
    webhookTimeoutMs: 600,
    webhookRetries: 1,
    retryDelayMs: 20,
    webhookDeadlineMs: 1500,
  });
  server = await startTestServer({ config: testConfig(), plugins: [plugin] });
  token = await plugin.issueToken({ userName: 'Robbie', webhook: webhook.url, areaId: 1 });
  await bot('register', {});
});
after(async () => {
  for (const timer of timers) clearInterval(timer);
  await server.close();
  await webhook.close();
});

async function bot(endpoint: string, body: unknown): Promise<Response> {
  return fetch(`${server.baseURL}/api/bot/${endpoint}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('robots on a short leash', () => {
  it('a webhook that drips its answer is handed over within the exchange deadline', async () => {
    webhook.respond = (response) => {
      response.write('{"type":');
      const drip = setInterval(() => response.write(' '), 100);
      timers.add(drip);
      response.on('close', () => clearInterval(drip));
    };
    const visitor = await Visitor.connect(server.baseURL);
    const started = Date.now();
    await visitor.register({ message: 'drip for me' });
    const position = firstArg(await visitor.socket.waitFor('queue', () => true, 5000));
    const elapsed = Date.now() - started;
    measured(
      `slow-drip webhook (a byte every 100 ms): handed over after ${elapsed} ms (deadline 1500 ms), queue position ${position}`,
    );
    assert.ok(elapsed < 2500, `${elapsed} ms`);
    visitor.close();
  });

  it('a 300 MB chunked answer is cut off at the byte cap, RSS growth stays under 64 MB', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    webhook.respond = (response) => {
      response.write('{"type":"answer","content":"');
      const pump = () => {
        while (sent < 300 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end('"}');
      };
      response.on('close', () => response.removeAllListeners('drain'));
      pump();
    };
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    timers.add(sampler);
    const visitor = await Visitor.connect(server.baseURL);
    await visitor.register({ message: 'stream for me' });
    await visitor.socket.waitFor('queue', () => true, 8000);
    clearInterval(sampler);
    const growth = (peak - before) / 1024 / 1024;
    measured(
      `300 MB chunked answer: ${(sent / 1024 / 1024).toFixed(0)} MB sent before the cut, peak RSS growth ${growth.toFixed(1)} MB, chat handed over`,
    );
    assert.ok(sent < 300 * 1024 * 1024, 'the server stopped reading before the end');
    assert.ok(growth < 64, `${growth} MB`);
    visitor.close();
  });

  it('an answer with one invalid part is delivered without it, and the robot hears the visitor once', async () => {
    webhook.respond = (response) =>
      response.end(
        JSON.stringify({
          type: 'answer',
          contentType: 'text/plain',
          content: 'Here you go',
          attachments: [
            {
              type: 'template',
              data: {
                type: 'button',
                text: 'Pick one',
                buttons: [
                  { type: 'url', title: 'Bad', url: 'javascript:alert(1)' },
                  { type: 'postback', title: 'Good', data: 'good' },
                ],
              },
            },
            {
              type: 'file',
              data: {
                name: 'page.html',
                type: 'text/html',
                data: Buffer.from('<p>x</p>').toString('base64'),
              },
            },
          ],
        }),
      );
    const before = webhook.bodies.length;
    const visitor = await Visitor.connect(server.baseURL);
    await visitor.register({ message: 'hello robot' });
    const text = await visitor.nextMessage((message) => message.text === 'Here you go');
    assert.equal(text.sender, 'AGENT');
    const template = await visitor.nextMessage((message) => itemOf(message)?.event === 'TEMPLATE');
    const buttons = (itemOf(template)?.template as { buttons: { title: string }[] }).buttons;
    assert.deepEqual(
      buttons.map((button) => button.title),
      ['Good'],
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The text/html file is not one of the area's types: left out, nothing else posted.
    assert.ok(!visitor.messages().some((message) => itemOf(message)?.event === 'FILE_UPLOAD'));
    const heard = webhook.bodies.slice(before).filter((body) => body.message === 'hello robot');
    measured(
      `answer with a javascript: button and a text/html file: text + 1 of 2 buttons delivered, file left out; webhook called ${heard.length} time(s)`,
    );
    assert.equal(heard.length, 1);
    visitor.close();
  });

  it('a robot token acts only on chats its robot was offered, and its forged items are text', async () => {
    webhook.respond = (response) => response.end(JSON.stringify({ type: 'handover' }));
    // A chat of area 2, never offered to area 1's robot.
    const other = await Visitor.connect(server.baseURL);
    const foreign = await other
      .register({ area: 2, message: 'not for robots' })
      .catch(() => undefined);
    if (foreign) {
      const answer = await bot('message', { sessionId: foreign.sessionId, content: 'hi' });
      assert.equal(answer.status, 404);
      assert.equal((await bot('close', { sessionId: foreign.sessionId })).status, 404);
    }
    other.close();
    // A chat it was offered and handed over: it may comment, not post to the visitor or close.
    const visitor = await Visitor.connect(server.baseURL);
    const session = await visitor.register({ message: 'hand me over' });
    await visitor.socket.waitFor('queue');
    const post = await bot('message', { sessionId: session.sessionId, content: 'still here' });
    assert.equal(post.status, 409);
    assert.equal((await bot('close', { sessionId: session.sessionId })).status, 409);
    visitor.close();

    // While it owns a chat, a forged FILE_UPLOAD item arrives as text.
    webhook.respond = (response) => response.end(JSON.stringify({ type: 'empty' }));
    const third = await Visitor.connect(server.baseURL);
    const owned = await third.register({ message: 'forge for me' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const forged =
      '\u0001{"event":"FILE_UPLOAD","fileDownload":"http://evil.example/x","fileName":"x.pdf"}';
    const sent = await bot('message', {
      sessionId: owned.sessionId,
      contentType: 'text/html',
      content: forged,
    });
    assert.equal(sent.status, 200);
    const shown = await third.nextMessage((message) => message.text.includes('FILE_UPLOAD'));
    assert.equal(itemOf(shown), undefined, 'not a structured item');
    assert.equal(shown.text, forged.slice(1));
    third.close();
  });

  it('the robot API refuses a large body without a token before reading it', async () => {
    const started = Date.now();
    const response = await fetch(`${server.baseURL}/api/bot/message`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(13 * 1024 * 1024),
    });
    measured(
      `13 MB robot-API body without a token: HTTP ${response.status} after ${Date.now() - started} ms`,
    );
    assert.equal(response.status, 401);
  });
});
