/**
 * The connection on its own (connection.ts): an in-memory transport the test opens and closes, and
 * an injected `networkEventTarget`, so online/offline/visibility are driven without window events.
 */
import { expect } from '@open-wc/testing';
import { backoffDelay } from '../../src/client/backoff.js';
import { createConnection, type Connection } from '../../src/client/connection.js';
import type { VisitorServerFrame } from '../../src/client/codec.js';
import type { ConnectionState, Transport, TransportHandlers } from '../../src/client/types.js';
import { waitFor } from './helpers.js';

/** One socket the test plays the server for. */
interface FakeSocket extends Transport {
  handlers: TransportHandlers;
  sent: string[];
  isClosed: boolean;
}

/** A connection over fake sockets, with everything it reports logged. */
function startConnection(options: { reconnectMinDelayMs?: number } = {}) {
  const sockets: FakeSocket[] = [];
  const states: ConnectionState[] = [];
  const frames: VisitorServerFrame[] = [];
  const downs: (string | undefined)[] = [];
  const network = new EventTarget();
  const connection: Connection = createConnection(
    {
      transport: (_url, handlers) => {
        const socket: FakeSocket = {
          handlers,
          sent: [],
          isClosed: false,
          send: (text) => socket.sent.push(text),
          close: () => {
            socket.isClosed = true;
          },
        };
        sockets.push(socket);
        return socket;
      },
      networkEventTarget: network,
      reconnectMinDelayMs: options.reconnectMinDelayMs ?? 60000,
      reconnectMaxDelayMs: 60000,
      idleTimeoutMs: 60000,
    },
    {
      url: () => 'https://chat.example/s/demo/socket/external',
      onOpen: () => {},
      onMessage: (frame) => frames.push(frame),
      onClose: (unreachable) => downs.push(unreachable),
      onState: (state) => states.push(state),
      debug: () => {},
    },
  );
  const socket = (index: number) => waitFor(() => sockets[index], `socket ${index + 1}`, 2000);
  const fire = (event: string) => network.dispatchEvent(new Event(event));
  return { connection, sockets, states, frames, downs, socket, fire };
}

/** Lets the transport factory's promise chain run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('Connection and its network events', () => {
  it('while offline it makes no reconnect attempts; online reconnects at once', async () => {
    const { connection, sockets, states, socket, fire } = startConnection({
      reconnectMinDelayMs: 10,
    });
    connection.start();
    (await socket(0)).handlers.onOpen();
    fire('offline');
    expect(sockets[0]?.isClosed).to.equal(true);
    expect(states.at(-1)).to.equal('offline');
    // A drop while offline waits for `online` too, however short the backoff.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sockets).to.have.length(1);

    fire('online');
    await socket(1);
    expect(states.at(-1)).to.equal('connecting');
    connection.close();
  });

  it('a page becoming visible retries at once instead of waiting out the backoff', async () => {
    const { connection, sockets, states, socket, fire } = startConnection();
    connection.start();
    const first = await socket(0);
    first.handlers.onOpen();
    first.handlers.onClose(1006, 'gone');
    expect(states.at(-1)).to.equal('reconnecting');
    await settle();
    expect(sockets, 'waiting out a 60 s backoff').to.have.length(1);
    fire('visibilitychange');
    await socket(1);
    connection.close();
  });

  it('hears nothing of the network after close(), nor of window events it was not given', async () => {
    const { connection, sockets, socket, fire } = startConnection();
    connection.start();
    (await socket(0)).handlers.onOpen();
    window.dispatchEvent(new Event('offline'));
    expect(sockets[0]?.isClosed, 'window is not its event target').to.equal(false);
    connection.close();
    fire('online');
    await settle();
    expect(sockets).to.have.length(1);
  });

  it('numbers frames from 1 on every socket and reports a socket that never opened', async () => {
    const { connection, downs, frames, socket } = startConnection({ reconnectMinDelayMs: 1 });
    connection.start();
    const first = await socket(0);
    first.handlers.onOpen();
    expect(connection.send('seen', { ids: [1] })).to.equal(1);
    expect(connection.send('preview', { text: 'a' })).to.equal(2);
    first.handlers.onMessage('{"event":"queue","args":[2]}');
    first.handlers.onMessage('not a frame');
    expect(frames).to.deep.equal([{ event: 'queue', args: [2] }]);
    first.handlers.onClose(1006, 'gone');
    expect(downs.at(-1), 'it had opened').to.equal(undefined);
    expect(connection.send('seen', { ids: [2] }), 'no socket').to.equal(undefined);

    const second = await socket(1);
    second.handlers.onClose(1006, 'refused');
    expect(downs.at(-1)).to.equal('1006 refused');
    const third = await socket(2);
    third.handlers.onOpen();
    expect(connection.send('seen', { ids: [3] })).to.equal(1);
    expect(JSON.parse(third.sent[0] ?? '')).to.deep.equal({
      type: 'seen',
      data: { ids: [3] },
      id: 1,
    });
    connection.close();
  });
});

describe('backoffDelay', () => {
  it('grows the ceiling from the minimum to the maximum, with full jitter', () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 10, 100].map((attempt) =>
      backoffDelay(attempt, 500, 20000, () => 0.999999),
    );
    expect(ceilings).to.deep.equal([499, 999, 1999, 3999, 7999, 15999, 19999, 19999, 19999]);
    expect(backoffDelay(3, 500, 20000, () => 0)).to.equal(0);
    expect(backoffDelay(1, 500, 20000, () => 0.5)).to.equal(500);
  });
});
