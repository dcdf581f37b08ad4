/**
 * A scriptable robot webhook for the robot tests: a real HTTP server on loopback that records
 * every request and answers with whatever the test's `reply` function returns (a status and a
 * body, or a hang, to play a slow robot).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookCall {
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
}

/** What to answer: JSON (`json`), raw text (`raw`), or nothing for `hangMs` ms. */
export type FakeReply = { status?: number; json?: unknown; raw?: string; hangMs?: number };

export class FakeWebhook {
  readonly calls: WebhookCall[] = [];
  reply: (call: WebhookCall) => FakeReply | Promise<FakeReply> = () => ({
    json: { type: 'empty' },
  });
  private waiters: { count: number; resolve: () => void }[] = [];

  private constructor(
    private readonly server: ReturnType<typeof createServer>,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeWebhook> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeWebhook(server, `http://127.0.0.1:${port}/webhook`);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      void fake.handle(request, response);
    });
    return fake;
  }

  /** Resolves with the first request (past or future) that matches. */
  async waitForCall(matches: (call: WebhookCall) => boolean): Promise<WebhookCall> {
    for (;;) {
      const found = this.calls.find(matches);
      if (found) return found;
      await this.waitForCalls(this.calls.length + 1);
    }
  }

  /** Resolves once `count` requests in total have arrived. */
  waitForCalls(count: number): Promise<void> {
    if (this.calls.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const call = {
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      headers: request.headers,
    };
    this.calls.push(call);
    this.waiters = this.waiters.filter((waiter) => {
      if (this.calls.length < waiter.count) return true;
      waiter.resolve();
      return false;
    });
    const reply = await this.reply(call);
    if (reply.hangMs !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, reply.hangMs));
      if (response.destroyed) return;
    }
    const text = reply.raw ?? JSON.stringify(reply.json ?? { type: 'empty' });
    response.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
    response.end(text);
  }
}
