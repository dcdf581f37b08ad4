/**
 * `CentionChat`: the typed port of CentionChatAPI (reference/chat-api.txt), plain TypeScript. This
 * facade keeps every name of the Chat API and the chat's lifecycle (register or resume on each
 * open, close), and delegates the rest: events to emitter.ts, the socket (backoff, idle timeout,
 * online/offline) to connection.ts, the session and its consent-first storage to session-book.ts,
 * the outbox, acks and dedupe to delivery.ts, the wire format to codec.ts, canChat and URLs to
 * http.ts, sending a file to upload.ts (loaded when the first file is sent).
 */
import { resumeRefusalCodes } from '../protocol/codes.js';
import type { ErrorPayload, PageFrame, ResumeRefusal } from '../protocol/index.js';
import type {
  CentionChatEventMap,
  CentionChatEventName,
  CentionChatHandler,
  ResumeResult,
  SessionInfo,
} from './events.js';
import type {
  AttachFileHandlers,
  CanChatResult,
  CentionChatApi,
  CentionChatOptions,
  ChatFeatures,
  ClientStatus,
  ConnectParameters,
  ConnectionState,
  UnsentMessage,
} from './types.js';
import type { VisitorServerFrame } from './codec.js';
import { createConnection, type Connection } from './connection.js';
import { createDelivery, type Delivery } from './delivery.js';
import { History } from './history.js';
import { callSafely, Emitter } from './emitter.js';
import { CentionChatError } from './errors.js';
import { apiURL, requestCanChat, transcriptURL } from './http.js';
import { resolveOptions, type ResolvedOptions } from './options.js';
import { Outbox } from './outbox.js';
import type { FileChat } from './upload.js';
import { SessionBook } from './session-book.js';

export class CentionChat implements CentionChatApi {
  /** `https://<host>/s/<workspace>`. */
  baseURL: string;
  /** Translation hook for system texts (see system-items.ts); undefined keeps the English text. */
  I: (text: string) => string | undefined = () => undefined;

  readonly #options: ResolvedOptions;
  /** The session, what `connect()` registers with, and their storage (session-book.ts). */
  readonly #book: SessionBook;

  readonly #events = new Emitter<CentionChatEventMap>();
  readonly #statusEvents = new Emitter<{ status: [status: ClientStatus] }>();
  readonly #connection: Connection;
  readonly #delivery: Delivery;
  readonly #outbox: Outbox;
  readonly #history: History;
  #state: ConnectionState = 'idle';
  #registerFrameId: number | undefined;
  #resumeHandler: ((result: ResumeResult) => void) | undefined;
  #features: ChatFeatures | undefined;
  /** The current connection is attached to the session (register/resume answered). */
  #isLive = false;
  /** The chat ended (finished, closed, or not resumable): messages are no longer accepted. */
  #isEnded = false;
  #isCloseRequested = false;
  #previewTimer: ReturnType<typeof setTimeout> | undefined;
  #lastPreviewAt = 0;

