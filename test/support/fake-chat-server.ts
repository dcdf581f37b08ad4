/**
 * A scriptable, in-process chat server for tests: a real `sockjs` server plus the HTTP endpoints of
 * protocol.md (fake-http-api.ts), on a random port.
 *
 * It speaks the visitor side of the protocol well enough for client and component tests ("happy"
 * auto-reply mode), and lets a test take over: send any frame (also malformed text), read the
 * `received` log, drop connections, refuse new ones for a while (offline), script canchat and
 * upload answers. Modelled on centrifuge-js's fakeServer. Node only; browser tests drive it through
 * the WTR commands in `wtr-plugins.ts` and the helper in `fake-server-client.ts`. Frames and events
 * are typed from src/protocol. This file is the server and its scripting API; the auto-reply is in
 * fake-visitor-protocol.ts, the connections in fake-connections.ts.
 */ import http from 'node:http';
import type { Duplex } from 'node:stream';
import sockjs from 'sockjs';
import type {
  ChatMessage,
  VisitorServerEventName,
  VisitorServerEvents,
} from '../../src/protocol/index.js';
import { FakeConnections, parseClientFrame, type LiveConnection } from './fake-connections.js';
import { handleHttpApi, workspacePath, type FakeHttpContext } from './fake-http-api.js';
import { FakeSessions } from './fake-sessions.js';
import { FakeVisitorProtocol, type ReplyOptions } from './fake-visitor-protocol.js';
import type {
  FakeCanChatAnswer,
  FakeHttpAnswer,
  FakeServerOptions,
  FakeSession,
  HttpRequestRecord,
  PushMessageOptions,
  ReceivedFrame,
} from './fake-server-types.js';

export type * from './fake-server-types.js';

const socketPrefix = `${workspacePath}/socket/external`;

type SockJSHandler = (
  request: http.IncomingMessage,
  responseOrSocket: http.ServerResponse | Duplex,
  head?: Buffer,
) => boolean;

export class FakeChatServer {
  /** `http://127.0.0.1:<port>/s/demo`, the `baseURL` a client uses. */
  baseURL = '';
  /** Every text visitor connections sent, in arrival order. */
  readonly received: ReceivedFrame[] = [];
  /** Every HTTP API request, in arrival order. */
  readonly httpRequests: HttpRequestRecord[] = [];

  private readonly options: ReplyOptions;
  private canChatAnswer: FakeCanChatAnswer;
  private uploadAnswer: FakeHttpAnswer | undefined;
  private readonly httpServer: http.Server;
  private readonly connections = new FakeConnections();
  private readonly store = new FakeSessions();
  private readonly protocol: FakeVisitorProtocol;
  private refuseUntil = 0;

  private constructor(options: FakeServerOptions) {
    this.options = {
      autoReply: options.autoReply ?? true,
      ackMessages: options.ackMessages ?? true,
      queuePosition: options.queuePosition === undefined ? 1 : options.queuePosition,
      heartbeatMs: options.heartbeatMs ?? 25000,
    };
    this.canChatAnswer = options.canChat ?? {};
    this.protocol = new FakeVisitorProtocol(this.store, this.connections, this.options);
    const socketServer = sockjs.createServer({
      prefix: socketPrefix,
      heartbeat_delay: this.options.heartbeatMs,
      disconnect_delay: 1000,
      log: () => {},
    });
    socketServer.on('connection', (socket: sockjs.Connection | null) => {
      // sockjs emits a null connection when a handshake fails half-way; nothing to track then.
      if (socket) this.handleConnection(socket);
    });
    // `middleware()` exists in sockjs 0.3 but not in its typings: a handler that returns true when
    // the request was for the SockJS prefix. Calling it ourselves lets `refuseConnections` say no first.
    const sockjsHandler = (socketServer as unknown as { middleware(): SockJSHandler }).middleware();
    const httpContext: FakeHttpContext = {
      baseURL: () => this.baseURL,
      store: this.store,
      log: this.httpRequests,
      canChatAnswer: () => this.canChatAnswer,
      uploadAnswer: () => this.uploadAnswer,
    };
    this.httpServer = http.createServer((request, response) => {
      if (request.url?.startsWith(socketPrefix + '/') || request.url === socketPrefix) {
        if (this.isRefusing()) {
          response.writeHead(503, { 'access-control-allow-origin': '*' }).end();
          return;
        }
        if (sockjsHandler(request, response) === true) return;
      }
      handleHttpApi(httpContext, request, response).catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
    this.httpServer.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      if (this.isRefusing() || sockjsHandler(request, socket, head) !== true) socket.destroy();
    });
  }

