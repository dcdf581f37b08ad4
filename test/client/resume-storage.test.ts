import { expect } from '@open-wc/testing';
import { CentionChat, createCentionChat } from '../../src/client/centionchat.js';
import type { ResumeResult } from '../../src/client/events.js';
import { readStoredSession } from '../../src/client/session-store.js';
import type { SessionStorageKind } from '../../src/client/types.js';
import { startFakeServer, type FakeServer } from '../support/fake-server-client.js';
import {
  clearClientStorage,
  deliveredTexts,
  EventLog,
  testClient,
  visitor,
  waitFor,
} from './helpers.js';

/** Everything a page can see of the client's storage. */
function storageSnapshot() {
  return {
    sessionStorage: Object.keys(sessionStorage),
    localStorage: Object.keys(localStorage),
    cookie: document.cookie,
  };
}

const empty = { sessionStorage: [], localStorage: [], cookie: '' };

describe('CentionChat tryResume (a page navigation)', () => {
  let server: FakeServer;
  const clients: CentionChat[] = [];

  function newPage(kind?: SessionStorageKind): CentionChat {
    const chat = testClient(server.baseURL, kind ? { sessionStorage: kind } : {});
    clients.push(chat);
    return chat;
  }

  function resume(chat: CentionChat): Promise<ResumeResult> {
    return new Promise((resolve) => chat.tryResume(resolve));
  }

  beforeEach(async () => {
    clearClientStorage();
    server = await startFakeServer();
  });

  afterEach(async () => {
    for (const chat of clients.splice(0)) chat.resetChat();
    await server.stop();
  });

  it('tells the handler "no session" when nothing is stored, without connecting', async () => {
    const result = await resume(newPage());
    expect(result).to.deep.equal({ error: 'no session' });
    expect(await server.openConnections()).to.have.length(0);
  });

  it('resumes the chat of the previous page with the whole history', async () => {
    const first = newPage();
    const firstLog = new EventLog(first);
    first.connect(visitor);
    await firstLog.waitFor('queue');
    first.message('before navigating');
    await firstLog.waitFor('message sent');
    first.disconnect(); // the page unloads; the chat goes on

    const second = newPage();
    const log = new EventLog(second);
    const result = await resume(second);
    const [session] = await server.sessions();
    expect(result).to.deep.equal({
      sessionId: session?.sessionId,
      sessionSecret: session?.sessionSecret,
      areaId: visitor.area,
      clientName: visitor.name,
    });
    expect(second.sessionId).to.equal(session?.sessionId);
    await waitFor(() => deliveredTexts(log).length === 2, 'history');
    expect(deliveredTexts(log)).to.deep.equal([visitor.message, 'before navigating']);
    const [resumeFrame] = await server.framesOfType('resume');
    expect(resumeFrame?.data).to.not.have.property('lastSeenId');
  });

  it('keeps unsent messages across the navigation and sends them after tryResume', async () => {
    const first = newPage();
    const firstLog = new EventLog(first);
    first.connect(visitor);
    await firstLog.waitFor('queue');
    await server.refuseConnections(60000);
    await server.drop();
    await waitFor(() => first.status.connection === 'reconnecting', 'reconnecting');
    const unsent = first.message('typed before leaving');
    first.disconnect();
    await server.refuseConnections(0);

    const second = newPage();
    const log = new EventLog(second);
    expect(second.status.outbox).to.have.length(0);
    await resume(second);
    const [[sent]] = await log.waitFor('message sent');
    expect(sent.umid).to.equal(unsent?.id);
    const [session] = await server.sessions();
    expect(session?.messages.map((message) => message.text)).to.deep.equal([
      visitor.message,
      'typed before leaving',
    ]);
    expect(second.status.outbox).to.have.length(0);
  });

  it('reports "chat closed" to the handler and as an event when the chat has ended', async () => {
    const first = newPage();
    const firstLog = new EventLog(first);
    first.connect(visitor);
    await firstLog.waitFor('queue');
    first.disconnect();
    await server.finishSession('agent');

    const second = newPage();
    const log = new EventLog(second);
    const result = await resume(second);
    expect(result).to.deep.equal({ error: 'chat closed' });
    await log.waitFor('chat closed');
    expect(readStoredSession()).to.equal(undefined);
    expect(second.message('anyone?')).to.equal(undefined);
  });

  it('reports "bad secret" when the stored secret is wrong', async () => {
    const first = newPage();
    const firstLog = new EventLog(first);
    first.connect(visitor);
    await firstLog.waitFor('queue');
    first.disconnect();
    const stored = readStoredSession();
    localStorage.setItem(
      'cention-chat.session',
      JSON.stringify({ ...stored, sessionSecret: 'forged' }),
    );
    const result = await resume(newPage());
    expect(result).to.deep.equal({ error: 'bad secret' });
  });

  for (const kind of ['cookie', 'localStorage', 'sessionStorage', 'memory'] as const) {
    it(`keeps the session in ${kind}, written only by connect()`, async () => {
      const chat = newPage(kind);
      const log = new EventLog(chat);
      chat.registerAction('chat message', () => {});
      chat.canChat(() => {}, 2);
      await waitFor(async () => (await server.httpRequests()).length === 1, 'canchat');
      expect(await resume(chat)).to.deep.equal({ error: 'no session' });
      expect(chat.message('x')).to.equal(undefined);
      chat.preview('x');
      chat.resetChat();
      expect(readStoredSession(kind)).to.equal(undefined);
      expect(storageSnapshot(), 'nothing stored before connect').to.deep.equal(empty);

      chat.connect(visitor);
      await log.waitFor('queue');
      const [session] = await server.sessions();
      expect(readStoredSession(kind)).to.deep.equal({
        sessionId: session?.sessionId,
        sessionSecret: session?.sessionSecret,
        areaId: visitor.area,
      });
      const snapshot = storageSnapshot();
      expect(snapshot.cookie.includes('cention-chat.session')).to.equal(kind === 'cookie');
      expect(snapshot.localStorage).to.deep.equal(
        kind === 'localStorage' ? ['cention-chat.session'] : [],
      );
      expect(snapshot.sessionStorage).to.deep.equal(
        kind === 'sessionStorage' ? ['cention-chat.session'] : [],
      );

      chat.disconnect();
      const next = newPage(kind);
      const result = await resume(next);
      expect(result).to.include({ sessionId: session?.sessionId });

      next.resetChat();
      expect(readStoredSession(kind)).to.equal(undefined);
    });
  }

  it('keeps the chat in localStorage by default, so a second tab of the site resumes it', async () => {
    const first = newPage();
    const log = new EventLog(first);
    first.connect(visitor);
    await log.waitFor('queue');
    expect(storageSnapshot().localStorage).to.deep.equal(['cention-chat.session']);
    // A second tab shares localStorage but not sessionStorage: what it can see is what resumes.
    sessionStorage.clear();
    const result = await resume(newPage());
    expect(result).to.include({ sessionId: first.sessionId });
  });

  for (const kind of ['cookie', 'localStorage', 'sessionStorage', 'memory'] as const) {
    it(`keeps clients with different storage keys apart in ${kind}`, async () => {
      const scoped = (storageKey: string) => {
        const chat = testClient(server.baseURL, { sessionStorage: kind, storageKey });
        clients.push(chat);
        return chat;
      };
      const sales = scoped(`${server.baseURL}#2`);
      const salesLog = new EventLog(sales);
      sales.connect({ ...visitor, area: 2 });
      await salesLog.waitFor('queue');
      expect(readStoredSession(kind), 'not the site-wide chat').to.equal(undefined);
      expect(readStoredSession({ kind, scope: `${server.baseURL}#2` })).to.include({ areaId: 2 });

      expect(await resume(scoped(`${server.baseURL}#1`))).to.deep.equal({ error: 'no session' });
      expect(await resume(scoped(`${server.baseURL}#2`))).to.include({
        sessionId: sales.sessionId,
      });
    });
  }

  it('readStoredSession writes nothing', () => {
    for (const kind of ['cookie', 'localStorage', 'sessionStorage', 'memory'] as const) {
      expect(readStoredSession(kind)).to.equal(undefined);
    }
    expect(readStoredSession()).to.equal(undefined);
    expect(storageSnapshot()).to.deep.equal(empty);
  });

  it('ignores a corrupted stored session', () => {
    localStorage.setItem('cention-chat.session', '{not json');
    expect(readStoredSession()).to.equal(undefined);
    localStorage.setItem('cention-chat.session', JSON.stringify({ sessionId: '1' }));
    expect(readStoredSession()).to.equal(undefined);
  });

  it('createCentionChat makes independent clients', () => {
    const a = createCentionChat({ baseURL: 'https://a.example/s/demo' });
    const b = createCentionChat();
    expect(a).to.be.instanceOf(CentionChat);
    expect(a.baseURL).to.equal('https://a.example/s/demo');
    expect(b.baseURL).to.equal('');
    expect(a.status).to.deep.equal({ connection: 'idle', outbox: [] });
  });
});
