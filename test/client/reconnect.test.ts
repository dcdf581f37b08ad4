import { expect } from '@open-wc/testing';
import type { CentionChat } from '../../src/client/centionchat.js';
import type { FakeServer } from '../support/fake-server-client.js';
import {
  connectVisitor,
  deliveredTexts,
  EventLog,
  startClientAgainstFakeServer,
  stopClientAgainstFakeServer,
  testClient,
  visitor,
  waitFor,
} from './helpers.js';

describe('CentionChat reconnect, outbox and resume', () => {
  let server: FakeServer;
  let chat: CentionChat;
  let log: EventLog;

  beforeEach(async () => {
    ({ server, chat, log } = await startClientAgainstFakeServer());
  });

  afterEach(() => stopClientAgainstFakeServer({ server, chat }));

  const connected = () => connectVisitor({ chat, log });

  const clientTexts = async () =>
    (await server.sessions())[0]?.messages
      .filter((message) => message.sender === 'CLIENT')
      .map((message) => message.text);

  it('resends unconfirmed messages after a drop; each lands exactly once, in order', async () => {
    await connected();
    await server.setAckMessages(false); // the server stores them, but the replies get lost
    const first = chat.message('one');
    const second = chat.message('two');
    await server.waitForFrames('chat message', 2);
    expect(chat.status.outbox.map((entry) => entry.state)).to.deep.equal(['sending', 'sending']);

    await server.setAckMessages(true);
    await server.drop();
    await log.waitFor('message sent', 2);

    expect(await clientTexts()).to.deep.equal([visitor.message, 'one', 'two']);
    expect(log.of('message sent').map(([sent]) => sent.umid)).to.deep.equal([
      first?.id,
      second?.id,
    ]);
    expect(chat.status.outbox).to.have.length(0);
    const resent = (await server.received()).filter(
      (entry) => entry.connection === 2 && entry.frame?.type === 'chat message',
    );
    expect(resent.map((entry) => entry.frame?.data?.umid)).to.deep.equal([first?.id, second?.id]);
    // The stored-but-unechoed messages come back once through the resume backfill.
    await waitFor(() => deliveredTexts(log).includes('two'), 'backfill');
    expect(deliveredTexts(log)).to.deep.equal([visitor.message, 'one', 'two']);
  });

  it('queues messages written while disconnected and sends them after reconnecting', async () => {
    await connected();
    await server.refuseConnections(60000);
    await server.drop();
    await waitFor(() => chat.status.connection === 'reconnecting', 'reconnecting');
    chat.message('written offline 1');
    chat.message('written offline 2');
    expect(chat.status.outbox.map((entry) => entry.state)).to.deep.equal(['sending', 'sending']);
    await server.refuseConnections(0);
    await log.waitFor('message sent', 2, 8000);
    expect(await clientTexts()).to.deep.equal([
      visitor.message,
      'written offline 1',
      'written offline 2',
    ]);
    expect(chat.status.connection).to.equal('connected');
  });

  it('resumes with lastSeenId and receives what was missed, once', async () => {
    await connected();
    const question = log.of('chat message')[0]?.[0].chat[0];
    await server.refuseConnections(60000);
    await server.drop();
    await waitFor(() => chat.status.connection === 'reconnecting', 'reconnecting');
    await server.pushMessage('Sorry for the wait!', { agent: 'Agent Smith' });
    await server.pushMessage('How can I help?', { agent: 'Agent Smith' });
    await server.refuseConnections(0);

    await waitFor(() => deliveredTexts(log).length === 3, 'backfill', 8000);
    const [resume] = await server.waitForFrames('resume');
    const [session] = await server.sessions();
    expect(resume?.data).to.deep.equal({
      sessionId: session?.sessionId,
      sessionSecret: session?.sessionSecret,
      lastSeenId: question?.id,
    });
    expect(deliveredTexts(log)).to.deep.equal([
      visitor.message,
      'Sorry for the wait!',
      'How can I help?',
    ]);
    expect(log.of('connect').length).to.equal(2);
  });

  it('waits while offline and reconnects at once when the browser is online again', async () => {
    await connected();
    window.dispatchEvent(new Event('offline'));
    expect(chat.status.connection).to.equal('offline');
    await waitFor(async () => (await server.openConnections()).length === 0, 'server-side close');
    chat.message('sent when back');
    window.dispatchEvent(new Event('online'));
    await log.waitFor('message sent');
    expect(chat.status.connection).to.equal('connected');
    expect(await clientTexts()).to.deep.equal([visitor.message, 'sent when back']);
  });

  it('retries at once when the page becomes visible while waiting to reconnect', async () => {
    chat = testClient(server.baseURL, { reconnectMinDelayMs: 60000, reconnectMaxDelayMs: 60000 });
    log = new EventLog(chat);
    await connected();
    await server.drop();
    await waitFor(() => chat.status.connection === 'reconnecting', 'reconnecting');
    document.dispatchEvent(new Event('visibilitychange'));
    await server.waitForFrames('resume', 1, 3000);
    await waitFor(() => chat.status.connection === 'connected', 'connected again');
  });

  it('treats a silent connection as dead and reconnects (idle timeout)', async () => {
    chat = testClient(server.baseURL, { idleTimeoutMs: 400 });
    log = new EventLog(chat);
    await connected();
    await server.waitForFrames('resume', 1, 5000);
    expect(log.of('connect').length).to.be.greaterThan(1);
    await waitFor(() => chat.status.connection === 'connected', 'connected again');
  });

  it('stops reconnecting after disconnect()', async () => {
    await connected();
    chat.disconnect();
    expect(chat.status.connection).to.equal('closed');
    await waitFor(async () => (await server.openConnections()).length === 0, 'server-side close');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await server.openConnections()).to.have.length(0);
    expect(await server.framesOfType('resume')).to.have.length(0);
  });
});
