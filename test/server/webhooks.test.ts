/**
 * Webhooks against real loopback receivers: every event a chat and an errand go through arrives
 * signed so that the documented verification passes (and fails for a changed body or an old
 * timestamp), a failing subscriber gets the same delivery again with backoff, a subscriber that
 * never answers does not delay a chat message (measured and printed), and a full queue drops its
 * oldest events instead of growing.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../demo/server/app.js';
import { createLogger } from '../../demo/server/logger.js';
import {
  Webhooks,
  verifyWebhookSignature,
  type WebhookDelivery,
} from '../../demo/server/webhooks/index.js';
import { Agent, Visitor } from './support/chat-clients.js';
import { startTestServer, testConfig } from './support/test-server.js';

const SECRET = 'receiver-secret-0123456789';

interface Received {
  raw: string;
  headers: IncomingHttpHeaders;
  delivery: WebhookDelivery;
}

/** A loopback receiver that records raw bodies and answers with what `answer` says. */
class Receiver {
  readonly received: Received[] = [];
  answer: (delivery: WebhookDelivery) => number | 'hang' = () => 200;
  private readonly hanging: (() => void)[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<Receiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const receiver = new Receiver(
      server,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    );
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString();
        const delivery = JSON.parse(raw) as WebhookDelivery;
        receiver.received.push({ raw, headers: request.headers, delivery });
        const status = receiver.answer(delivery);
        if (status === 'hang') receiver.hanging.push(() => response.destroy());
        else response.writeHead(status).end();
      });
    });
    return receiver;
  }

  async waitFor(
    where: (item: Received) => boolean,
    count = 1,
    timeoutMs = 5000,
  ): Promise<Received[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.received.filter(where);
      if (found.length >= count) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(
      `timed out waiting; got ${this.received.map((r) => r.delivery.event).join(', ')}`,
    );
  }

  events(): string[] {
    return this.received.map((item) => item.delivery.event);
  }

  async close(): Promise<void> {
    for (const end of this.hanging) end();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

const quiet = createLogger({ level: 'silent' });

describe('webhooks in a running server', () => {
  let receiver: Receiver;
  let hanging: Receiver;
  let server: RunningServer;

  before(async () => {
    receiver = await Receiver.start();
    hanging = await Receiver.start();
    hanging.answer = () => 'hang';
    server = await startTestServer({
      config: {
        ...testConfig(),
        webhooks: [
          { url: receiver.url, secret: SECRET },
          // Never answers: the chat must not notice.
          { url: hanging.url, secret: 'hanging-secret-0123456789', events: ['chat.message'] },
        ],
      },
      contactCenter: { webhooks: { timeoutMs: 30_000, attempts: 1 } },
    });
  });
  after(async () => {
    await server.close();
    await receiver.close();
    await hanging.close();
  });

  it('sends a chat’s start, messages and end, signed so the receiver can verify them', async () => {
    const visitor = await Visitor.connect(server.baseURL);
    const agent = await Agent.signIn(server.baseURL, 'Alice');
    try {
      const session = await visitor.register({ area: 1, message: 'Is my fibre down?' });
      await agent.waitForQueued(session.sessionId);
      await agent.accept(session.sessionId);
      await agent.say(session.sessionId, 'Let me check.');
      visitor.close();
      const isThisChat = (item: Received) => item.delivery.data.sessionId === session.sessionId;
      await receiver.waitFor(
        (item) => isThisChat(item) && item.delivery.event === 'chat.message',
        2,
      );
      // The visitor leaving ends the chat after its grace; end it from the console instead.
      await agent.act('end', { sessionId: session.sessionId });
      const [ended] = await receiver.waitFor(
        (item) => isThisChat(item) && item.delivery.event === 'chat.ended',
      );
      const mine = receiver.received.filter(isThisChat);
      assert.equal(mine[0]?.delivery.event, 'chat.started');
      const texts = mine
        .filter((item) => item.delivery.event === 'chat.message')
        .map((item) => item.delivery.data.text);
      assert.ok(texts.includes('Is my fibre down?'));
      assert.ok(texts.includes('Let me check.'));
      assert.equal(ended?.delivery.data.endedBy, 'agent');
      for (const item of mine) {
        const timestamp = item.headers['x-cention-timestamp'] as string;
        const signature = item.headers['x-cention-signature'] as string;
        assert.equal(item.headers['x-cention-event'], item.delivery.event);
        assert.equal(item.headers['x-cention-delivery'], item.delivery.id);
        assert.ok(verifyWebhookSignature(SECRET, timestamp, item.raw, signature));
        assert.ok(!verifyWebhookSignature(SECRET, timestamp, `${item.raw} `, signature));
        assert.ok(!verifyWebhookSignature('another-secret-012345', timestamp, item.raw, signature));
        const later = Number(timestamp) * 1000 + 10 * 60_000;
        assert.ok(!verifyWebhookSignature(SECRET, timestamp, item.raw, signature, { now: later }));
      }
    } finally {
      visitor.close();
      agent.close();
    }
  });

  it('sends errand.created, errand.updated and errand.closed', async () => {
    const { errands } = server.contactCenter;
    const errand = errands.create(
      { areaId: 2, name: 'Vera', email: 'vera@example.com', message: 'Call me back' },
      'chat',
    );
    errands.reply(errand.id, 'We will call at 10.', 'Alice');
    errands.close(errand.id, 'Alice');
    const forErrand = await receiver.waitFor((item) => item.delivery.data.id === errand.id, 3);
    assert.deepEqual(
      forErrand.map((item) => item.delivery.event),
      ['errand.created', 'errand.updated', 'errand.closed'],
    );
    assert.equal(forErrand[1]?.delivery.data.reply, 'We will call at 10.');
  });

  it('does not let a subscriber that never answers delay a chat message', async () => {
    const visitor = await Visitor.connect(server.baseURL);
    try {
      await visitor.register({ area: 1 });
      await hanging.waitFor(() => true); // its first delivery is now hanging
      const times: number[] = [];
      for (let index = 0; index < 20; index++) {
        const started = performance.now();
        await visitor.say(`message ${index}`);
        times.push(performance.now() - started);
      }
      times.sort((left, right) => left - right);
      const median = times[Math.floor(times.length / 2)] ?? 0;
      const worst = times.at(-1) ?? 0;
      console.log(
        `chat message round trip with a hanging webhook subscriber: median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms (20 messages; subscriber timeout 30 s)`,
      );
      // The subscriber's timeout is 30 s: had a send waited for it, 20 sends would take minutes.
      assert.ok(worst < 5000, `worst ${worst} ms`);
      assert.ok(server.contactCenter.webhooks.pending > 0, 'deliveries to it are still waiting');
    } finally {
      visitor.close();
    }
  });
});

describe('webhook queue', () => {
  it('retries a failing delivery with backoff, the same id each time, until it is taken', async () => {
    const receiver = await Receiver.start();
    let failures = 0;
    receiver.answer = () => (failures++ < 2 ? 503 : 200);
    const webhooks = new Webhooks([{ url: receiver.url, secret: SECRET }], {
      logger: quiet,
      backoffMs: 20,
    });
    try {
      webhooks.emit('errand.created', { id: 1 });
      const tries = await receiver.waitFor(() => true, 3);
      assert.equal(new Set(tries.map((item) => item.delivery.id)).size, 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(receiver.received.length, 3, 'no more tries once one succeeded');
      assert.equal(webhooks.pending, 0);
    } finally {
      webhooks.close();
      await receiver.close();
    }
  });

  it('gives up after the last attempt and logs it', async () => {
    const receiver = await Receiver.start();
    receiver.answer = () => 500;
    const lines: string[] = [];
    const logger = createLogger({
      level: 'warn',
      stream: { write: (line: string) => lines.push(line) },
    });
    const webhooks = new Webhooks([{ url: receiver.url, secret: SECRET }], {
      logger,
      backoffMs: 5,
      attempts: 3,
    });
    try {
      webhooks.emit('chat.ended', { sessionId: 1 });
      await receiver.waitFor(() => true, 3);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(receiver.received.length, 3);
      assert.ok(
        lines.some((line) => line.includes('webhook given up') && line.includes('status 500')),
      );
    } finally {
      webhooks.close();
      await receiver.close();
    }
  });

  it('keeps at most maxQueue events for a stuck subscriber, dropping the oldest', async () => {
    const receiver = await Receiver.start();
    receiver.answer = () => 'hang';
    const lines: string[] = [];
    const logger = createLogger({
      level: 'warn',
      stream: { write: (line: string) => lines.push(line) },
    });
    const webhooks = new Webhooks([{ url: receiver.url, secret: SECRET }], {
      logger,
      maxQueue: 10,
      concurrency: 1,
      timeoutMs: 60_000,
    });
    try {
      for (let index = 0; index < 100; index++) webhooks.emit('chat.message', { index });
      // One in flight, ten waiting.
      assert.equal(webhooks.pending, 11);
      assert.ok(lines.filter((line) => line.includes('webhook queue full')).length >= 89);
    } finally {
      webhooks.close();
      await receiver.close();
    }
  });

  it('sends only the events a subscriber asked for', async () => {
    const receiver = await Receiver.start();
    const webhooks = new Webhooks(
      [{ url: receiver.url, secret: SECRET, events: ['errand.closed'] }],
      {
        logger: quiet,
      },
    );
    try {
      webhooks.emit('errand.created', { id: 1 });
      webhooks.emit('errand.closed', { id: 1 });
      await receiver.waitFor(() => true);
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(receiver.events(), ['errand.closed']);
    } finally {
      webhooks.close();
      await receiver.close();
    }
  });
});
