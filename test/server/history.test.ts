/**
 * History in pages (docs/protocol-notes.md "History"): `resume` with `historyLimit` replays only
 * the newest page and says whether older messages exist; `history {before, limit}` pages back by
 * message-id cursor. Tried as an attacker would: bad and foreign cursors, a wrong secret, huge
 * limits — a clear error or a clamped page, never another visitor's messages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../demo/server/app.js';
import type { HistoryPage, SessionInfo } from '../../src/protocol/index.js';
import { errorCode, firstArg, Visitor } from './support/chat-clients.js';
import { startTestServer, testConfig } from './support/test-server.js';

let server: RunningServer;
const open: { close(): void }[] = [];
const track = <T extends { close(): void }>(client: T): T => {
  open.push(client);
  return client;
};

before(async () => {
  server = await startTestServer({ config: testConfig([{}]) });
});
after(async () => {
  for (const client of open) client.close();
  await server.close();
});

/** A chat with the first question plus `count` stored agent messages ("m1" … "m<count>"). */
async function chatWith(count: number, name = 'Ann'): Promise<SessionInfo> {
  const visitor = track(await Visitor.connect(server.baseURL));
  const session = await visitor.register({ name, message: `${name} asks` });
  const now = Date.now();
  for (let n = 1; n <= count; n++) {
    server.store.insertMessage({
      sessionId: session.sessionId,
      umid: '',
      sender: 'AGENT',
      agentName: 'Alice',
      text: `${name} m${n}`,
      sentAt: now,
    });
  }
  visitor.close();
  return session;
}

async function resumed(session: SessionInfo, data: Record<string, unknown> = {}) {
  const visitor = track(await Visitor.connect(server.baseURL));
  const answer = await visitor.socket.requestUnchecked(
    'resume',
    { sessionId: session.sessionId, sessionSecret: session.sessionSecret, ...data },
    'resume',
  );
  return { visitor, answer: firstArg<Record<string, unknown>>(answer) };
}

const texts = (page: HistoryPage) => page.messages.map((message) => message.text);

describe('resume with historyLimit', () => {
  it('replays only the newest page and says older messages exist', async () => {
    const session = await chatWith(120);
    const { visitor, answer } = await resumed(session, { historyLimit: 50 });
    assert.equal(answer.sessionId, session.sessionId);
    assert.equal(answer.hasOlder, true);
    const replay = firstArg(await visitor.socket.waitFor('chat message'));
    assert.equal(replay.chat.length, 50);
    assert.equal(replay.chat[0]?.text, 'Ann m71');
    assert.equal(replay.chat.at(-1)?.text, 'Ann m120');
  });

  it('a short chat fits in the page: hasOlder false; without historyLimit everything, as before', async () => {
    const session = await chatWith(3);
    const paged = await resumed(session, { historyLimit: 50 });
    assert.equal(paged.answer.hasOlder, false);
    const page = firstArg(await paged.visitor.socket.waitFor('chat message'));
    assert.deepEqual(
      page.chat.map((message) => message.text),
      ['Ann asks', 'Ann m1', 'Ann m2', 'Ann m3'],
    );
    const long = await chatWith(120, 'Bo');
    const classic = await resumed(long);
    assert.equal('hasOlder' in classic.answer, false, 'a classic resume answers as before');
    assert.equal(firstArg(await classic.visitor.socket.waitFor('chat message')).chat.length, 121);
  });

  it('with lastSeenId still replays everything after it (reconnect backfill keeps its meaning)', async () => {
    const session = await chatWith(80);
    const first = await resumed(session, { historyLimit: 10 });
    const page = firstArg(await first.visitor.socket.waitFor('chat message'));
    const lastSeenId = page.chat.at(-10)?.id;
    const again = await resumed(session, { historyLimit: 5, lastSeenId });
    const missed = firstArg(await again.visitor.socket.waitFor('chat message'));
    assert.equal(missed.chat.length, 9);
  });
});

