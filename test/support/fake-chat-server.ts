/**
 * A scriptable, in-process chat server for tests: a real `sockjs` server plus the HTTP endpoints of
 * protocol.md (fake-http-api.ts), on a random port.
 *
 * It speaks the visitor side of the protocol well enough for client and component tests ("happy"
 * auto-reply mode), and lets a test take over: send any frame (also malformed text), read the
 * `received` log, drop connections, refuse new ones for a while (offline), script canchat and
 * upload answers. Modelled on centrifuge-js's fakeServer. Node only; browser tests drive it through
 * the WTR commands in `wtr-plugins.ts` and the helper in `fake-server-client.ts`. Frames and events
 * are typed from src/protocol.
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import sockjs from 'sockjs';
import type {
  ChatMessage,
  VisitorServerEventName,
  VisitorServerEvents,
} from '../../src/protocol/index.js';
import { handleHttpApi, workspacePath, type FakeHttpContext } from './fake-http-api.js';
import { FakeSessions, sessionInfo, type SessionRecord } from './fake-sessions.js';
import type {
  ClientFrame,
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

interface LiveConnection {
  number: number;
  socket: sockjs.Connection;
  session?: SessionRecord;
}

type FrameData = Record<string, unknown>;

/**
 * Cuts a connection like a network failure would: the TCP socket is destroyed without a SockJS
 * close frame when the transport is a WebSocket (sockjs keeps it at `_session.recv.connection`);
 * other transports get a close frame with an application code.
 */
