/**
 * The HTTP limits through `@fastify/rate-limit` (http-rate-limit.ts): 429 with `Retry-After`, the
 * `x-ratelimit-*` headers and the API's error body, counted as a token bucket (a request is let
 * through again once a token is back, on the server's clock), per address, per chat for uploads
 * (from two addresses of the loopback network) and in the robot API's own error shape.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { describe, it } from 'node:test';
import { robotApiPlugin } from '../../demo/server/robot/robot-api-plugin.js';
import { Visitor } from './support/chat-clients.js';
import { startTestServer } from './support/test-server.js';

const measured = (what: string) => console.log(`# measured: ${what}`);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request from `localAddress` (any of 127.0.0.0/8 reaches the server on 127.0.0.1). */
async function send(
  url: string,
  init: { method?: string; body?: FormData; localAddress?: string } = {},
): Promise<Answer> {
  let body: Buffer | undefined;
  let contentType: string | undefined;
  if (init.body) {
    const encoded = new Request(url, { method: 'POST', body: init.body });
    body = Buffer.from(await encoded.arrayBuffer());
    contentType = encoded.headers.get('content-type') ?? undefined;
  }
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      {
        method: init.method ?? (body ? 'POST' : 'GET'),
        localAddress: init.localAddress,
        agent: false,
        headers: {
          origin: 'https://shop.example',
          ...(contentType ? { 'content-type': contentType } : {}),
          ...(body ? { 'content-length': String(body.length) } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function uploadForm(sessionId: number, secret: string): FormData {
  const form = new FormData();
  form.set('session', String(sessionId));
  form.set('sessionSecret', secret);
  form.set('uploadfile', new Blob([Buffer.alloc(100, 1)], { type: 'application/pdf' }), 'a.pdf');
  return form;
}

describe('HTTP rate limits (@fastify/rate-limit)', () => {
  it('answers 429 with Retry-After and the error body, and lets through again when a token is back', async () => {
    let clock = Date.now();
    const server = await startTestServer({
      now: () => clock,
      admission: { canChat: { burst: 3, perSecond: 0.5 } },
    });
    try {
      const canChat = () => send(`${server.baseURL}/socket/external.api/canchat?area=1`);
      const first = await canChat();
      assert.equal(first.status, 200);
      assert.equal(first.headers['x-ratelimit-limit'], '3');
      assert.equal(first.headers['x-ratelimit-remaining'], '2');
      assert.equal((await canChat()).status, 200);
      assert.equal((await canChat()).status, 200);
      const refused = await canChat();
      measured(
        `canchat {burst 3, 0.5/s}: 4th request ${refused.status}, Retry-After ${String(refused.headers['retry-after'])} s`,
      );
      assert.equal(refused.status, 429);
      // One token every 2 s: that is when the next request gets through.
      assert.equal(refused.headers['retry-after'], '2');
      assert.equal(refused.headers['x-ratelimit-remaining'], '0');
      assert.equal(refused.headers.connection, 'close');
      // A page of another origin can read why (CORS runs before the limit).
      assert.equal(refused.headers['access-control-allow-origin'], '*');
      assert.deepEqual(JSON.parse(refused.body), {
        error: {
          code: 'rate_limited',
          message: 'Too many requests from your network; wait a moment.',
        },
      });
      // Still refused a moment later; let through once the server's clock says a token is back.
      clock += 1000;
      assert.equal((await canChat()).status, 429);
      clock += 1000;
      assert.equal((await canChat()).status, 200);
      assert.equal((await canChat()).status, 429);
      // Another address has its own allowance.
      const other = await send(`${server.baseURL}/socket/external.api/canchat?area=1`, {
        localAddress: '127.0.0.2',
      });
      assert.equal(other.status, 200);
    } finally {
      await server.close();
    }
  });

  it('limits uploads per chat across addresses, and per address across chats', async () => {
    const server = await startTestServer({ admission: { uploads: { burst: 2, perSecond: 0.01 } } });
    const visitors: Visitor[] = [];
    try {
      const open = async () => {
        const visitor = await Visitor.connect(server.baseURL);
        visitors.push(visitor);
        return visitor.register();
      };
      const chat = await open();
      const url = `${server.baseURL}/socket/external.api/upload`;
      const upload = (localAddress: string, session = chat) =>
        send(url, { body: uploadForm(session.sessionId, session.sessionSecret), localAddress });
      // Two addresses, one chat: the chat's allowance (2) runs out first.
      assert.equal((await upload('127.0.0.2')).status, 200);
      assert.equal((await upload('127.0.0.3')).status, 200);
      const perChat = await upload('127.0.0.4');
      assert.equal(perChat.status, 429);
      assert.match(perChat.body, /in this chat/);
      assert.ok(
        Number(perChat.headers['retry-after']) >= 99,
        String(perChat.headers['retry-after']),
      );
      // One address, another chat: the address's allowance (2) runs out.
      const second = await open();
      assert.equal((await upload('127.0.0.5', second)).status, 200);
      assert.equal((await upload('127.0.0.5', second)).status, 200);
      const perAddress = await upload('127.0.0.5', second);
      assert.equal(perAddress.status, 429);
      assert.match(perAddress.body, /Too many uploads; wait a minute/);
    } finally {
      for (const visitor of visitors) visitor.close();
      await server.close();
    }
  });

  it('limits robot API calls per address, answered in the robot API’s error shape', async () => {
    const server = await startTestServer({
      plugins: [robotApiPlugin()],
      admission: { robotApi: { burst: 2, perSecond: 1 } },
    });
    try {
      const register = () => send(`${server.baseURL}/api/bot/register`, { method: 'POST' });
      assert.equal((await register()).status, 401);
      assert.equal((await register()).status, 401);
      const refused = await register();
      assert.equal(refused.status, 429);
      assert.equal(refused.headers['retry-after'], '1');
      assert.deepEqual(JSON.parse(refused.body), {
        error: { message: 'Too many robot API calls; slow down.' },
      });
    } finally {
      await server.close();
    }
  });
});
