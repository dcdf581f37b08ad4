/**
 * A scriptable, in-process chat server for tests: a real `sockjs` server plus the HTTP endpoints of
 * protocol.md (canchat, upload, download, savehistory, printhistory), on a random port.
 *
 * It speaks the visitor side of the protocol well enough for client and component tests ("happy"
 * auto-reply mode), and lets a test take over: send any frame (also malformed text), read the
 * `received` log, drop connections, refuse new ones for a while (offline), script canchat and
 * upload answers. Modelled on centrifuge-js's fakeServer. Node only; browser tests drive it through
 * the WTR commands in `wtr-plugins.ts` and the helper in `fake-server-client.ts`.
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import sockjs from 'sockjs';
import type {
  ClientFrame,
  FakeCanChatAnswer,
  FakeChatMessage,
  FakeHttpAnswer,
  FakeServerOptions,
  FakeSession,
  HttpRequestRecord,
  ReceivedFrame,
} from './fake-server-types.js';

export type * from './fake-server-types.js';

const workspacePath = '/s/demo';
const socketPrefix = `${workspacePath}/socket/external`;
const apiPrefix = `${workspacePath}/socket/external.api`;

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

interface SessionRecord extends Omit<FakeSession, 'connections'> {
  /** umid → the `message sent` payload first answered, so a resend gets the same answer. */
  sentByUmid: Map<string, { id: number; umid: string; sent: number; sentHuman: string }>;
}

interface StoredUpload {
  id: string;
  name: string;
  mime: string;
  bytes: Buffer;
  sessionId: number;
}

const defaultCanChat = {
  chatOpen: true,
  agentsAvailable: 1,
  feature: {
    'chat.attachment': true,
    'chat.max-attachment-size': 1024 * 1024,
    'chat.max-image-size': 512 * 1024,
    'chat.external-source-page': false,
  },
};

function humanTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function humanSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

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
  private readonly sessions = new Map<number, SessionRecord>();
  private readonly uploads = new Map<string, StoredUpload>();
  private connectionCount = 0;
  private nextSessionId = 1;
  private nextMessageId = 1;
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
    this.httpServer = http.createServer((request, response) => {
      if (request.url?.startsWith(socketPrefix + '/') || request.url === socketPrefix) {
        if (this.isRefusing()) {
          response.writeHead(503, { 'access-control-allow-origin': '*' }).end();
          return;
        }
        if (sockjsHandler(request, response) === true) return;
      }
      this.handleHttp(request, response).catch((error: unknown) => {
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
  emit(event: string, ...args: unknown[]): void {
    this.send({ event, args });
  }

  /** Stores a message from an agent (or the system) in a session and pushes it to its connections. */
  pushMessage(
    text: string,
    options: { sender?: 'AGENT' | 'SYSTEM'; agent?: string; sessionId?: number } = {},
  ): FakeChatMessage | undefined {
    const session = this.findSession(options.sessionId);
    if (!session) return undefined;
    const sender = options.sender ?? 'AGENT';
    if (sender === 'AGENT') session.agent = options.agent ?? (session.agent || 'Agent Smith');
    const message = this.storeMessage(session, {
      sender,
      text,
      umid: '',
      ...(sender === 'AGENT' ? { agent: session.agent } : {}),
    });
    this.sendToSession(session, 'chat message', {
      agent: session.agent,
      client: session.clientName,
      chat: [message],
    });
    return message;
  }

  /** Ends a session from the server side (agent or system), as `finish chat session`. */
  finishSession(by: 'agent' | 'system' = 'agent', sessionId?: number): void {
    const session = this.findSession(sessionId);
    if (!session) return;
    session.closed = true;
    this.sendToSession(session, 'finish chat session', { by });
  }

  /** Closes one connection (by number) or all of them, as a network drop would. */
  drop(connection?: number): void {
    for (const live of [...this.connections.values()]) {
      if (connection === undefined || live.number === connection) {
        dropConnection(live.socket);
        this.forgetConnection(live);
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
    return [...this.sessions.values()].map(({ sentByUmid: _sentByUmid, ...session }) => ({
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
    socket.on('close', () => this.forgetConnection(live));
  }

  private forgetConnection(live: LiveConnection): void {
    this.connections.delete(live.number);
  }

  private handleFrame(live: LiveConnection, raw: string): void {
    const frame = parseClientFrame(raw);
    this.received.push({ connection: live.number, raw, ...(frame ? { frame } : {}) });
    if (!this.options.autoReply) return;
    if (!frame) {
      this.reply(live, 'error', { code: 'bad_frame', message: 'not a frame' });
      return;
    }
    const data = frame.data ?? {};
    switch (frame.type) {
      case 'register':
        return this.handleRegister(live, frame, data);
      case 'resume':
        return this.handleResume(live, frame, data);
      case 'chat message':
        return this.handleChatMessage(live, frame, data);
      case 'add attachment':
        return this.handleAttachment(live, frame, data);
      case 'close chat':
        return this.handleCloseChat(live);
      case 'preview':
      case 'postback':
      case 'seen':
        return;
      default:
        this.reply(
          live,
          'error',
          { code: 'bad_frame', message: `unknown type ${frame.type}` },
          frame.id,
        );
    }
  }

  private handleRegister(
    live: LiveConnection,
    frame: ClientFrame,
    data: Record<string, unknown>,
  ): void {
    const session: SessionRecord = {
      sessionId: this.nextSessionId++,
      sessionSecret: randomBytes(12).toString('hex'),
      areaId: typeof data.area === 'number' ? data.area : Number(data.area),
      clientName: typeof data.name === 'string' ? data.name : '',
      agent: '',
      closed: false,
      messages: [],
      sentByUmid: new Map(),
    };
    this.sessions.set(session.sessionId, session);
    live.session = session;
    this.reply(live, 'register', this.sessionInfo(session), frame.id);
    const question = this.storeMessage(session, {
      sender: 'CLIENT',
      umid: '',
      text: typeof data.message === 'string' ? data.message : '',
    });
    this.reply(live, 'chat message', {
      agent: '',
      client: session.clientName,
      chat: [question],
    });
    if (this.options.queuePosition !== null) this.reply(live, 'queue', this.options.queuePosition);
  }

  private handleResume(
    live: LiveConnection,
    frame: ClientFrame,
    data: Record<string, unknown>,
  ): void {
    const session = this.sessions.get(Number(data.sessionId));
    const error = !session
      ? 'no session'
      : session.sessionSecret !== data.sessionSecret
        ? 'bad secret'
        : session.closed
          ? 'chat closed'
          : undefined;
    if (error || !session) {
      this.reply(live, 'resume', { error: error ?? 'no session' }, frame.id);
      return;
    }
    live.session = session;
    this.reply(live, 'resume', this.sessionInfo(session), frame.id);
    const lastSeenId = typeof data.lastSeenId === 'number' ? data.lastSeenId : 0;
    const backlog = session.messages.filter((message) => message.id > lastSeenId);
    if (backlog.length > 0) {
      this.reply(live, 'chat message', {
        agent: session.agent,
        client: session.clientName,
        chat: backlog,
      });
    }
    if (!session.agent && this.options.queuePosition !== null) {
      this.reply(live, 'queue', this.options.queuePosition);
    }
  }

  private handleChatMessage(
    live: LiveConnection,
    frame: ClientFrame,
    data: Record<string, unknown>,
  ): void {
    const session = live.session;
    if (!session || session.closed) {
      this.reply(live, 'error', { code: 'no_session', message: 'no chat' }, frame.id);
      return;
    }
    const umid = typeof data.umid === 'string' ? data.umid : '';
    const known = session.sentByUmid.get(umid);
    if (known) {
      // Exactly-once: a resend is answered like the first time and not stored again.
      this.reply(live, 'message sent', known, frame.id);
      return;
    }
    const message = this.storeMessage(session, {
      sender: 'CLIENT',
      umid,
      text: typeof data.message === 'string' ? data.message : '',
    });
    const sent = { id: message.id, umid, sent: message.sent, sentHuman: message.sentHuman };
    if (umid) session.sentByUmid.set(umid, sent);
    if (!this.options.ackMessages) return;
    this.reply(live, 'message sent', sent, frame.id);
    this.sendToSession(session, 'chat message', {
      agent: session.agent,
      client: session.clientName,
      chat: [message],
    });
  }

  private handleAttachment(
    live: LiveConnection,
    frame: ClientFrame,
    data: Record<string, unknown>,
  ): void {
    const session = live.session;
    const file = data.file;
    if (!session || session.closed || !isRecord(file)) {
      this.reply(live, 'error', { code: 'bad_frame', message: 'no file' }, frame.id);
      return;
    }
    const item = {
      event: 'FILE_UPLOAD',
      fileDownload: file.download,
      fileName: file.value,
      sizeHuman: file.sizeHuman,
      mime: file.mime,
    };
    const message = this.storeMessage(session, {
      sender: 'CLIENT',
      umid: typeof data.umid === 'string' ? data.umid : '',
      text: '\u0001' + JSON.stringify(item),
    });
    this.sendToSession(session, 'chat message', {
      agent: session.agent,
      client: session.clientName,
      chat: [message],
    });
  }

  private handleCloseChat(live: LiveConnection): void {
    const session = live.session;
    if (!session) {
      this.reply(live, 'finish chat session', { by: 'client' });
      return;
    }
    session.closed = true;
    this.storeMessage(session, {
      sender: 'SYSTEM',
      umid: '',
      text: '\u0001' + JSON.stringify({ event: 'CLIENT_ENDS_CHAT' }),
    });
    this.sendToSession(session, 'finish chat session', { by: 'client' });
  }

  private sessionInfo(session: SessionRecord) {
    return {
      sessionId: session.sessionId,
      sessionSecret: session.sessionSecret,
      areaId: session.areaId,
      clientName: session.clientName,
    };
  }

  private findSession(sessionId?: number): SessionRecord | undefined {
    if (sessionId !== undefined) return this.sessions.get(sessionId);
    const open = [...this.sessions.values()].filter((session) => !session.closed);
    return open[open.length - 1];
  }

  private storeMessage(
    session: SessionRecord,
    fields: Pick<FakeChatMessage, 'sender' | 'umid' | 'text'> & { agent?: string },
  ): FakeChatMessage {
    const now = new Date();
    const message: FakeChatMessage = {
      id: this.nextMessageId++,
      sent: Math.floor(now.getTime() / 1000),
      sentHuman: humanTime(now),
      ...fields,
    };
    session.messages.push(message);
    return message;
  }

  private reply(live: LiveConnection, event: string, payload?: unknown, re?: number): void {
    const args = payload === undefined ? [] : [payload];
    live.socket.write(JSON.stringify(re ? { event, args, re } : { event, args }));
  }

  private sendToSession(session: SessionRecord, event: string, payload: unknown): void {
    for (const live of this.connections.values()) {
      if (live.session === session) this.reply(live, event, payload);
    }
  }

  // ---- HTTP side -----------------------------------------------------------------------------

  private async handleHttp(
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, POST' }).end();
      return;
    }
    if (!url.pathname.startsWith(apiPrefix + '/')) {
      response.writeHead(404, cors).end();
      return;
    }
    const path = url.pathname.slice(workspacePath.length);
    const query = Object.fromEntries(url.searchParams);
    this.httpRequests.push({ method: request.method ?? 'GET', path, query });
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { ...cors, 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const route = url.pathname.slice(apiPrefix.length + 1);
    const session = this.sessions.get(Number(query.sessionId ?? query.session));
    const sessionBySecret = [...this.sessions.values()].find(
      (candidate) => candidate.sessionSecret === (query.secret ?? query.t),
    );

    if (route === 'canchat') {
      const answer = { ...defaultCanChat, ...this.canChatAnswer };
      const resumable =
        this.canChatAnswer.resumable ??
        Boolean(session && !session.closed && session.sessionSecret === query.secret);
      json(200, { ...answer, resumable });
      return;
    }
    if (route === 'upload' && request.method === 'POST') {
      await this.handleUpload(request, json);
      return;
    }
    if (route.startsWith('download/')) {
      const upload = this.uploads.get(route.slice('download/'.length));
      const owner = upload && this.sessions.get(upload.sessionId);
      if (!upload || !owner || owner.sessionSecret !== query.t) {
        json(404, { error: { code: 'not_found', message: 'no such file' } });
        return;
      }
      response.writeHead(200, { ...cors, 'content-type': upload.mime });
      response.end(upload.bytes);
      return;
    }
    if (route === 'savehistory' || route === 'printhistory') {
      if (!sessionBySecret) {
        json(403, { error: { code: 'bad_secret', message: 'unknown secret' } });
        return;
      }
      const lines = sessionBySecret.messages.map(
        (message) => `${message.sentHuman} ${message.sender}: ${message.text}`,
      );
      const isPrint = route === 'printhistory';
      response.writeHead(200, {
        ...cors,
        'content-type': isPrint ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
      });
      response.end(isPrint ? `<pre>${lines.join('\n')}</pre>` : lines.join('\n'));
      return;
    }
    json(404, { error: { code: 'not_found', message: 'no such endpoint' } });
  }

  private async handleUpload(
    request: http.IncomingMessage,
    json: (status: number, body: unknown) => void,
  ): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (this.uploadAnswer) {
      json(this.uploadAnswer.status, this.uploadAnswer.body);
      return;
    }
    // Node's fetch Response parses multipart bodies, so no multipart library is needed here.
    const form = await new Response(Buffer.concat(chunks), {
      headers: { 'content-type': request.headers['content-type'] ?? '' },
    }).formData();
    const file = form.get('uploadfile');
    const session = this.sessions.get(Number(form.get('session')));
    if (!session || session.sessionSecret !== form.get('sessionSecret')) {
      json(403, { error: { code: 'no_session', message: 'no such session' } });
      return;
    }
    if (session.closed) {
      json(409, { error: { code: 'chat_closed', message: 'the chat has ended' } });
      return;
    }
    if (!(file instanceof Blob)) {
      json(400, { error: { code: 'bad_type', message: 'uploadfile is missing' } });
      return;
    }
    const limit = Number(
      this.canChatAnswer.feature?.['chat.max-attachment-size'] ??
        defaultCanChat.feature['chat.max-attachment-size'],
    );
    if (file.size > limit) {
      json(413, { error: { code: 'too_large', message: 'file too large' } });
      return;
    }
    const id = randomBytes(6).toString('hex');
    const name = file instanceof File ? file.name : 'file';
    const mime = file.type || 'application/octet-stream';
    this.uploads.set(id, {
      id,
      name,
      mime,
      bytes: Buffer.from(await file.arrayBuffer()),
      sessionId: session.sessionId,
    });
    json(200, {
      id,
      download: `${this.baseURL}/socket/external.api/download/${id}`,
      value: name,
      size: file.size,
      sizeHuman: humanSize(file.size),
      mime,
    });
  }
}