function dropConnection(socket: sockjs.Connection): void {
  const session: unknown = Reflect.get(socket, '_session');
  const receiver: unknown = isRecord(session) ? session.recv : undefined;
  const tcp: unknown = isRecord(receiver) ? receiver.connection : undefined;
  if (tcp && typeof tcp === 'object' && 'destroy' in tcp && typeof tcp.destroy === 'function') {
    tcp.destroy();
  } else {
    socket.close('4000', 'dropped by test');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseClientFrame(raw: string): ClientFrame | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (!isRecord(value) || typeof value.type !== 'string') return undefined;
    return {
      type: value.type,
      id: typeof value.id === 'number' ? value.id : 0,
      ...(isRecord(value.data) ? { data: value.data } : {}),
    };
  } catch {
    return undefined;
  }
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

export class FakeChatServer {
  /** `http://127.0.0.1:<port>/s/demo`, the `baseURL` a client uses. */
  baseURL = '';
  /** Every text visitor connections sent, in arrival order. */
  readonly received: ReceivedFrame[] = [];
  /** Every HTTP API request, in arrival order. */
  readonly httpRequests: HttpRequestRecord[] = [];

  private readonly options: Required<Omit<FakeServerOptions, 'canChat'>>;
  private canChatAnswer: FakeCanChatAnswer;
  private uploadAnswer: FakeHttpAnswer | undefined;
  private readonly httpServer: http.Server;
  private readonly connections = new Map<number, LiveConnection>();
  private readonly store = new FakeSessions();
  private connectionCount = 0;
  private refuseUntil = 0;

  private constructor(options: FakeServerOptions) {
    this.options = {
      autoReply: options.autoReply ?? true,
      ackMessages: options.ackMessages ?? true,
      queuePosition: options.queuePosition === undefined ? 1 : options.queuePosition,
      heartbeatMs: options.heartbeatMs ?? 25000,
    };
    this.canChatAnswer = options.canChat ?? {};
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
    for (const connection of this.connections.values()) connection.socket.close();
    this.httpServer.closeAllConnections();
    await new Promise<void>((resolve) => this.httpServer.close(() => resolve()));
  }

  // ---- scripting API -------------------------------------------------------------------------

  /** Sends a frame (JSON-encoded unless it is already a string) to one connection or to all. */
  send(frame: unknown, connection?: number): void {
    const text = typeof frame === 'string' ? frame : JSON.stringify(frame);
    for (const live of this.connections.values()) {
      if (connection === undefined || live.number === connection) live.socket.write(text);
    }
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
    this.sendMessages(session, [message]);
    return message;
  }

  /** Ends a session from the server side (agent or system), as `finish chat session`. */
  finishSession(by: 'agent' | 'system' = 'agent', sessionId?: number): void {
    const session = this.store.find(sessionId);
    if (!session) return;
    session.closed = true;
    this.sendToSession(session, 'finish chat session', { by });
  }

  /** Closes one connection (by number) or all of them, as a network drop would. */
  drop(connection?: number): void {
    for (const live of [...this.connections.values()]) {
      if (connection === undefined || live.number === connection) {
        dropConnection(live.socket);
        this.connections.delete(live.number);
      }
    }
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
    return [...this.connections.keys()];
  }

  sessionList(): FakeSession[] {
    return [...this.store.sessions.values()].map(({ sentByUmid: _sentByUmid, ...session }) => ({
      ...session,
      messages: [...session.messages],
      connections: [...this.connections.values()]
        .filter((live) => live.session === session)
        .map((live) => live.number),
    }));
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
    this.connectionCount += 1;
    const live: LiveConnection = { number: this.connectionCount, socket };
    this.connections.set(live.number, live);
    socket.on('data', (raw: string) => this.handleFrame(live, raw));
    socket.on('close', () => this.connections.delete(live.number));
  }

  private handleFrame(live: LiveConnection, raw: string): void {
    const frame = parseClientFrame(raw);
    this.received.push({ connection: live.number, raw, ...(frame ? { frame } : {}) });
    if (!this.options.autoReply) return;
    if (!frame) {
      this.reply(live, 'error', [{ code: 'bad_frame', message: 'not a frame' }]);
      return;
    }
    const data = frame.data ?? {};
    switch (frame.type) {
      case 'register':
        return this.handleRegister(live, frame.id, data);
      case 'resume':
        return this.handleResume(live, frame.id, data);
      case 'chat message':
        return this.handleChatMessage(live, frame.id, data);
      case 'add attachment':
        return this.handleAttachment(live, frame.id, data);
      case 'close chat':
        return this.handleCloseChat(live);
      case 'history':
        return this.handleHistory(live, frame.id, data);
      case 'preview':
      case 'postback':
      case 'seen':
        return;
      default:
        this.reply(
          live,
          'error',
          [{ code: 'bad_frame', message: `unknown type ${frame.type}` }],
          frame.id,
        );
    }
  }

  // The handlers read `data` defensively: a test may send any frame, not only valid ones.

  private handleRegister(live: LiveConnection, id: number, data: FrameData): void {
    const areaId = typeof data.area === 'number' ? data.area : Number(data.area);
    const session = this.store.create(areaId, textOf(data.name));
    live.session = session;
    this.reply(live, 'register', [sessionInfo(session)], id);
    const question = this.store.store(session, {
      sender: 'CLIENT',
      umid: '',
      text: textOf(data.message),
    });
    this.reply(live, 'chat message', [{ agent: '', client: session.clientName, chat: [question] }]);
    this.sendQueuePosition(live);
  }

  private handleResume(live: LiveConnection, id: number, data: FrameData): void {
    const session = this.store.sessions.get(Number(data.sessionId));
    const error = !session
      ? 'no session'
      : session.sessionSecret !== data.sessionSecret
        ? 'bad secret'
        : session.closed
          ? 'chat closed'
          : undefined;
    if (error || !session) {
      this.reply(live, 'resume', [{ error: error ?? 'no session' }], id);
      return;
    }
    live.session = session;
    const lastSeenId = typeof data.lastSeenId === 'number' ? data.lastSeenId : 0;
    let backlog = session.messages.filter((message) => message.id > lastSeenId);
    // `historyLimit` without `lastSeenId`: only the newest page, as the reference server does.
    const limit = typeof data.historyLimit === 'number' && lastSeenId === 0 ? data.historyLimit : 0;
    const hasOlder = limit > 0 ? { hasOlder: backlog.length > limit } : {};
    if (limit > 0) backlog = backlog.slice(-limit);
    this.reply(live, 'resume', [{ ...sessionInfo(session), ...hasOlder }], id);
    if (backlog.length > 0) {
      this.reply(live, 'chat message', [
        { agent: session.agent, client: session.clientName, chat: backlog },
      ]);
    }
    if (!session.agent) this.sendQueuePosition(live);
  }

  /** `history {before?, limit?}` → `history {messages, hasMore}` of the bound session. */
  private handleHistory(live: LiveConnection, id: number, data: FrameData): void {
    const session = live.session;
    if (!session) {
      this.reply(live, 'error', [{ code: 'no_session', message: 'no chat' }], id);
      return;
    }
    const before = typeof data.before === 'number' ? data.before : Number.MAX_SAFE_INTEGER;
    const limit = Math.min(100, Math.max(1, typeof data.limit === 'number' ? data.limit : 50));
    const older = session.messages.filter((message) => message.id < before);
    const messages = older.slice(-limit);
    this.reply(live, 'history', [{ messages, hasMore: older.length > limit }], id);
  }

  private handleChatMessage(live: LiveConnection, id: number, data: FrameData): void {
    const session = live.session;
    if (!session || session.closed) {
      this.reply(live, 'error', [{ code: 'no_session', message: 'no chat' }], id);
      return;
    }
    const umid = textOf(data.umid);
    const known = session.sentByUmid.get(umid);
    if (known) {
      // Exactly-once: a resend is answered like the first time and not stored again.
      this.reply(live, 'message sent', [known], id);
      return;
    }
    const message = this.store.store(session, {
      sender: 'CLIENT',
      umid,
      text: textOf(data.message),
    });
    const sent = { id: message.id, umid, sent: message.sent, sentHuman: message.sentHuman };
    if (umid) session.sentByUmid.set(umid, sent);
    if (!this.options.ackMessages) return;
    this.reply(live, 'message sent', [sent], id);
    this.sendMessages(session, [message]);
  }

  private handleAttachment(live: LiveConnection, id: number, data: FrameData): void {
    const session = live.session;
    const file = data.file;
    if (!session || session.closed || !isRecord(file)) {
      this.reply(live, 'error', [{ code: 'bad_frame', message: 'no file' }], id);
      return;
    }
    // Copied as the visitor sent them, like a FileUploadItem (src/protocol/items.ts).
    const item = {
      event: 'FILE_UPLOAD',
      fileDownload: file.download,
      fileName: file.value,
      sizeHuman: file.sizeHuman,
      mime: file.mime,
    };
    const message = this.store.store(session, {
      sender: 'CLIENT',
      umid: textOf(data.umid),
      text: '\u0001' + JSON.stringify(item),
    });
    this.sendMessages(session, [message]);
  }

  private handleCloseChat(live: LiveConnection): void {
    const session = live.session;
    if (!session) {
      this.reply(live, 'finish chat session', [{ by: 'client' }]);
      return;
    }
    session.closed = true;
    this.store.store(session, {
      sender: 'SYSTEM',
      umid: '',
      text: '\u0001' + JSON.stringify({ event: 'CLIENT_ENDS_CHAT' }),
    });
    this.sendToSession(session, 'finish chat session', { by: 'client' });
  }

  private sendQueuePosition(live: LiveConnection): void {
    if (this.options.queuePosition !== null)
      this.reply(live, 'queue', [this.options.queuePosition]);
  }

  private reply<E extends VisitorServerEventName>(
    live: LiveConnection,
    event: E,
    args: VisitorServerEvents[E],
    re?: number,
  ): void {
    live.socket.write(JSON.stringify(re ? { event, args, re } : { event, args }));
  }

  private sendMessages(session: SessionRecord, chat: ChatMessage[]): void {
    this.sendToSession(session, 'chat message', {
      agent: session.agent,
      client: session.clientName,
      chat,
    });
  }

  /** One-argument events to every connection attached to the session. */
  private sendToSession<E extends 'chat message' | 'finish chat session'>(
    session: SessionRecord,
    event: E,
    payload: VisitorServerEvents[E][0],
  ): void {
    for (const live of this.connections.values()) {
      if (live.session === session) this.reply(live, event, [payload] as VisitorServerEvents[E]);
    }
  }
}
