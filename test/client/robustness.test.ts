import { expect } from '@open-wc/testing';
import type { CentionChat } from '../../src/client/centionchat.js';
import type { FakeServer } from '../support/fake-server-client.js';
import {
  connectVisitor,
  EventLog,
  startClientAgainstFakeServer,
  stopClientAgainstFakeServer,
  testClient,
  waitFor,
} from './helpers.js';

const realConsoleError = console.error;

/** Collects the errors the client reports with console.error (until the test ends). */
function silenceConsoleError(): Error[] {
  const reported: Error[] = [];
  console.error = (...args: unknown[]) => {
    for (const arg of args) if (arg instanceof Error) reported.push(arg);
  };
  return reported;
}

describe('CentionChat robustness', () => {
  let server: FakeServer;
  let chat: CentionChat;
  let log: EventLog;

  beforeEach(async () => {
    ({ server, chat, log } = await startClientAgainstFakeServer());
    await connectVisitor({ chat, log });
  });

  afterEach(async () => {
    console.error = realConsoleError;
    await stopClientAgainstFakeServer({ server, chat });
  });

  it('drops malformed and unknown frames and keeps the connection and the session', async () => {
    const [connectionBefore] = await server.openConnections();
    const malformed: unknown[] = [
      'not json at all',
      '[1, 2, 3]',
      'null',
      { args: [1] },
      { event: 42, args: [] },
      { event: 'no such event', args: [] },
      { event: 'queue', args: ['first'] },
      { event: 'queue', args: 3 },
      { event: 'chat message', args: [{ chat: [{ id: 'x', text: 'hi' }] }] },
      { event: 'chat message', args: [{ chat: 'not a list' }] },
      {
        event: 'chat message',
        args: [{ chat: [{ id: 99, sender: 'HACKER', sent: 1, text: 'x', umid: '' }] }],
      },
      { event: 'message sent', args: [{ id: 1 }] },
      { event: 'message acked', args: [{ ids: ['1'] }] },
      { event: 'agent preview', args: [{ text: 'no length' }] },
      { event: 'register', args: [{ sessionId: 'one' }] },
      { event: 'finish chat session', args: ['by agent'] },
      { event: 'error', args: ['boom'] },
    ];
    for (const frame of malformed) await server.send(frame);
    await server.emit('queue', 3);
    await log.waitFor('queue', 2);

    expect(log.of('queue')).to.deep.equal([[1], [3]]);
    expect(log.entries.map((entry) => entry.event)).to.deep.equal([
      'connect',
      'chat message',
      'queue',
      'queue',
    ]);
    expect(chat.status.connection).to.equal('connected');
    expect(await server.openConnections()).to.deep.equal([connectionBefore]);

    const unsent = chat.message('still working');
    const [[sent]] = await log.waitFor('message sent');
    expect(sent.umid).to.equal(unsent?.id);
  });

  it('a throwing handler does not stop the other handlers nor the client', async () => {
    const reported = silenceConsoleError();
    const received: string[] = [];
    chat.registerAction('chat message', () => {
      throw new Error('integration bug');
    });
    chat.registerAction('chat message', (data) => {
      received.push(...data.chat.map((message) => message.text));
    });
    chat.registerAction('message sent', () => {
      throw new Error('another bug');
    });
    chat.onStatus(() => {
      throw new Error('status bug');
    });
    chat.message('first');
    await log.waitFor('message sent');
    await server.pushMessage('agent answer');
    await waitFor(() => received.includes('agent answer'), 'agent answer');
    expect(received).to.deep.equal(['first', 'agent answer']);
    chat.message('second');
    await log.waitFor('message sent', 2);
    expect(chat.status.outbox).to.have.length(0);
    expect(reported.map((error) => error.message)).to.include.members([
      'integration bug',
      'another bug',
      'status bug',
    ]);
  });

  it('a throwing tryResume or canChat handler does not break the client', async () => {
    const reported = silenceConsoleError();
    chat.disconnect();
    const other = testClient(server.baseURL);
    const otherLog = new EventLog(other);
    other.tryResume(() => {
      throw new Error('resume handler bug');
    });
    await otherLog.waitFor('connect');
    await waitFor(() => other.status.connection === 'connected', 'resumed');
    let calls = 0;
    other.canChat(() => {
      calls += 1;
      throw new Error('canChat handler bug');
    }, 2);
    await waitFor(() => calls === 1, 'canChat handler');
    other.message('works');
    await otherLog.waitFor('message sent');
    other.disconnect();
    expect(reported.map((error) => error.message)).to.deep.equal([
      'resume handler bug',
      'canChat handler bug',
    ]);
  });
});
