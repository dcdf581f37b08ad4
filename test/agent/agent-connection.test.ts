/**
 * The console's connection on an injected socket stand-in: requests matched to their answers,
 * pending requests rejected when the socket closes (not left hanging across a reconnect),
 * reconnection with backoff, and broken frames dropped at the boundary.
 */
import { expect } from '@open-wc/testing';
import { AgentConnection, parseServerFrame } from '../../demo/agent/agent-connection.js';
import type { AgentServerEnvelope, ConnectionState } from '../../demo/agent/agent-types.js';
import { waitFor } from '../support/fake-server-client.js';
import { loginResult, socketRecorder } from './fake-agent-socket.js';

function connection() {
  const recorder = socketRecorder();
  const events: AgentServerEnvelope[] = [];
  const states: ConnectionState[] = [];
  let opens = 0;
  const agent = new AgentConnection({
    url: '/s/demo/socket/agent',
    createSocket: recorder.create,
    onEvent: (event) => events.push(event),
    onState: (state) => states.push(state),
    onOpen: () => opens++,
    // The shortest reconnect delay, so the tests need not wait.
    random: () => 0,
  });
  return { agent, sockets: recorder.sockets, events, states, opens: () => opens };
}

/** Settles a promise into what it ended as, for assertions. */
async function outcome<T>(promise: Promise<T>): Promise<{ value?: T; error?: Error }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error: error as Error };
  }
}

describe('AgentConnection', () => {
  it('opens the socket, matches an answer to its request and reports every event', async () => {
    const { agent, sockets, events, states, opens } = connection();
    agent.connect();
    const socket = sockets[0]!;
    expect(socket.url).to.equal('/s/demo/socket/agent');
    socket.open();
    expect(states).to.deep.equal(['connecting', 'open']);
    expect(opens()).to.equal(1);

    const answer = agent.request('login', { name: 'Alice' });
    const frame = socket.lastSent('login');
    expect(frame.data).to.deep.equal({ name: 'Alice' });
    socket.receive({ event: 'login', args: [loginResult()], re: frame.id });
    expect((await answer).event).to.equal('login');
    expect(events.map((event) => event.event)).to.deep.equal(['login']);
    agent.stop();
  });

  it('rejects a pending request when the socket closes, saying so, then reconnects', async () => {
    const { agent, sockets, states, opens } = connection();
    agent.connect();
    sockets[0]!.open();
    const pending = outcome(agent.request('end', { sessionId: 7 }));
    sockets[0]!.drop();
    const { error } = await pending;
    expect(error?.message).to.equal(
      'The connection to the server closed before it answered "end".',
    );
    expect(states.at(-1)).to.equal('closed');
    // random() is 0, so the reconnect comes after a zero delay.
    await waitFor(() => sockets.length === 2, 'a second socket');
    expect(states.at(-1)).to.equal('connecting');
    sockets[1]!.open();
    expect(opens()).to.equal(2);
    // An answer to the old frame id on the new socket settles nothing and throws nothing.
    sockets[1]!.receive({ event: 'ok', args: [{}], re: 1 });
    agent.stop();
  });

  it('rejects pending requests on stop() and does not reconnect after it', async () => {
    const { agent, sockets, states } = connection();
    agent.connect();
    sockets[0]!.open();
    const pending = outcome(agent.request('leave', { sessionId: 3 }));
    agent.stop();
    expect((await pending).error?.message).to.match(/closed before the server answered "leave"/);
    expect(states.at(-1)).to.equal('closed');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sockets).to.have.length(1);
    expect(sockets[0]!.isClosedByClient).to.equal(true);
  });

  it('refuses requests and sends nothing while not open', async () => {
    const { agent, sockets } = connection();
    expect((await outcome(agent.request('accept', { sessionId: 1 }))).error?.message).to.equal(
      'Not connected',
    );
    agent.connect();
    expect(agent.send('preview', { sessionId: 1, text: 'x' })).to.equal(undefined);
    sockets[0]!.open();
    expect(sockets[0]!.sent).to.deep.equal([]);
    expect(agent.send('preview', { sessionId: 1, text: 'x' })).to.be.a('number');
    agent.stop();
  });

  it('drops broken frames before they reach the console', () => {
    const { agent, sockets, events } = connection();
    agent.connect();
    sockets[0]!.open();
    for (const text of [
      'not json',
      'null',
      '[]',
      '{"args":[{}]}',
      '{"event":7,"args":[{}]}',
      '{"event":"queue","args":{}}',
      '{"event":"queue","args":[]}',
      '{"event":"queue","args":[null]}',
      '{"event":"ok","args":[{}],"re":"1"}',
    ])
      sockets[0]!.receiveText(text);
    expect(events).to.deep.equal([]);
    sockets[0]!.receiveText('{"event":"agents","args":[{"agents":[]}]}');
    expect(events).to.have.length(1);
    agent.stop();
  });
});

describe('parseServerFrame', () => {
  it('keeps event, args and re of a well-formed frame', () => {
    expect(parseServerFrame('{"event":"ok","args":[{}],"re":2}')).to.deep.equal({
      event: 'ok',
      args: [{}],
      re: 2,
    });
  });
});