  /** Starts a server on a random port of 127.0.0.1. */
  static async start(options: FakeServerOptions = {}): Promise<FakeChatServer> {
    const server = new FakeChatServer(options);
    await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
    const address = server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('fake server has no port');
    server.baseURL = `http://127.0.0.1:${address.port}${workspacePath}`;
    return server;
  }

  async stop(): Promise<void> {
    this.connections.closeAll();
    this.httpServer.closeAllConnections();
    await new Promise<void>((resolve) => this.httpServer.close(() => resolve()));
  }

  // ---- scripting API -------------------------------------------------------------------------

  /** Sends a frame (JSON-encoded unless it is already a string) to one connection or to all. */
  send(frame: unknown, connection?: number): void {
    this.connections.send(typeof frame === 'string' ? frame : JSON.stringify(frame), connection);
  }

  /** Sends `{event, args}` to every open connection. */
  emit<E extends VisitorServerEventName>(event: E, ...args: VisitorServerEvents[E]): void {
    this.send({ event, args });
  }

  /** Stores a message from an agent (or the system) in a session and pushes it to its connections. */
  pushMessage(text: string, options: PushMessageOptions = {}): ChatMessage | undefined {
    const session = this.store.find(options.sessionId);
    if (!session) return undefined;
    const sender = options.sender ?? 'AGENT';
    if (sender === 'AGENT') session.agent = options.agent ?? (session.agent || 'Agent Smith');
    const message = this.store.store(session, {
      sender,
      text,
      umid: '',
      ...(sender === 'AGENT' ? { agent: session.agent } : {}),
    });
    this.connections.sendMessages(session, [message]);
    return message;
  }

  /** Ends a session from the server side (agent or system), as `finish chat session`. */
  finishSession(by: 'agent' | 'system' = 'agent', sessionId?: number): void {
    const session = this.store.find(sessionId);
    if (!session) return;
    session.closed = true;
    this.connections.sendToSession(session, 'finish chat session', { by });
  }

  /** Closes one connection (by number) or all of them, as a network drop would. */
  drop(connection?: number): void {
    this.connections.drop(connection);
  }

  /** Refuses new socket connections for `ms` milliseconds (0 stops refusing). */
  refuseConnections(ms: number): void {
    this.refuseUntil = ms > 0 ? Date.now() + ms : 0;
  }

  setAutoReply(autoReply: boolean): void {
    this.options.autoReply = autoReply;
  }

  /** See `FakeServerOptions.ackMessages`. */
  setAckMessages(ackMessages: boolean): void {
    this.options.ackMessages = ackMessages;
  }

  setCanChat(answer: FakeCanChatAnswer): void {
    this.canChatAnswer = answer;
  }

  /** Scripts the answer of every following upload; undefined returns to the happy answer. */
  setUploadAnswer(answer: FakeHttpAnswer | undefined): void {
    this.uploadAnswer = answer;
  }

  /** Numbers of the connections open now. */
  openConnections(): number[] {
    return this.connections.numbers();
  }

  sessionList(): FakeSession[] {
    return [...this.store.sessions.values()].map((record) => {
      const { sentByUmid: _sentByUmid, ...session } = record;
      return {
        ...session,
        messages: [...session.messages],
        connections: this.connections.numbersOf(record),
      };
    });
  }

  /** Forgets the logs (received frames and HTTP requests) but keeps sessions and connections. */
  clearLogs(): void {
    this.received.length = 0;
    this.httpRequests.length = 0;
  }

  // ---- socket side ---------------------------------------------------------------------------

  private isRefusing(): boolean {
    return Date.now() < this.refuseUntil;
  }

  private handleConnection(socket: sockjs.Connection): void {
    const live = this.connections.add(socket);
    socket.on('data', (raw: string) => this.handleFrame(live, raw));
  }

  /** Logs every text a visitor sends; answers it unless a test turned the auto-reply off. */
  private handleFrame(live: LiveConnection, raw: string): void {
    const frame = parseClientFrame(raw);
    this.received.push({ connection: live.number, raw, ...(frame ? { frame } : {}) });
    if (!this.options.autoReply) return;
    this.protocol.answer(live, frame);
  }
}
