/**
 * The transport seam: an injected transport carries the frames of protocol.md §2, and the default
 * SockJS transport is only downloaded when a chat connects. (Each test file runs in a fresh page,
 * so nothing else has loaded SockJS here before.)
 */
import { expect } from '@open-wc/testing';
import { createCentionChat } from '../../src/client/centionchat.js';
import { createWebSocketTransport } from '../../src/client/transport/websocket.js';
import type { Transport, TransportHandlers } from '../../src/client/types.js';
import { startFakeServer } from '../support/fake-server-client.js';
import { clearClientStorage, EventLog, visitor, waitFor } from './helpers.js';

/** An in-memory transport the test plays the server for. */
class ScriptedTransport implements Transport {
  readonly sent: unknown[] = [];
  isClosed = false;
  constructor(
    readonly url: string,
    readonly handlers: TransportHandlers,
  ) {}
  send(text: string): void {
    this.sent.push(JSON.parse(text));
  }
  close(): void {
    this.isClosed = true;
  }
  /** Server → client frame. */
  receive(frame: unknown): void {
    this.handlers.onMessage(JSON.stringify(frame));
  }
}

const sockjsLoaded = () =>
  performance
    .getEntriesByType('resource')
    .some((entry) => entry.name.includes('sockjs-client/dist/sockjs.min.js'));

describe('CentionChat transports', () => {
  beforeEach(() => clearClientStorage());

  it('speaks {type, data, id} over an injected transport and reconnects through it', async () => {
    const transports: ScriptedTransport[] = [];
    const chat = createCentionChat({
      baseURL: 'https://chat.example/s/demo',
      reconnectMinDelayMs: 10,
      transport: (url, handlers) => {
        const transport = new ScriptedTransport(url, handlers);
        transports.push(transport);
        setTimeout(() => handlers.onOpen(), 0);
        return transport;
      },
    });
    const log = new EventLog(chat);
    chat.connect(visitor);
    await log.waitFor('connect');
    const first = transports[0];
    if (!first) throw new Error('no transport');
    expect(first.url).to.equal('https://chat.example/s/demo/socket/external');
    expect(first.sent[0]).to.deep.include({ type: 'register', id: 1 });

    first.receive({
      event: 'register',
      args: [{ sessionId: 5, sessionSecret: 's5', areaId: 2, clientName: 'Ann' }],
      re: 1,
    });
    first.receive({ event: 'queue', args: [2] });
    await log.waitFor('queue');
    expect(chat.sessionId).to.equal(5);
    const unsent = chat.message('hi');
    expect(first.sent[1]).to.deep.equal({
      type: 'chat message',
      data: { umid: unsent?.id, message: 'hi', mcount: 1 },
      id: 2,
    });

    first.handlers.onClose(1006, 'gone');
    await waitFor(() => transports.length === 2, 'a second transport');
    await log.waitFor('connect', 2);
    const second = transports[1];
    expect(second?.sent[0]).to.deep.equal({
      type: 'resume',
      data: { sessionId: 5, sessionSecret: 's5' },
      id: 1,
    });
    second?.receive({
      event: 'resume',
      args: [{ sessionId: 5, sessionSecret: 's5', areaId: 2, clientName: 'Ann' }],
      re: 1,
    });
    await waitFor(() => second?.sent.length === 2, 'the resend');
    expect(second?.sent[1]).to.deep.include({ type: 'chat message', id: 2 });

    chat.disconnect();
    expect(second?.isClosed).to.equal(true);
    chat.resetChat();
  });

  it('works over the raw WebSocket transport, without an idle timeout, and resumes after a drop', async () => {
    const server = await startFakeServer();
    const chat = createCentionChat({
      baseURL: server.baseURL,
      transport: createWebSocketTransport,
      idleTimeoutMs: 200,
      reconnectMinDelayMs: 50,
    });
    const log = new EventLog(chat);
    chat.connect(visitor);
    await log.waitFor('queue');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(log.of('connect'), 'no idle reconnect').to.have.length(1);
    chat.message('over raw websocket');
    await log.waitFor('message sent');
    await server.drop();
    await server.waitForFrames('resume');
    chat.message('after the drop');
    await log.waitFor('message sent', 2);
    const texts = (await server.sessions())[0]?.messages.map((message) => message.text);
    expect(texts).to.deep.equal([visitor.message, 'over raw websocket', 'after the drop']);
    chat.resetChat();
    await server.stop();
  });

  it('speaks SockJS over a plain WebSocket: sockjs-client is not downloaded where WebSockets work', async () => {
    const server = await startFakeServer();
    const opened: string[] = [];
    const RealWebSocket = window.WebSocket;
    window.WebSocket = class extends RealWebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        opened.push(String(url));
      }
    };
    try {
      const chat = createCentionChat({ baseURL: server.baseURL });
      const log = new EventLog(chat);
      await new Promise((resolve) => chat.canChat(resolve, 2));
      chat.connect(visitor);
      await log.waitFor('queue');
      // SockJS's own WebSocket address: <prefix>/<server id>/<session id>/websocket.
      expect(opened).to.have.length(1);
      expect(opened[0]).to.match(
        /^ws:\/\/[^/]+\/s\/demo\/socket\/external\/\d{1,3}\/\w+\/websocket$/,
      );
      expect(sockjsLoaded(), 'sockjs-client fetched').to.equal(false);
      chat.resetChat();
    } finally {
      window.WebSocket = RealWebSocket;
      await server.stop();
    }
  });

  // Last in this file: after a fallback, the page keeps using sockjs-client (module state).
  it('falls back to sockjs-client (XHR) where a WebSocket cannot open, and the chat works', async () => {
    const server = await startFakeServer();
    const RealWebSocket = window.WebSocket;
    /** A network that blocks WebSockets: every socket fails before it opens. */
    class BlockedWebSocket extends EventTarget {
      static readonly CONNECTING = 0;
      static readonly OPEN = 1;
      static readonly CLOSING = 2;
      static readonly CLOSED = 3;
      readyState = 0;
      onopen: ((event: Event) => void) | null = null;
      onmessage: ((event: MessageEvent) => void) | null = null;
      onerror: ((event: Event) => void) | null = null;
      onclose: ((event: CloseEvent) => void) | null = null;
      constructor() {
        super();
        setTimeout(() => {
          this.readyState = 3;
          const closed = new CloseEvent('close', { code: 1006 });
          this.onerror?.(new Event('error'));
          this.onclose?.(closed);
          this.dispatchEvent(closed);
        }, 5);
      }
      send(): void {}
      close(): void {}
    }
    window.WebSocket = BlockedWebSocket as unknown as typeof WebSocket;
    try {
      const chat = createCentionChat({ baseURL: server.baseURL });
      const log = new EventLog(chat);
      chat.connect(visitor);
      await log.waitFor('queue');
      expect(sockjsLoaded(), 'sockjs-client fetched for the fallback').to.equal(true);
      chat.message('over XHR');
      await server.waitForFrames('chat message');
      chat.resetChat();
    } finally {
      window.WebSocket = RealWebSocket;
      await server.stop();
    }
  });
});
