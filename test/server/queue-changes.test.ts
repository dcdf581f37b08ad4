/**
 * Agent consoles get an area's whole queue once (`queue`, at sign-in) and then only what changed
 * (`queue changed`): a join or an accept in a long queue costs one entry, not the whole list.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QueueEntry } from '../../src/protocol/index.js';
import { Agent, firstArg, Visitor } from './support/chat-clients.js';
import { startTestServer, testConfig } from './support/test-server.js';

const QUEUED = 300;

/** The size of an event as it goes over the socket (the envelope is JSON). */
const wireBytes = (frame: { event: unknown; args: readonly unknown[] }): number =>
  Buffer.byteLength(JSON.stringify({ event: frame.event, args: frame.args }));

describe('queue changes', () => {
  it(`a join and an accept in a queue of ${QUEUED} send only the change`, async (t) => {
    const server = await startTestServer({
      config: testConfig([{ queueCapacity: 1000 }]),
      // One visitor socket per waiting chat, all from 127.0.0.1.
      admission: { connectionsPerAddress: QUEUED + 10 },
    });
    const clients: { close(): void }[] = [];
    try {
      // Alice watches from the start: once her changes hold every chat, no update is pending, so
      // Bob's sign-in below is not crossed by one (a crossing is harmless, but not what we measure).
      const watcher = await Agent.signIn(server.baseURL, 'Alice');
      clients.push(watcher);
      const seen = new Set<number>();
      const sawAll = watcher.socket.waitForAny((frame) => {
        // The first update after the server starts is a whole `queue` (nothing to compare with).
        const entries =
          frame.event === 'queue changed'
            ? firstArg<{ added: QueueEntry[] }>(frame).added
            : frame.event === 'queue'
              ? firstArg<{ chats: QueueEntry[] }>(frame).chats
              : [];
        for (const entry of entries) seen.add(entry.sessionId);
        return seen.size === QUEUED;
      });
      for (let batch = 0; batch < QUEUED / 50; batch++) {
        const visitors = await Promise.all(
          Array.from({ length: 50 }, () => Visitor.connect(server.baseURL)),
        );
        clients.push(...visitors);
        await Promise.all(
          visitors.map((visitor, index) => visitor.register({ name: `V${batch * 50 + index}` })),
        );
      }
      await sawAll;
      const agent = await Agent.signIn(server.baseURL, 'Bob');
      clients.push(agent);
      const full = await agent.socket.waitFor('queue', (frame) => firstArg(frame).areaId === 1);
      assert.equal(firstArg(full).chats.length, QUEUED);

      const late = await Visitor.connect(server.baseURL);
      clients.push(late);
      const session = await late.register({ name: 'Late' });
      const joined = await agent.socket.waitFor('queue changed');
      assert.deepEqual(
        firstArg(joined).added.map((entry) => [entry.sessionId, entry.clientName]),
        [[session.sessionId, 'Late']],
      );
      assert.deepEqual(firstArg(joined).removed, []);

      const oldest = firstArg(full).chats[0]?.sessionId ?? 0;
      await agent.accept(oldest);
      const left = await agent.socket.waitFor('queue changed');
      assert.deepEqual(firstArg(left), { areaId: 1, added: [], removed: [oldest] });
      assert.equal(agent.socket.all('queue').length, 1, 'the whole queue was sent once');

      const fullBytes = wireBytes(full);
      const joinBytes = wireBytes(joined);
      const leaveBytes = wireBytes(left);
      t.diagnostic(
        `queue of ${QUEUED}: full ${fullBytes} B; a join ${joinBytes} B; an accept ${leaveBytes} B`,
      );
      assert.ok(joinBytes * 100 < fullBytes, `a join costs ${joinBytes} of ${fullBytes} bytes`);
      assert.ok(
        leaveBytes * 100 < fullBytes,
        `an accept costs ${leaveBytes} of ${fullBytes} bytes`,
      );
    } finally {
      for (const client of clients) client.close();
      await server.close();
    }
  });

  it('a console signing in gets the whole queue, and then the changes like the others', async () => {
    const server = await startTestServer();
    const clients: { close(): void }[] = [];
    try {
      const first = await Visitor.connect(server.baseURL);
      clients.push(first);
      const one = await first.register({ name: 'One' });
      const bob = await Agent.signIn(server.baseURL, 'Bob');
      clients.push(bob);
      await bob.waitForQueued(one.sessionId);
      const second = await Visitor.connect(server.baseURL);
      clients.push(second);
      const two = await second.register({ name: 'Two' });
      await bob.waitForQueued(two.sessionId);

      // Alice signs in later: her fresh copy holds both, in queue order.
      const alice = await Agent.signIn(server.baseURL, 'Alice');
      clients.push(alice);
      const copy = await alice.socket.waitFor('queue', (frame) => firstArg(frame).areaId === 1);
      assert.deepEqual(
        firstArg(copy).chats.map((entry) => entry.sessionId),
        [one.sessionId, two.sessionId],
      );
      await bob.accept(one.sessionId);
      for (const agent of [alice, bob]) {
        const change = await agent.socket.waitFor('queue changed');
        assert.deepEqual(firstArg(change), { areaId: 1, added: [], removed: [one.sessionId] });
      }
    } finally {
      for (const client of clients) client.close();
      await server.close();
    }
  });
});
