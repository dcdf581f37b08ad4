/**
 * The visitor's rating of a chat (`POST /socket/external.api/rating`): only the chat's own
 * visitor, only after the end, once, with a capped comment; agents of the chat hear `chat rated`,
 * and the `chat.ended` webhook waits for the rating to carry it.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../demo/server/app.js';
import { EndedChatWebhook } from '../../demo/server/ratings/ended-webhook.js';
import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyWebhookSignature,
  type WebhookDelivery,
} from '../../demo/server/webhooks/index.js';
import type { ChatRating } from '../../src/protocol/index.js';
import { Agent, Visitor, type SessionInfo } from './support/chat-clients.js';
import { startTestServer, testConfig } from './support/test-server.js';

let server: RunningServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

async function rate(body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.baseURL}/socket/external.api/rating`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const codeOf = (answer: { body: unknown }) =>
  (answer.body as { error?: { code?: string } }).error?.code;

/** A chat in area 1 that Bob accepted and the visitor ended. */
async function endedChat(): Promise<{ visitor: Visitor; agent: Agent; session: SessionInfo }> {
  const agent = await Agent.signIn(server.baseURL, 'Bob');
  const visitor = await Visitor.connect(server.baseURL);
  const session = await visitor.register();
  await agent.waitForQueued(session.sessionId);
  await agent.accept(session.sessionId);
  visitor.socket.sendUnchecked('close chat', {});
  await visitor.socket.waitFor('finish chat session');
  return { visitor, agent, session };
}

describe('chat ratings', () => {
  it('stores the rating of the chat’s own visitor after the end and tells its agent', async () => {
    const { visitor, agent, session } = await endedChat();
    try {
      const rated = agent.socket.waitFor(
        'chat rated',
        (f) => f.args[0].sessionId === session.sessionId,
      );
      const answer = await rate({
        sessionId: session.sessionId,
        secret: session.sessionSecret,
        score: 4,
        comment: '  Quick and friendly.\u202e ',
      });
      assert.deepEqual(answer, { status: 200, body: { ok: true } });
      const event = (await rated).args[0];
      assert.equal(event.score, 4);
      assert.equal(event.comment, 'Quick and friendly.', 'trimmed, bidi controls removed');
      assert.deepEqual(server.ratings.ratingOf(session.sessionId)?.score, 4);
      // A console that opens the closed chat later sees the rating in the snapshot.
      const stored = server.store.session(session.sessionId);
      assert.ok(stored);
      const snapshot = server.engine.view.snapshot(server.engine.sessions.contextOf(stored));
      assert.equal(snapshot.rating?.score, 4);
    } finally {
      visitor.close();
      agent.close();
    }
  });

  it('rates a chat once: the second rating is refused and the first stays', async () => {
    const { visitor, agent, session } = await endedChat();
    try {
      const first = { sessionId: session.sessionId, secret: session.sessionSecret, score: 5 };
      assert.equal((await rate(first)).status, 200);
      const second = await rate({ ...first, score: 1, comment: 'changed my mind' });
      assert.equal(second.status, 409);
      assert.equal(codeOf(second), 'already_rated');
      assert.equal(server.ratings.ratingOf(session.sessionId)?.score, 5);
      assert.equal(server.ratings.ratingOf(session.sessionId)?.comment, '');
    } finally {
      visitor.close();
      agent.close();
    }
  });

  it('refuses a rating before the chat has ended', async () => {
    const visitor = await Visitor.connect(server.baseURL);
    try {
      const session = await visitor.register();
      const answer = await rate({
        sessionId: session.sessionId,
        secret: session.sessionSecret,
        score: 3,
      });
      assert.equal(answer.status, 409);
      assert.equal(codeOf(answer), 'chat_open');
      assert.equal(server.ratings.ratingOf(session.sessionId), undefined);
    } finally {
      visitor.close();
    }
  });

  it('refuses a rating of another visitor’s chat (its id with my secret, or a made-up secret)', async () => {
    const mine = await endedChat();
    const theirs = await endedChat();
    try {
      const withMySecret = await rate({
        sessionId: theirs.session.sessionId,
        secret: mine.session.sessionSecret,
        score: 1,
      });
      assert.equal(withMySecret.status, 403);
      assert.equal(codeOf(withMySecret), 'bad_secret');
      const guessed = await rate({
        sessionId: theirs.session.sessionId,
        secret: 'guess',
        score: 1,
      });
      assert.equal(guessed.status, 403);
      assert.equal(server.ratings.ratingOf(theirs.session.sessionId), undefined);
      assert.equal(server.ratings.ratingOf(mine.session.sessionId), undefined);
    } finally {
      for (const side of [mine, theirs]) {
        side.visitor.close();
        side.agent.close();
      }
    }
  });

  it('refuses a huge comment unread (413) and a long one or a bad score by its schema (400)', async () => {
    const { visitor, agent, session } = await endedChat();
    try {
      const base = { sessionId: session.sessionId, secret: session.sessionSecret, score: 4 };
      const huge = await rate({ ...base, comment: 'x'.repeat(1024 * 1024) });
      assert.equal(huge.status, 413);
      assert.equal(codeOf(huge), 'too_large');
      const long = await rate({ ...base, comment: 'x'.repeat(1001) });
      assert.equal(long.status, 400);
      for (const score of [0, 6, 2.5, 'four', null]) {
        const answer = await rate({ ...base, score });
        assert.equal(answer.status, 400, `score ${JSON.stringify(score)}`);
        assert.equal(codeOf(answer), 'bad_request');
      }
      assert.equal((await rate('not json')).status, 400);
      assert.equal(server.ratings.ratingOf(session.sessionId), undefined, 'nothing was stored');
      // The longest allowed comment is fine.
      assert.equal((await rate({ ...base, comment: 'é'.repeat(1000) })).status, 200);
    } finally {
      visitor.close();
      agent.close();
    }
  });
});

