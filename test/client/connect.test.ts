import { expect } from '@open-wc/testing';
import type { CentionChat } from '../../src/client/centionchat.js';
import { CentionChatError } from '../../src/client/errors.js';
import type { FakeServer } from '../support/fake-server-client.js';
import {
  deliveredTexts,
  EventLog,
  startClientAgainstFakeServer,
  stopClientAgainstFakeServer,
  testClient,
  visitor,
  waitFor,
} from './helpers.js';

describe('CentionChat connect', () => {
  let server: FakeServer;
  let chat: CentionChat;
  let log: EventLog;

  beforeEach(async () => {
    ({ server, chat, log } = await startClientAgainstFakeServer());
  });

  afterEach(() => stopClientAgainstFakeServer({ server, chat }));

  it('registers with the given fields and reports connect, the first question and the queue', async () => {
    chat.connect({ ...visitor, phone: '+4612345', externalData: { crm: 7 } });

    const [register] = await server.waitForFrames('register');
    expect(register?.id).to.equal(1);
    expect(register?.data).to.include({
      area: 2,
      name: 'Ann Visitor',
      email: 'ann@example.com',
      message: 'Hello, where is your office?',
      phone: '+4612345',
    });
    expect(register?.data?.externalData).to.deep.equal({ crm: 7 });

    const [[position]] = await log.waitFor('queue');
    expect(position).to.equal(1);
    expect(log.of('connect')).to.have.length(1);
    expect(deliveredTexts(log)).to.deep.equal(['Hello, where is your office?']);
    const [session] = await server.sessions();
    expect(chat.sessionId).to.equal(session?.sessionId);
    expect(chat.sessionSecret).to.equal(session?.sessionSecret);
    expect(chat.status.connection).to.equal('connected');
  });
});

describe('CentionChat connection events', () => {
  let server: FakeServer;
  let chat: CentionChat;
  let log: EventLog;

  beforeEach(async () => {
    ({ server, chat, log } = await startClientAgainstFakeServer());
  });

  afterEach(() => stopClientAgainstFakeServer({ server, chat }));

  it('reports connect_error with a code when the server cannot be reached', async () => {
    const unreachable = testClient('http://127.0.0.1:9/s/demo');
    const unreachableLog = new EventLog(unreachable);
    unreachable.connect(visitor);
    const [[error]] = await unreachableLog.waitFor('connect_error');
    expect(error).to.be.instanceOf(CentionChatError);
    expect(error.code).to.equal('network');
    expect(error.message).to.be.a('string').and.have.length.greaterThan(0);
    expect(unreachableLog.of('connect')).to.have.length(0);
    unreachable.resetChat();
    expect(unreachable.status.connection).to.equal('idle');
  });

  it('passes queue with its details, queue full and agent unavailable through', async () => {
    chat.connect(visitor);
    await log.waitFor('queue');
    await server.emit('queue', 4, { estimatedWaitSeconds: 90 });
    await server.emit('queue full');
    await server.emit('agent unavailable');
    await log.waitFor('agent unavailable');
    expect(log.of('queue')).to.deep.equal([[1], [4, { estimatedWaitSeconds: 90 }]]);
    expect(log.of('queue full')).to.deep.equal([[]]);
  });

  it('passes agent preview and message acked through', async () => {
    chat.connect(visitor);
    await log.waitFor('queue');
    await server.emit('agent preview', { messageLen: 5, text: 'Hello' });
    await server.emit('message acked', { ids: [1, 2] });
    const [[acked]] = await log.waitFor('message acked');
    expect(acked.ids).to.deep.equal([1, 2]);
    expect(log.of('agent preview')).to.deep.equal([[{ messageLen: 5, text: 'Hello' }]]);
  });

  it('reports a register error from the server as connect_error', async () => {
    await server.setAutoReply(false);
    chat.connect(visitor);
    const [register] = await server.waitForFrames('register');
    await server.send({
      event: 'error',
      args: [{ code: 'area_closed', message: 'The area is closed' }],
      re: register?.id,
    });
    const [[error]] = await log.waitFor('connect_error');
    expect(error).to.be.instanceOf(CentionChatError);
    expect({ code: error.code, message: error.message }).to.deep.equal({
      code: 'area_closed',
      message: 'The area is closed',
    });
  });

  it('several handlers per event all run, and unregistering stops one', async () => {
    const calls: string[] = [];
    chat.registerAction('queue', () => calls.push('first'));
    const unregister = chat.registerAction('queue', (position) => calls.push(`second ${position}`));
    chat.connect(visitor);
    await waitFor(() => calls.length === 2, 'two queue handlers');
    unregister();
    await server.emit('queue', 2);
    await log.waitFor('queue', 2);
    expect(calls).to.deep.equal(['first', 'second 1', 'first']);
  });

  it('reports connection states through onStatus', async () => {
    const states: string[] = [];
    const unsubscribe = chat.onStatus((status) => states.push(status.connection));
    chat.connect(visitor);
    await log.waitFor('queue');
    chat.disconnect();
    unsubscribe();
    chat.resetChat();
    expect(states).to.deep.equal(['connecting', 'connected', 'closed']);
  });
});
