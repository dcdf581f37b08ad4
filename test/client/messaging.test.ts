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

describe('CentionChat messages', () => {
  let server: FakeServer;
  let chat: CentionChat;
  let log: EventLog;

  beforeEach(async () => {
    ({ server, chat, log } = await startClientAgainstFakeServer({
      client: { previewThrottleMs: 200 },
    }));
  });

  afterEach(() => stopClientAgainstFakeServer({ server, chat }));

  const connected = () => connectVisitor({ chat, log });

  it('message() does nothing before connect()', () => {
    expect(chat.message('too early')).to.equal(undefined);
    expect(chat.status.outbox).to.have.length(0);
  });

  it('message() returns the unsent message, then message sent and the echo arrive', async () => {
    await connected();
    const unsent = chat.message('Are you there?');
    expect(unsent?.message).to.equal('Are you there?');
    expect(unsent?.id).to.match(/^c-\d+-\d+$/);
    expect(chat.status.outbox).to.deep.equal([
      { id: unsent?.id, message: 'Are you there?', state: 'sending' },
    ]);

    const [[sent]] = await log.waitFor('message sent');
    expect(sent.umid).to.equal(unsent?.id);
    expect(sent.id).to.be.a('number');
    await log.waitFor('chat message', 2);
    const echo = log.of('chat message')[1]?.[0].chat[0];
    expect(echo).to.include({ umid: unsent?.id, sender: 'CLIENT', text: 'Are you there?' });
    expect(chat.status.outbox).to.have.length(0);

    const [frame] = await server.framesOfType('chat message');
    expect(frame?.data).to.include({ umid: unsent?.id, message: 'Are you there?' });
    expect(frame?.data?.mcount).to.be.a('number');
  });

  it('reports message sent once per umid, even when the server confirms twice', async () => {
    await connected();
    const unsent = chat.message('confirmed twice');
    const [[sent]] = await log.waitFor('message sent');
    await server.emit('message sent', sent);
    await server.emit('queue', 5);
    await log.waitFor('queue', 2);
    expect(log.of('message sent').map(([event]) => event.umid)).to.deep.equal([unsent?.id]);
  });

  it('numbers frames from 1 on each connection', async () => {
    await connected();
    chat.message('one');
    await log.waitFor('message sent');
    const frames = await server.received();
    expect(frames.map((entry) => entry.frame?.id)).to.deep.equal([1, 2]);
  });

  it('unique umids for messages sent in the same millisecond', async () => {
    await connected();
    const ids = ['a', 'b', 'c'].map((text) => chat.message(text)?.id);
    expect(new Set(ids).size).to.equal(3);
  });

  it('delivers an agent message once even when the server repeats it', async () => {
    await connected();
    const pushed = await server.pushMessage('<b>Hi</b>, I am Agent Smith', {
      agent: 'Agent Smith',
    });
    const data = (await log.waitFor('chat message', 2))[1]?.[0];
    expect(data?.agent).to.equal('Agent Smith');
    expect(data?.chat[0]).to.include({ sender: 'AGENT', text: '<b>Hi</b>, I am Agent Smith' });
    if (!pushed) throw new Error('no open session to push to');
    await server.emit('chat message', { agent: 'Agent Smith', client: 'Ann', chat: [pushed] });
    await server.emit('queue', 9);
    await log.waitFor('queue', 2);
    expect(log.of('chat message')).to.have.length(2);
  });

  it('delivers an agent accepting the chat, announced with an empty chat array', async () => {
    await connected();
    await server.emit('chat message', { agent: 'Alice', client: visitor.name, chat: [] });
    const [, accepted] = await log.waitFor('chat message', 2);
    expect(accepted?.[0]).to.deep.equal({ agent: 'Alice', client: visitor.name, chat: [] });
    // The same announcement again brings nothing new: not delivered twice.
    await server.emit('chat message', { agent: 'Alice', client: visitor.name, chat: [] });
    await server.emit('queue', 9);
    await log.waitFor('queue', 2);
    expect(log.of('chat message')).to.have.length(2);
  });

  it('keeps the raw \\u0001JSON text of system items in chat message', async () => {
    await connected();
    const raw = '\u0001' + JSON.stringify({ event: 'AGENT_LEFT', name: 'Bo' });
    await server.pushMessage(raw, { sender: 'SYSTEM' });
    await log.waitFor('chat message', 2);
    expect(deliveredTexts(log)[1]).to.equal(raw);
  });

  it('preview() is throttled but the last text is sent; "" is sent at once', async () => {
    await connected();
    chat.preview('H');
    chat.preview('He');
    chat.preview('Hel');
    chat.preview('Hell');
    await server.waitForFrames('preview', 2);
    chat.preview('');
    const frames = await server.waitForFrames('preview', 3);
    expect(frames.map((frame) => frame.data?.text)).to.deep.equal(['H', 'Hell', '']);
  });

  it('postback() and seen() send their frames', async () => {
    await connected();
    chat.postback('Yes please', 'yes');
    chat.seen([3, 4]);
    chat.seen([]);
    const [postback] = await server.waitForFrames('postback');
    const seen = await server.waitForFrames('seen');
    expect(postback?.data).to.deep.equal({ title: 'Yes please', data: 'yes' });
    expect(seen.map((frame) => frame.data)).to.deep.equal([{ ids: [3, 4] }]);
  });

  it('marks a message failed on a server error for it, and retryMessage re-sends it', async () => {
    await connected();
    await server.setAutoReply(false);
    const unsent = chat.message('refused once');
    const [frame] = await server.waitForFrames('chat message');
    await server.send({
      event: 'error',
      args: [{ code: 'bad_frame', message: 'try again' }],
      re: frame?.id,
    });
    await waitFor(() => chat.status.outbox[0]?.state === 'failed', 'failed state');
    expect(chat.status.outbox[0]?.error, 'why').to.equal('bad_frame');

    await server.setAutoReply(true);
    chat.retryMessage(unsent?.id ?? '');
    expect(chat.status.outbox[0]?.state).to.equal('sending');
    const [[sent]] = await log.waitFor('message sent');
    expect(sent.umid).to.equal(unsent?.id);
    expect(chat.status.outbox).to.have.length(0);
  });

  it('marks a message failed when no message sent comes in time', async () => {
    chat = testClient(server.baseURL, { messageTimeoutMs: 300 });
    log = new EventLog(chat);
    await connected();
    await server.setAckMessages(false);
    const states: string[] = [];
    chat.onStatus((status) => states.push(status.outbox[0]?.state ?? 'none'));
    chat.message('lost');
    await waitFor(() => chat.status.outbox[0]?.state === 'failed', 'failed state');
    expect(states).to.deep.equal(['sending', 'failed']);
  });
});