describe('history', () => {
  it('pages back by cursor to the first message, in order, each message once', async () => {
    const session = await chatWith(120);
    const { visitor } = await resumed(session, { historyLimit: 50 });
    const newest = firstArg(await visitor.socket.waitFor('chat message')).chat;
    const all = newest.map((message) => message.text);
    let cursor = newest[0]?.id;
    let hasMore = true;
    let pages = 0;
    while (hasMore) {
      const answer = await visitor.socket.request('history', { before: cursor, limit: 50 });
      assert.equal(answer.event, 'history');
      const page = firstArg(answer) as HistoryPage;
      all.unshift(...texts(page));
      cursor = page.messages[0]?.id;
      hasMore = page.hasMore;
      pages += 1;
    }
    assert.equal(pages, 2);
    assert.deepEqual(all, ['Ann asks', ...Array.from({ length: 120 }, (_, i) => `Ann m${i + 1}`)]);
  });

  it('without before starts at the newest; a huge limit is clamped to 100, zero to 1', async () => {
    const session = await chatWith(150);
    const { visitor } = await resumed(session);
    await visitor.socket.waitFor('chat message');
    const huge = firstArg(await visitor.socket.request('history', { limit: 1_000_000 }, 'history'));
    assert.equal(huge.messages.length, 100);
    assert.equal(huge.messages.at(-1)?.text, 'Ann m150');
    assert.equal(huge.hasMore, true);
    const tiny = firstArg(await visitor.socket.request('history', { limit: 0 }, 'history'));
    assert.deepEqual(texts(tiny), ['Ann m150']);
  });

  it('refuses a cursor that is not a message of this chat, and never shows another chat', async () => {
    const mine = await chatWith(5, 'Ann');
    const theirs = await chatWith(5, 'Eve');
    const { visitor } = await resumed(mine);
    await visitor.socket.waitFor('chat message');
    const evePage = await resumed(theirs);
    const eveMessages = firstArg(await evePage.visitor.socket.waitFor('chat message')).chat;
    const foreign = await visitor.socket.request('history', { before: eveMessages.at(-1)?.id });
    assert.equal(errorCode(foreign), 'not_found');
    const missing = await visitor.socket.request('history', { before: 2 ** 40 });
    assert.equal(errorCode(missing), 'not_found');
    const text = await visitor.socket.requestUnchecked('history', { before: 'newest' });
    assert.equal(errorCode(text), 'bad_frame');
    const negative = await visitor.socket.requestUnchecked('history', { limit: 'all' });
    assert.equal(errorCode(negative), 'bad_frame');
    // The connection stays up and still pages its own chat only.
    const page = firstArg(await visitor.socket.request('history', { limit: 100 }, 'history'));
    assert.ok(page.messages.every((message) => message.text.startsWith('Ann')));
    assert.equal(page.messages.length, 6);
  });

  it('needs a chat authorised by its secret: before resume, or after a wrong secret, no_session', async () => {
    const session = await chatWith(5, 'Cy');
    const stranger = track(await Visitor.connect(server.baseURL));
    const unbound = await stranger.socket.request('history', {});
    assert.equal(errorCode(unbound), 'no_session');
    const wrong = await stranger.resume({ ...session, sessionSecret: 'x'.repeat(32) });
    assert.deepEqual(firstArg(wrong), { error: 'bad secret' });
    const after = await stranger.socket.request('history', {});
    assert.equal(errorCode(after), 'no_session');
    assert.equal(stranger.socket.all('history').length, 0);
  });

  it('leaves out internal robot comments, as the chat itself does', async () => {
    const session = await chatWith(2, 'Di');
    server.store.insertMessage({
      sessionId: session.sessionId,
      umid: 'note-1',
      sender: 'AGENT',
      agentName: 'Robot',
      text: 'internal note',
      sentAt: Date.now(),
      internal: true,
    });
    const { visitor } = await resumed(session, { historyLimit: 2 });
    const page = firstArg(await visitor.socket.waitFor('chat message'));
    assert.deepEqual(
      page.chat.map((message) => message.text),
      ['Di m1', 'Di m2'],
    );
    const older = firstArg(
      await visitor.socket.request('history', { before: page.chat[0]?.id }, 'history'),
    );
    assert.deepEqual(texts(older), ['Di asks']);
    assert.equal(older.hasMore, false);
  });
});