  constructor(options: CentionChatOptions = {}) {
    this.baseURL = options.baseURL ?? '';
    this.#options = resolveOptions(options);
    this.#book = new SessionBook({
      kind: this.#options.sessionStorage,
      scope: this.#options.storageKey,
    });
    this.#connection = createConnection(this.#options, {
      url: () => `${this.baseURL}/socket/external`,
      onOpen: () => this.#handleOpen(),
      onMessage: (frame) => this.#handleFrame(frame),
      onClose: (unreachable) => {
        this.#isLive = false;
        this.#delivery.close();
        this.#history.fail();
        if (unreachable !== undefined) {
          this.#emitError('network', `No connection to the chat server (${unreachable})`);
        }
      },
      onState: (state) => this.#setState(state),
      debug: (...details) => this.#debug(...details),
    });
    this.#delivery = createDelivery(
      (data) => this.#connection.send('chat message', data),
      this.#options.messageTimeoutMs,
      () => this.#handleOutboxChange(),
    );
    this.#outbox = this.#delivery.outbox;
    this.#history = new History(this.#options.historyPageSize, (before, limit) =>
      this.#connection.send('history', { before, limit }),
    );
  }

  get hasOlder(): boolean {
    return this.#history.hasOlder;
  }

  loadOlder(): boolean {
    return this.#isLive && this.#history.loadOlder();
  }

  get sessionId(): number | undefined {
    return this.#book.info?.sessionId;
  }

  get sessionSecret(): string | undefined {
    return this.#book.info?.sessionSecret;
  }

  /** What download links carry as `t`: the server's download-only token, else the secret. */
  get downloadToken(): string | undefined {
    return this.#book.info?.downloadToken ?? this.#book.info?.sessionSecret;
  }

  /** The area of the session (which a resumed chat or a robot's hand-over may have changed). */
  get sessionAreaId(): number | undefined {
    return this.#book.info?.areaId;
  }

  get status(): ClientStatus {
    return { connection: this.#state, outbox: this.#outbox.messages };
  }

  registerAction<E extends CentionChatEventName>(
    event: E,
    handler: CentionChatHandler<E>,
  ): () => void {
    return this.#events.on(event, handler);
  }

  onStatus(handler: (status: ClientStatus) => void): () => void {
    return this.#statusEvents.on('status', handler);
  }

  connect(parameters: ConnectParameters): void {
    this.#forgetChat();
    this.#book.register(parameters);
    this.#start();
  }

  tryResume(handler: (result: ResumeResult) => void): void {
    const stored = this.#book.readStored();
    if (!stored) {
      queueMicrotask(() => callSafely(handler, { error: 'no session' }));
      return;
    }
    this.#forgetChat();
    const outbox = this.#book.resume(stored);
    this.#resumeHandler = handler;
    this.#outbox.replace(Outbox.parse(outbox));
    this.#start();
  }

  resetChat(): void {
    this.#forgetChat();
    this.#book.clearStored(true);
    this.#setState('idle');
  }

  disconnect(): void {
    this.#stop();
  }

  message(text: string): UnsentMessage | undefined {
    if (this.#isEnded || (!this.#book.info && !this.#book.registration)) return undefined;
    const entry = { id: this.#delivery.newUmid(), message: text, state: 'sending' } as const;
    this.#outbox.add(entry);
    if (this.#isLive) this.#delivery.send(entry);
    return { id: entry.id, message: text };
  }

  retryMessage(umid: string): void {
    const entry = this.#outbox.messages.find((candidate) => candidate.id === umid);
    if (!entry || this.#isEnded) return;
    this.#outbox.setState(umid, 'sending');
    if (this.#isLive) this.#delivery.send(entry);
  }

  preview(text: string): void {
    if (!this.#isLive) return;
    clearTimeout(this.#previewTimer);
    // Throttled with a trailing call, so the agent sees the last text; "" (stopped typing) at once.
    const wait = this.#lastPreviewAt + this.#options.previewThrottleMs - Date.now();
    if (text === '' || wait <= 0) {
      this.#lastPreviewAt = Date.now();
      this.#connection.send('preview', { text });
    } else {
      this.#previewTimer = setTimeout(() => this.preview(text), wait);
    }
  }

  postback(title: string, data: string): void {
    this.#connection.send('postback', { title, data });
  }

  sendPage(page: PageFrame): void {
    if (this.#isLive) this.#connection.send('page', page);
  }

  seen(ids: number[]): void {
    if (ids.length > 0) this.#connection.send('seen', { ids });
  }

  async attachFile(
    file: File,
    cbOnDone: (unsent: UnsentMessage) => void,
    handlers: AttachFileHandlers = {},
  ): Promise<UnsentMessage | undefined> {
    // Lazily: most chats never send a file, so the launcher does not carry the checks.
    const { sendFile } = await import('./upload.js');
    const chat: FileChat = {
      features: () => this.#features,
      session: () => this.#book.info,
      isLive: () => this.#isLive,
      uploadURL: () => apiURL(this.baseURL, 'upload'),
      newUmid: () => this.#delivery.newUmid(),
      sendAttachment: (frame) => this.#connection.send('add attachment', frame),
    };
    return sendFile(chat, file, cbOnDone, handlers);
  }

  canChat(handler: (result: CanChatResult) => void, area: number): void {
    const stored = this.#book.readStored();
    requestCanChat(this.baseURL, area, stored).then((result) => {
      if (result.feature) this.#features = result.feature;
      callSafely(handler, result);
    });
  }

  close(): void {
    if (this.#isLive) {
      this.#connection.send('close chat', {});
    } else if (this.#connection.isStarted) {
      this.#isCloseRequested = true;
    } else {
      this.#endChat();
    }
  }

  saveTranscriptURL(area: number): string {
    return transcriptURL(this.baseURL, 'savehistory', area, this.sessionSecret);
  }

  printTranscriptURL(area: number): string {
    return transcriptURL(this.baseURL, 'printhistory', area, this.sessionSecret);
  }

  #start(): void {
    this.#isEnded = false;
    this.#connection.start();
  }

  /** No more connection or reconnects; the session (and its storage) stays for a later resume. */
  #stop(): void {
    this.#resumeHandler = undefined;
    clearTimeout(this.#previewTimer);
    this.#connection.close();
    if (this.#state !== 'idle') this.#setState('closed');
  }

  /** Stops and forgets the in-memory chat (not the storage). */
  #forgetChat(): void {
    this.#stop();
    this.#book.forget();
    this.#isEnded = false;
    this.#isCloseRequested = false;
    this.#delivery.forget();
    this.#history.forget();
  }

  /** The chat is over: stop, mark unsent messages failed, forget the stored session. */
  #endChat(): void {
    this.#stop();
    this.#isEnded = true;
    this.#isCloseRequested = false;
    this.#outbox.setState(undefined, 'failed', 'chat_closed');
    this.#book.clearStored();
  }

  #handleOpen(): void {
    this.#events.emit('connect');
    const session = this.#book.info;
    const lastSeenId = this.#delivery.lastSeenId;
    if (session) {
      const historyLimit = this.#history.resumeLimit(lastSeenId);
      this.#connection.send('resume', {
        sessionId: session.sessionId,
        sessionSecret: session.sessionSecret,
        ...(lastSeenId > 0 ? { lastSeenId } : {}),
        ...(historyLimit === undefined ? {} : { historyLimit }),
      });
    } else if (this.#book.registration) {
      this.#registerFrameId = this.#connection.send('register', {
        ...this.#book.registration,
        // The page the chat starts on (the agent's first page context); the server caps both.
        ...(typeof location !== 'undefined'
          ? { href: location.href.slice(0, 2000), pageTitle: document.title.slice(0, 300) }
          : {}),
      });
    }
  }

  #handleFrame(frame: VisitorServerFrame): void {
    switch (frame.event) {
      case 'register':
      case 'resume': {
        const [result] = frame.args;
        if ('error' in result) return this.#handleResumeError(result.error);
        if ('hasOlder' in result) this.#history.hasOlder = result.hasOlder === true;
        this.#attach(result, frame.event === 'resume');
        return;
      }
      case 'chat message': {
        const news = this.#delivery.receive(frame.args[0]);
        if (news) this.#history.delivered(news.chat);
        if (news) this.#events.emit('chat message', news);
        return;
      }
      case 'history': {
        const page = this.#history.receive(frame.args[0], frame.re);
        if (page) this.#events.emit('history', page);
        return;
      }
      case 'message sent':
        if (this.#delivery.confirm(frame.args[0])) this.#events.emit('message sent', ...frame.args);
        return;
      case 'chat closed':
        this.#endChat();
        return this.#events.emit('chat closed');
      case 'finish chat session':
        this.#endChat();
        // Older servers send no details.
        return this.#events.emit('finish chat session', frame.args[0] ?? {});
      case 'error':
        return this.#handleServerError(frame.args[0], frame.re);
      default:
        // queue, queue full, agent unavailable, agent preview, message acked: passed through.
        this.#events.emit(frame.event, ...frame.args);
    }
  }

  #attach(info: SessionInfo, isResume: boolean): void {
    const session = this.#book.attach(info);
    this.#isLive = true;
    this.#connection.resetBackoff();
    this.#setState('connected');
    if (this.#isCloseRequested) {
      this.#isCloseRequested = false;
      this.#connection.send('close chat', {});
      return;
    }
    this.#delivery.sendAll();
    const handler = this.#resumeHandler;
    this.#resumeHandler = undefined;
    if (isResume && handler) callSafely(handler, { ...session });
  }

  #handleResumeError(error: ResumeRefusal): void {
    const handler = this.#resumeHandler;
    this.#endChat();
    if (handler) callSafely(handler, { error });
    else this.#emitError(resumeRefusalCodes[error], error);
    if (error === 'chat closed') this.#events.emit('chat closed');
  }

  #handleServerError(error: ErrorPayload, re: number | undefined): void {
    this.#debug('server error:', error);
    if (this.#history.fail(re)) return;
    if (!this.#delivery.fail(re, error.code) && re !== undefined && re === this.#registerFrameId) {
      // Older servers may send no message.
      this.#emitError(error.code, error.message ?? error.code);
    }
  }

  #emitError(...[code, message]: ConstructorParameters<typeof CentionChatError>): void {
    this.#events.emit('connect_error', new CentionChatError(code, message));
  }

  #handleOutboxChange(): void {
    if (!this.#isEnded) this.#book.saveOutbox(this.#outbox.messages);
    this.#notifyStatus();
  }

  #setState(state: ConnectionState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#notifyStatus();
  }

  #notifyStatus(): void {
    this.#statusEvents.emit('status', this.status);
  }

  #debug(...details: unknown[]): void {
    if (this.#options.debug) console.debug('cention-chat:', ...details);
  }
}

/** Creates a client; the embed entry puts this on `window._CentionChat` for the Chat API samples. */
export function createCentionChat(options?: CentionChatOptions): CentionChat {
  return new CentionChat(options);
}
