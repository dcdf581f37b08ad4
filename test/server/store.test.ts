/**
 * The store on its own (an in-memory database): every column reaches its record under its
 * camelCase name, messages are stored once per (session, sender, umid), delivery marks are
 * idempotent, migrations run once, and the robot tables appear only when asked for.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { openStore, type ChatStore, type NewSession } from '../../demo/server/store.js';

const NOW = Date.UTC(2026, 10, 20, 12);

const newSession = (overrides: Partial<NewSession> = {}): NewSession => ({
  secret: `secret-${Math.random()}`,
  areaId: 3,
  clientName: 'Vera',
  email: 'vera@example.com',
  phone: '123',
  externalData: '{"customer":7}',
  href: 'https://shop.example/cart',
  deviceInfo: 'Firefox',
  status: 'queued',
  robot: null,
  now: NOW,
  ...overrides,
});

let store: ChatStore;
beforeEach(() => {
  store = openStore(':memory:');
});
afterEach(() => store.close());

const tableNames = () =>
  store.db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
    .all()
    .map((row) => row.name);

describe('sessions', () => {
  it('returns every column under its record name', () => {
    const created = store.createSession(newSession({ secret: 's-1' }));
    assert.deepEqual(created, {
      id: created.id,
      secret: 's-1',
      areaId: 3,
      clientName: 'Vera',
      email: 'vera@example.com',
      phone: '123',
      externalData: '{"customer":7}',
      href: 'https://shop.example/cart',
      deviceInfo: 'Firefox',
      status: 'queued',
      robot: null,
      createdAt: NOW,
      queuedAt: NOW,
      acceptedAt: null,
      closedAt: null,
      closedBy: null,
      closeReason: null,
      lastActivityAt: NOW,
    });
    assert.deepEqual(store.sessionBySecret('s-1'), created);
    assert.equal(store.session(created.id + 100), undefined);
  });

  it('walks a session through queue, accept and an idempotent close', () => {
    const robotChat = store.createSession(newSession({ status: 'robot', robot: 'botty' }));
    assert.equal(robotChat.queuedAt, null);
    store.setQueued(robotChat.id, 4, NOW + 10);
    assert.deepEqual(
      { ...store.session(robotChat.id) },
      { ...robotChat, status: 'queued', areaId: 4, queuedAt: NOW + 10, robot: null },
    );
    store.setActive(robotChat.id, NOW + 20);
    store.setActive(robotChat.id, NOW + 30);
    assert.equal(store.session(robotChat.id)?.acceptedAt, NOW + 20, 'the first accept counts');
    assert.equal(store.setClosed(robotChat.id, NOW + 80, 'agent', 'done'), true);
    assert.equal(store.setClosed(robotChat.id, NOW + 90, 'visitor', null), false);
    const closed = store.session(robotChat.id);
    assert.equal(closed?.closedBy, 'agent');
    assert.equal(closed?.closeReason, 'done');
    assert.equal(closed?.closedAt, NOW + 80);
    assert.deepEqual(store.recentHandlingSeconds(4, 5), [0.06]);
    assert.deepEqual(store.openSessions(), []);
  });

  it('orders the queue by queue time, then id', () => {
    const first = store.createSession(newSession({ now: NOW + 5 }));
    const second = store.createSession(newSession({ now: NOW }));
    const third = store.createSession(newSession({ now: NOW }));
    store.createSession(newSession({ areaId: 9 }));
    assert.deepEqual(
      store.queuedInArea(3).map((session) => session.id),
      [second.id, third.id, first.id],
    );
    assert.equal(store.queuedCount(3), 3);
    assert.equal(store.queuePosition(second), 1);
    assert.equal(store.queuePosition(third), 2);
    assert.equal(store.queuePosition(first), 3);
  });

  it('keeps the agents of a chat in joining order', () => {
    const { id } = store.createSession(newSession());
    assert.equal(store.addAgent(id, 'Bob', NOW + 2), true);
    assert.equal(store.addAgent(id, 'Alice', NOW + 1), true);
    assert.equal(store.addAgent(id, 'Alice', NOW + 3), false);
    assert.deepEqual(store.agentsOf(id), ['Alice', 'Bob']);
    assert.equal(store.removeAgent(id, 'Alice'), true);
    assert.equal(store.removeAgent(id, 'Alice'), false);
    assert.deepEqual(store.agentsOf(id), ['Bob']);
  });
});

describe('messages', () => {
  it('stores a message once per (session, sender, umid) and reads the flag as a boolean', () => {
    const { id: sessionId } = store.createSession(newSession());
    const message = {
      sessionId,
      umid: 'c-1',
      sender: 'CLIENT',
      agentName: null,
      text: 'hello',
      sentAt: NOW,
    } as const;
    const first = store.insertMessage(message);
    assert.equal(first.isNew, true);
    assert.deepEqual(first.message, {
      id: first.message.id,
      sessionId,
      umid: 'c-1',
      sender: 'CLIENT',
      agentName: null,
      text: 'hello',
      sentAt: NOW,
      internal: false,
      ackedAt: null,
      deliveredAt: null,
      seenAt: null,
    });
    const again = store.insertMessage({ ...message, text: 'resent' });
    assert.deepEqual(again, { message: first.message, isNew: false });
    const comment = store.insertMessage({
      ...message,
      umid: '',
      sender: 'AGENT',
      agentName: 'Botty',
      text: 'internal note',
      internal: true,
    });
    assert.equal(comment.message.internal, true);
    assert.equal(store.firstMessageText(sessionId), 'hello');
    assert.deepEqual(
      store.messagesAfter(sessionId, first.message.id).map((row) => row.text),
      ['internal note'],
    );
  });

  it('marks acks, deliveries and views once, each only for its sender', () => {
    const { id: sessionId } = store.createSession(newSession());
    const base = { sessionId, agentName: null, sentAt: NOW } as const;
    const visitor = store.insertMessage({ ...base, umid: 'c', sender: 'CLIENT', text: 'q' });
    const agent = store.insertMessage({ ...base, umid: 'a', sender: 'AGENT', text: 'a' });
    const note = store.insertMessage({
      ...base,
      umid: 'n',
      sender: 'AGENT',
      text: 'n',
      internal: true,
    });
    const ids = [visitor.message.id, agent.message.id, note.message.id];
    assert.deepEqual(store.ackMessages(sessionId, ids, NOW + 1), [visitor.message.id]);
    assert.deepEqual(store.ackMessages(sessionId, ids, NOW + 2), []);
    assert.deepEqual(store.ackedClientMessageIds(sessionId), [visitor.message.id]);
    assert.deepEqual(store.markDelivered(sessionId, ids, NOW + 3), [
      agent.message.id,
      note.message.id,
    ]);
    assert.deepEqual(store.markSeen(sessionId, ids, NOW + 4), [agent.message.id]);
    assert.deepEqual(store.markSeen(sessionId, ids, NOW + 5), []);
    const [, seen] = store.messagesAfter(sessionId);
    assert.equal(seen?.deliveredAt, NOW + 3);
    assert.equal(seen?.seenAt, NOW + 4);
  });

  it('keeps postbacks and files', () => {
    const { id: sessionId } = store.createSession(newSession());
    store.insertPostback(sessionId, 'Yes', 'answer=yes', NOW);
    store.insertPostback(sessionId, 'No', 'answer=no', NOW);
    assert.deepEqual(store.postbacksOf(sessionId), [
      { title: 'Yes', data: 'answer=yes' },
      { title: 'No', data: 'answer=no' },
    ]);
    const file = {
      id: 'f-1',
      sessionId,
      name: 'a.txt',
      mime: 'text/plain',
      size: 3,
      data: Buffer.from('abc'),
      createdAt: NOW,
    };
    store.insertFile(file);
    assert.deepEqual(store.file('f-1'), file);
    assert.equal(store.file('f-2'), undefined);
  });
});

describe('transactions', () => {
  it('keeps all of a transaction or nothing', () => {
    const { id: sessionId } = store.createSession(newSession());
    const say = (umid: string) =>
      store.insertMessage({
        sessionId,
        umid,
        sender: 'CLIENT',
        agentName: null,
        text: umid,
        sentAt: NOW,
      });
    assert.equal(
      store.transaction(() => {
        say('a');
        say('b');
        return 'done';
      }),
      'done',
    );
    assert.throws(() =>
      store.transaction(() => {
        say('c');
        throw new Error('stop');
      }),
    );
    assert.deepEqual(
      store.messagesAfter(sessionId).map((message) => message.umid),
      ['a', 'b'],
    );
  });
});

describe('migrations', () => {
  it('runs each named migration once, also across reopening the data folder', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cention-store-'));
    try {
      const first = openStore(dataDir);
      let runs = 0;
      const migration = () => {
        runs += 1;
      };
      first.migrate('test-001', migration);
      first.migrate('test-001', migration);
      first.close();
      const second = openStore(dataDir);
      second.migrate('test-001', migration);
      second.close();
      assert.equal(runs, 1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('adds the robot tables only when the robot module asks for them', () => {
    assert.ok(!tableNames().includes('robot_bindings'));
    const robots = store.robotTables();
    assert.ok(tableNames().includes('robot_bindings'));
    assert.equal(store.robotTables(), robots);

    const key = robots.signingKey(Buffer.alloc(32, 1), NOW);
    assert.deepEqual(robots.signingKey(Buffer.alloc(32, 2), NOW), key, 'the first key stays');
    const binding = { areaId: 1, userName: 'Botty', webhook: 'http://127.0.0.1/hook' };
    robots.saveBinding({ ...binding, tokenId: 'j-1' }, NOW);
    robots.setRegistered({ areaId: 1, tokenId: 'j-1' }, true);
    assert.deepEqual(robots.binding(1), {
      ...binding,
      tokenId: 'j-1',
      registered: true,
      createdAt: NOW,
    });
    robots.saveBinding({ ...binding, tokenId: 'j-2' }, NOW + 1);
    robots.setRegistered({ areaId: 1, tokenId: 'j-1' }, true);
    assert.equal(robots.binding(1)?.registered, false, 'a replaced token registers nothing');
    robots.recordOffer(5, 1, NOW);
    assert.equal(robots.offeredToArea(5), 1);
    assert.equal(robots.offeredToArea(6), undefined);
  });
});