it('limits ratings per address before reading the body (429)', async () => {
  const limited = await startTestServer({ admission: { ratings: { burst: 2, perSecond: 0.001 } } });
  try {
    const post = () =>
      fetch(`${limited.baseURL}/socket/external.api/rating`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sessionId: 1, secret: 'guess', score: 5 }),
      });
    assert.equal((await post()).status, 403);
    assert.equal((await post()).status, 403);
    const third = await post();
    assert.equal(third.status, 429);
    assert.equal(codeOf({ body: await third.json() }), 'rate_limited');
  } finally {
    await limited.close();
  }
});

describe('chat.ended with the rating', () => {
  it('waits for the visitor’s rating and sends it in chat.ended, signed', async () => {
    const received: { raw: string; headers: Record<string, string | string[] | undefined> }[] = [];
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ raw: Buffer.concat(chunks).toString(), headers: request.headers });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const secret = 'rating-receiver-secret-0123';
    const rated = await startTestServer({
      config: { ...testConfig(), webhooks: [{ url, secret, events: ['chat.ended'] }] },
      // Far longer than the test: only the rating can release the event.
      contactCenter: { ratingWindowMs: 60_000 },
    });
    const previous = server;
    server = rated;
    const chat = await endedChat();
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(received.length, 0, 'chat.ended waits for the rating');
      const answer = await rate({
        sessionId: chat.session.sessionId,
        secret: chat.session.sessionSecret,
        score: 2,
        comment: 'Slow answer',
      });
      assert.equal(answer.status, 200);
      for (let i = 0; i < 250 && received.length === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const [delivery] = received;
      assert.ok(delivery, 'chat.ended arrived after the rating');
      const body = JSON.parse(delivery.raw) as WebhookDelivery;
      assert.equal(body.event, 'chat.ended');
      assert.equal(body.data.sessionId, chat.session.sessionId);
      assert.equal(body.data.endedBy, 'client');
      assert.deepEqual(
        { ...(body.data.rating as Record<string, unknown>), ratedAt: undefined },
        { score: 2, comment: 'Slow answer', ratedAt: undefined },
      );
      const header = (name: string) => [delivery.headers[name]].flat()[0];
      assert.ok(
        verifyWebhookSignature(
          secret,
          header(TIMESTAMP_HEADER),
          delivery.raw,
          header(SIGNATURE_HEADER),
        ),
        'signed like every webhook',
      );
    } finally {
      chat.visitor.close();
      chat.agent.close();
      server = previous;
      await rated.close();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('sends chat.ended without a rating once the window has passed, and once only', async () => {
    const sent: unknown[] = [];
    let rate: ((sessionId: number) => void) | undefined;
    const stored = new Map<number, ChatRating>();
    const ended = new EndedChatWebhook(
      {
        onRated: (listener) => {
          rate = (sessionId) => listener(sessionId, stored.get(sessionId) as ChatRating);
          return () => undefined;
        },
        ratingOf: (sessionId) => stored.get(sessionId),
      },
      (data) => sent.push(data),
      50,
    );
    ended.ended({ sessionId: 1, endedBy: 'agent' });
    assert.equal(ended.pending, 1);
    await new Promise((resolve) => setTimeout(resolve, 120));
    assert.deepEqual(sent, [{ sessionId: 1, endedBy: 'agent', rating: null }]);
    // A rating after the window is stored (the console shows it) but chat.ended is not sent again.
    stored.set(1, { score: 5, comment: '', ratedAt: 0 });
    rate?.(1);
    assert.equal(sent.length, 1);
    ended.close();
  });
});
