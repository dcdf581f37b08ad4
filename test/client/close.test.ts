import { expect } from '@open-wc/testing';
import type { CentionChat } from '../../src/client/centionchat.js';
import { readStoredSession } from '../../src/client/session-store.js';
import type { FakeServer } from '../support/fake-server-client.js';
import {
  connectVisitor,
  startClientAgainstFakeServer,
  stopClientAgainstFakeServer,
  visitor,
  waitFor,
  type EventLog,
} from './helpers.js';

describe('CentionChat ending a chat', () => {
  let server: FakeServer;
  let chat: CentionChat;
  let log: EventLog;

  beforeEach(async () => {
    ({ server, chat, log } = await startClientAgainstFakeServer());
    await connectVisitor({ chat, log });
  });

  afterEach(() => stopClientAgainstFakeServer({ server, chat }));

  it('close() sends close chat; finish chat session ends the chat and forgets the session', async () => {
    const secret = chat.sessionSecret;
    chat.close();
    const [[details]] = await log.waitFor('finish chat session');
    expect(details).to.deep.equal({ by: 'client' });
    expect(await server.framesOfType('close chat')).to.have.length(1);
    expect((await server.sessions())[0]?.closed).to.equal(true);
    expect(chat.status.connection).to.equal('closed');
    expect(readStoredSession()).to.equal(undefined);
    expect(chat.message('after the end')).to.equal(undefined);
    // The transcript stays reachable after the end.
    expect(chat.sessionSecret).to.equal(secret);
  });

  it('an agent ending the chat fires finish chat session and fails unsent messages', async () => {
    await server.setAckMessages(false);
    chat.message('never confirmed');
    await server.waitForFrames('chat message');
    await server.finishSession('agent');
    const [[details]] = await log.waitFor('finish chat session');
    expect(details).to.deep.equal({ by: 'agent' });
    expect(chat.status.outbox.map((entry) => entry.state)).to.deep.equal(['failed']);
    await waitFor(async () => (await server.openConnections()).length === 0, 'disconnect');
  });

  it('chat closed from the server ends the chat', async () => {
    await server.emit('chat closed');
    await log.waitFor('chat closed');
    expect(chat.status.connection).to.equal('closed');
    expect(readStoredSession()).to.equal(undefined);
  });

  it('close() while reconnecting is sent once the connection is back', async () => {
    await server.refuseConnections(60000);
    await server.drop();
    await waitFor(() => chat.status.connection === 'reconnecting', 'reconnecting');
    chat.close();
    await server.refuseConnections(0);
    await log.waitFor('finish chat session', 1, 8000);
    expect(await server.framesOfType('close chat')).to.have.length(1);
  });

  it('resetChat() forgets everything, so a new chat can start', async () => {
    chat.resetChat();
    expect(chat.sessionId).to.equal(undefined);
    expect(chat.status).to.deep.equal({ connection: 'idle', outbox: [] });
    expect(readStoredSession()).to.equal(undefined);
    chat.connect({ ...visitor, message: 'second chat' });
    await log.waitFor('queue', 2);
    const sessions = await server.sessions();
    expect(sessions).to.have.length(2);
    expect(chat.sessionId).to.equal(sessions[1]?.sessionId);
  });
});
