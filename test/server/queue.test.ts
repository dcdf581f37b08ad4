/**
 * Queue, opening hours and idle expiry: positions and estimated waits, `queue full`,
 * `agent unavailable`, refusal outside opening hours (time-zone aware), and CHAT_EXPIRED.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunningServer } from '../../demo/server/app.js';
import type { CanChatResult, VisitorServerEvents } from '../../src/protocol/index.js';
import {
  Agent,
  connectVisitorSocket,
  errorCode,
  firstArg,
  itemOf,
  Visitor,
} from './support/chat-clients.js';
import { startTestServer, testConfig } from './support/test-server.js';

async function withServer(
  options: Parameters<typeof startTestServer>[0],
  body: (
    server: RunningServer,
    track: <T extends { close(): void }>(client: T) => T,
  ) => Promise<void>,
): Promise<void> {
  const server = await startTestServer(options);
  const clients: { close(): void }[] = [];
  try {
    await body(server, (client) => {
      clients.push(client);
      return client;
    });
  } finally {
    for (const client of clients) client.close();
    await server.close();
  }
}

type QueueEvent = { args: VisitorServerEvents['queue'] };
const position = (frame: QueueEvent) => frame.args[0];
const wait = (frame: QueueEvent) => frame.args[1]?.estimatedWaitSeconds;

describe('queue', () => {
  it('numbers waiting visitors in order and moves them up when a chat is accepted', async () => {
    await withServer({}, async (server, track) => {
      const visitors = [];
      for (let index = 0; index < 3; index++) {
        const visitor = track(await Visitor.connect(server.baseURL));
        await visitor.register({ name: `V${index}` });
        visitors.push(visitor);
      }
      const positions = await Promise.all(
        visitors.map(async (visitor) => position(await visitor.socket.waitFor('queue'))),
      );
      assert.deepEqual(positions, [1, 2, 3]);

      const agent = track(await Agent.signIn(server.baseURL, 'Alice'));
      const queue = firstArg(
        await agent.socket.waitFor('queue', (frame) => firstArg(frame).areaId === 1),
      );
      assert.deepEqual(
        queue.chats.map((chat) => chat.clientName),
        ['V0', 'V1', 'V2'],
      );
      assert.equal(queue.chats[0]?.firstMessage, 'Hello, I have a question');
      await agent.accept(queue.chats[0]?.sessionId ?? 0);

      assert.equal(position(await visitors[1]!.socket.waitFor('queue')), 1);
      assert.equal(position(await visitors[2]!.socket.waitFor('queue')), 2);
      // The console hears only the change: the accepted chat left, nobody joined. (A change the
      // console's sign-in copy already held, V2 arriving, may come first or with it: consoles apply
      // changes by session id, so that is harmless.)
      const change = firstArg(
        await agent.socket.waitFor('queue changed', (frame) => firstArg(frame).removed.length > 0),
      );
      assert.deepEqual(change.removed, [queue.chats[0]?.sessionId]);
      const known = new Set(queue.chats.slice(1).map((chat) => chat.sessionId));
      assert.ok(
        change.added.every((chat) => known.has(chat.sessionId)),
        'nobody new joined',
      );
    });
  });

  it('estimates the wait from the area default, then from recent handling times', async () => {
    let clock = Date.UTC(2026, 0, 5, 12, 0, 0);
    const config = testConfig([{ defaultHandlingSeconds: 100 }]);
    await withServer({ config, now: () => clock }, async (server, track) => {
      const first = track(await Visitor.connect(server.baseURL));
      const second = track(await Visitor.connect(server.baseURL));
      const one = await first.register();
      await second.register();
      assert.equal(wait(await first.socket.waitFor('queue')), 100);
      assert.equal(wait(await second.socket.waitFor('queue')), 200);

      // One chat handled in 40 s: the average of recent handling times is now 40 s.
      const agent = track(await Agent.signIn(server.baseURL, 'Alice'));
      await agent.accept(one.sessionId);
      clock += 40_000;
      await agent.act('end', { sessionId: one.sessionId });

      const third = track(await Visitor.connect(server.baseURL));
      await third.register();
      const told = await third.socket.waitFor('queue');
      assert.equal(position(told), 2);
      assert.equal(wait(told), 80);
    });
  });

  it('answers queue full past the capacity and closes that chat', async () => {
    await withServer({ config: testConfig([{ queueCapacity: 2 }]) }, async (server, track) => {
      for (let index = 0; index < 2; index++) {
        await track(await Visitor.connect(server.baseURL)).register();
      }
      const late = track(await Visitor.connect(server.baseURL));
      const session = await late.register();
      await late.socket.waitFor('queue full');
      assert.equal(late.socket.all('queue').length, 0);
      const again = track(await Visitor.connect(server.baseURL));
      assert.deepEqual(firstArg(await again.resume(session)), { error: 'chat closed' });
    });
  });

  it('answers agent unavailable in an area that does not queue without agents', async () => {
    await withServer({}, async (server, track) => {
      const visitor = track(await Visitor.connect(server.baseURL));
      await visitor.register({ area: 2 });
      await visitor.socket.waitFor('agent unavailable');

      // With an agent of the area signed in, the same area queues.
      track(await Agent.signIn(server.baseURL, 'Carol'));
      const next = track(await Visitor.connect(server.baseURL));
      await next.register({ area: 2 });
      assert.equal(position(await next.socket.waitFor('queue')), 1);
    });
  });
});

describe('opening hours', () => {
  const officeHours = { mon: [{ open: '08:00', close: '17:00' }] };
  const config = testConfig([{ openingHours: officeHours, timeZone: 'Europe/Stockholm' }]);

  it('refuses to register outside opening hours and says so in canchat', async () => {
    let clock = Date.UTC(2026, 0, 3, 12, 0); // a Saturday
    await withServer({ config, now: () => clock }, async (server, track) => {
      const client = track(await connectVisitorSocket(server.baseURL));
      const refused = await client.request('register', {
        area: 1,
        name: 'Sam',
        email: '',
        message: 'hi',
      });
      assert.equal(refused.event, 'error');
      assert.equal(errorCode(refused), 'outside_hours');
      const canChat = (await (
        await fetch(`${server.baseURL}/socket/external.api/canchat?area=1`)
      ).json()) as CanChatResult;
      assert.equal(canChat.chatOpen, false);
      assert.deepEqual(canChat.openingHours, [{ day: 'mon', open: '08:00', close: '17:00' }]);

      clock = Date.UTC(2026, 0, 5, 9, 0); // Monday 10:00 in Stockholm
      const accepted = await client.request('register', {
        area: 1,
        name: 'Sam',
        email: '',
        message: 'hi',
      });
      assert.equal(accepted.event, 'register');
    });
  });

  it('uses the area time zone, including daylight saving time', async () => {
    let clock = 0;
    await withServer({ config, now: () => clock }, async (server) => {
      const isOpen = async () =>
        (
          (await (
            await fetch(`${server.baseURL}/socket/external.api/canchat?area=1`)
          ).json()) as CanChatResult
        ).chatOpen;
      clock = Date.UTC(2026, 6, 6, 6, 30); // Monday 6 July, 08:30 in Stockholm (UTC+2)
      assert.equal(await isOpen(), true);
      clock = Date.UTC(2026, 0, 5, 6, 30); // Monday 5 January, 07:30 in Stockholm (UTC+1)
      assert.equal(await isOpen(), false);
      clock = Date.UTC(2026, 0, 5, 15, 59); // 16:59 local
      assert.equal(await isOpen(), true);
      clock = Date.UTC(2026, 0, 5, 16, 0); // 17:00 local: closed
      assert.equal(await isOpen(), false);
    });
  });
});

describe('idle expiry', () => {
  it('closes an idle chat with CHAT_EXPIRED and finish chat session by system', async () => {
    await withServer(
      { config: testConfig([{ idleExpirySeconds: 0.3 }]) },
      async (server, track) => {
        const visitor = track(await Visitor.connect(server.baseURL));
        const session = await visitor.register();
        const agent = track(await Agent.signIn(server.baseURL, 'Alice'));
        await agent.accept(session.sessionId);
        const finish = await visitor.socket.waitFor('finish chat session', undefined, 5000);
        assert.deepEqual(firstArg(finish), { by: 'system', reason: 'expired' });
        const expired = visitor
          .messages()
          .find((message) => itemOf(message)?.event === 'CHAT_EXPIRED');
        assert.ok(expired, 'a CHAT_EXPIRED item was sent');
        assert.equal(expired.sender, 'SYSTEM');
        const ended = firstArg(await agent.socket.waitFor('chat ended'));
        assert.equal(ended.reason, 'expired');
      },
    );
  });

  it('ends a waiting chat soon after its visitor has gone, but not while the visitor is there', async () => {
    await withServer(
      { config: testConfig([{ abandonedWaitSeconds: 0.4, queueWithoutAgents: true }]) },
      async (server, track) => {
        const staying = track(await Visitor.connect(server.baseURL));
        const stayingSession = await staying.register({ name: 'Staying' });
        const leaving = track(await Visitor.connect(server.baseURL));
        const leavingSession = await leaving.register({ name: 'Leaving' });
        const reloading = track(await Visitor.connect(server.baseURL));
        const reloadingSession = await reloading.register({ name: 'Reloading' });
        leaving.close();
        // A page reload: gone for a moment, back well within the limit.
        reloading.close();
        await new Promise((resolve) => setTimeout(resolve, 150));
        const reloaded = track(await Visitor.connect(server.baseURL));
        await reloaded.resume(reloadingSession);
        await new Promise((resolve) => setTimeout(resolve, 900));
        const stateOf = (id: number) => server.store.session(id)?.status;
        assert.equal(stateOf(leavingSession.sessionId), 'closed', 'the abandoned chat ended');
        assert.equal(server.store.session(leavingSession.sessionId)?.closeReason, 'expired');
        assert.equal(
          stateOf(stayingSession.sessionId),
          'queued',
          'a visitor still there keeps waiting',
        );
        assert.equal(stateOf(reloadingSession.sessionId), 'queued', 'a reload keeps the place');
        // The agent's queue no longer lists the abandoned chat.
        const agent = track(await Agent.signIn(server.baseURL, 'Alice'));
        const entry = await agent.waitForQueued(stayingSession.sessionId);
        assert.equal(entry.sessionId, stayingSession.sessionId);
      },
    );
  });
});
