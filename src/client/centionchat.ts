/**
 * `CentionChat`: the typed port of CentionChatAPI (reference/chat-api.txt) over the frames of
 * protocol.md. Plain TypeScript, no DOM rendering. What it adds to the original, quietly:
 *  - an outbox: every message stays queued until its `message sent`, is resent after a reconnect
 *    (the server dedupes by umid: exactly once, in order) and survives a page navigation;
 *  - reconnect with full-jitter backoff, then `resume` with `lastSeenId`; incoming messages deduped
 *    by id; online/offline, page visibility and an idle timeout for dead connections;
 *  - consent-first storage: nothing is stored before `connect()` (or a `tryResume()` of a session
 *    the visitor already started);
 *  - every incoming frame validated; handler exceptions are logged and never stop the client.
 * The SockJS transport is loaded lazily at connect time, so this file stays small for the launcher.
 */
import { checkAttachment } from './attachment-rules.js';
import { resumeRefusalCodes, type ResumeRefusal } from '../protocol/codes.js';
import type {
  CentionChatEventMap,
  CentionChatEventName,
  CentionChatHandler,
  ChatMessage,
  ChatMessageEvent,
  ConnectErrorEvent,
  FinishChatEvent,
  MessageSentEvent,
  ResumeResult,
  SessionInfo,
} from './events.js';
import type {
  AttachFileHandlers,
  CanChatResult,
  CentionChatApi,
  CentionChatOptions,
  ChatFeatures,
  ClientErrorShape,
  ClientStatus,
  ConnectParameters,
  ConnectionState,
  OutgoingMessage,
  SessionStorageKind,
  UnsentMessage,
} from './types.js';
import type { Transport, TransportHandlers } from './transport/transport.js';
import { backoffDelay } from './backoff.js';
import { createSockJSTransport } from './transport/sockjs.js';
import { isObject } from './guards.js';
import { decodeServerFrame, type ServerFrame } from './protocol.js';
import { Outbox } from './outbox.js';
import {
  outboxKey,
  readStoredSession,
  readValue,
  writeStoredSession,
  writeValue,
} from './session-store.js';

type Timer = ReturnType<typeof setTimeout>;
type AnyHandler = (...args: unknown[]) => void;

export class CentionChat implements CentionChatApi {
  /** `https://<host>/s/<workspace>`. */
  baseURL: string;
  /** Translation hook for system texts (see system-items.ts); undefined keeps the English text. */
  I: (text: string) => string | undefined = () => undefined;

  readonly #options: Required<Omit<CentionChatOptions, 'baseURL'>>;
  readonly #storageKind: SessionStorageKind;
  // The outbox lives per tab (sessionStorage) unless the integrator chose memory only.
  readonly #outboxKind: SessionStorageKind;

  readonly #handlers = new Map<string, Set<AnyHandler>>();
  readonly #statusHandlers = new Set<(status: ClientStatus) => void>();
  readonly #outbox = new Outbox(() => this.#handleOutboxChange());
  #connection: ConnectionState = 'idle';
  #session: SessionInfo | undefined;
  #registration: ConnectParameters | undefined;
  #resumeHandler: ((result: ResumeResult) => void) | undefined;
  #features: ChatFeatures | undefined;

  #transport: Transport | undefined;
  /** Bumped whenever a transport is replaced, so late events of an old one are ignored. */
  #generation = 0;
  /** The current connection is attached to the session (register/resume answered). */
  #isLive = false;
  /** The visitor wants a connection: drops are followed by reconnects. */
  #isStarted = false;
  /** The chat ended (finished, closed, or not resumable): messages are no longer accepted. */
  #isEnded = false;
  /** The visitor started a chat, so the session may be stored. */
  #hasConsent = false;
  #isCloseRequested = false;
  #isOffline = false;
  /** Aborting it removes the online/offline/visibility listeners. */
  #listeners: AbortController | undefined;

  #frameId = 0;
  #registerFrameId: number | undefined;
  /** Frame id → umid of the `chat message` frames of the current connection. */
  readonly #chatFrames = new Map<number, string>();
  readonly #messageTimers = new Map<string, Timer>();
  readonly #seenIds = new Set<number>();
  readonly #ackedUmids = new Set<string>();
  #lastSeenId = 0;
  /** The agent name of the last `chat message` delivered ('' before an agent joins). */
  #agentName = '';
  #umidCounter = 0;
  #messageCount = 0;
  #attempt = 0;
  #reconnectTimer: Timer | undefined;
  #idleTimer: Timer | undefined;
  #previewTimer: Timer | undefined;
  #lastPreviewAt = 0;

  constructor(options: CentionChatOptions = {}) {
    this.baseURL = options.baseURL ?? '';
    // Spread order: the defaults, then every option the caller set (undefined does not override).
    const defined = Object.fromEntries(
      Object.entries(options).filter(([, value]) => value !== undefined),
    ) as CentionChatOptions;
    this.#options = {
      sessionStorage: 'sessionStorage',
      previewThrottleMs: 500,
      reconnectMinDelayMs: 500,
      reconnectMaxDelayMs: 20000,
      idleTimeoutMs: 45000,
      messageTimeoutMs: 20000,
      debug: false,
      // SockJS, fetched only when a chat actually connects.
      transport: createSockJSTransport,
      ...defined,
    };
    this.#storageKind = this.#options.sessionStorage;
    this.#outboxKind = this.#storageKind === 'memory' ? 'memory' : 'sessionStorage';
  }

  get sessionId(): number | undefined {
    return this.#session?.sessionId;
  }

  get sessionSecret(): string | undefined {
    return this.#session?.sessionSecret;
  }

  get status(): ClientStatus {
    return { connection: this.#connection, outbox: this.#outbox.messages };
  }

  // ---- public API ----------------------------------------------------------------------------

  registerAction<E extends CentionChatEventName>(
    event: E,
    handler: CentionChatHandler<E>,
  ): () => void {
    let set = this.#handlers.get(event);
    if (!set) this.#handlers.set(event, (set = new Set()));
    const entry = handler as AnyHandler;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  }

  onStatus(handler: (status: ClientStatus) => void): () => void {
    this.#statusHandlers.add(handler);
    return () => {
      this.#statusHandlers.delete(handler);
    };
  }

  connect(parameters: ConnectParameters): void {
    this.#forgetChat();
    this.#registration = { ...parameters };
    this.#hasConsent = true;
    this.#start();
  }

  tryResume(handler: (result: ResumeResult) => void): void {
    const stored = readStoredSession(this.#storageKind);
    if (!stored) {
      queueMicrotask(() => this.#callSafely(handler, { error: 'no session' }));
      return;
    }
    this.#forgetChat();
    this.#session = { ...stored, clientName: '' };
    // The visitor consented when this session was stored; unsent messages of the last page return.
    this.#hasConsent = true;
    this.#resumeHandler = handler;
    this.#outbox.replace(Outbox.parse(readValue(this.#outboxKind, outboxKey)));
    this.#start();
  }

  resetChat(): void {
    this.#forgetChat();
    this.#clearStorage();
    this.#setConnection('idle');
  }

  disconnect(): void {
    this.#stop();
  }

  message(text: string): UnsentMessage | undefined {
    if (this.#isEnded || (!this.#session && !this.#registration)) return undefined;
    const entry: OutgoingMessage = { id: this.#newUmid(), message: text, state: 'sending' };
    this.#outbox.add(entry);
    if (this.#isLive) this.#sendChat(entry);
    return { id: entry.id, message: text };
  }

  retryMessage(umid: string): void {
    const entry = this.#outbox.messages.find((candidate) => candidate.id === umid);
    if (!entry || this.#isEnded) return;
    this.#outbox.setState(umid, 'sending');
    if (this.#isLive) this.#sendChat(entry);
  }

  preview(text: string): void {
    if (!this.#isLive) return;
    clearTimeout(this.#previewTimer);
    // Throttled with a trailing call, so the agent sees the last text; "" (stopped typing) at once.
    const wait = this.#lastPreviewAt + this.#options.previewThrottleMs - Date.now();
    if (text === '' || wait <= 0) {
      this.#lastPreviewAt = Date.now();
      this.#send('preview', { text });
    } else {
      this.#previewTimer = setTimeout(() => this.preview(text), wait);
    }
  }

  postback(title: string, data: string): void {
    this.#send('postback', { title, data });
  }

  seen(ids: number[]): void {
    if (ids.length > 0) this.#send('seen', { ids });
  }

  async attachFile(
    file: File,
    cbOnDone: (unsent: UnsentMessage) => void,
    handlers: AttachFileHandlers = {},
  ): Promise<UnsentMessage | undefined> {
    const fail = (error: ClientErrorShape) => {
      this.#callSafely(handlers.onError, error);
      return undefined;
    };
    const { uploadFile } = await import('./upload.js');
    const refusal = checkAttachment(file, this.#features);
    if (refusal) return fail(refusal);
    const session = this.#session;
    const notConnected: ClientErrorShape = {
      code: 'not_connected',
      message: 'Not connected: the file was not sent.',
    };
    if (!session || !this.#isLive) return fail(notConnected);
    const outcome = await uploadFile(
      this.#apiURL('upload'),
      {
        file,
        sessionId: session.sessionId,
        sessionSecret: session.sessionSecret,
        areaId: session.areaId,
      },
      (fraction) => this.#callSafely(handlers.onProgress, fraction),
    );
    if ('error' in outcome) return fail(outcome.error);
    const unsent: UnsentMessage = { id: this.#newUmid(), message: outcome.result.value };
    if (this.#send('add attachment', { file: outcome.result, umid: unsent.id }) === undefined) {
      return fail(notConnected);
    }
    this.#callSafely(cbOnDone, unsent);
    return unsent;
  }

  canChat(handler: (result: CanChatResult) => void, area: number): void {
    const stored = readStoredSession(this.#storageKind);
    const query = stored
      ? `&sessionId=${stored.sessionId}&secret=${encodeURIComponent(stored.sessionSecret)}`
      : '';
    fetch(`${this.#apiURL('canchat')}?area=${encodeURIComponent(area)}${query}`)
      .then((response) => response.json() as Promise<unknown>)
      .then((body): CanChatResult => {
        const answer = (isObject(body) ? body : {}) as Partial<
          Omit<CanChatResult, 'error'> & { error: unknown }
        >;
        const error = answer.error;
        return {
          ...answer,
          chatOpen: answer.chatOpen === true,
          agentsAvailable: typeof answer.agentsAvailable === 'number' ? answer.agentsAvailable : 0,
          resumable: answer.resumable === true,
          // Protocol errors are `{error: {code, message}}`; the Chat API promises a string.
          error: !error ? undefined : typeof error === 'string' ? error : JSON.stringify(error),
        };
      })
      .catch((): CanChatResult => ({
        chatOpen: false,
        agentsAvailable: 0,
        resumable: false,
        error: 'Could not reach the chat server.',
      }))
      .then((result) => {
        if (result.feature) this.#features = result.feature;
        this.#callSafely(handler, result);
      });
  }

  close(): void {
    if (this.#isLive) {
      this.#send('close chat', {});
    } else if (this.#isStarted) {
      this.#isCloseRequested = true;
    } else {
      this.#endChat();
    }
  }

  saveTranscriptURL(area: number): string {
    return this.#transcriptURL('savehistory', area);
  }

  printTranscriptURL(area: number): string {
    return this.#transcriptURL('printhistory', area);
  }

  // Exactly as chat-api.txt builds them.
  #transcriptURL(endpoint: string, area: number): string {
    return `${this.#apiURL(endpoint)}?area=${area}&secret=${this.sessionSecret}`;
  }

  // ---- connection ----------------------------------------------------------------------------

  #start(): void {
    this.#isStarted = true;
    this.#isEnded = false;
    this.#attempt = 0;
    if (!this.#listeners && typeof window !== 'undefined') {
      this.#listeners = new AbortController();
      const options = { signal: this.#listeners.signal };
      window.addEventListener('online', this.#handleOnline, options);
      window.addEventListener('offline', this.#handleOffline, options);
      document.addEventListener('visibilitychange', this.#handleVisibility, options);
    }
    this.#open();
  }

  /** No more connection or reconnects; the session (and its storage) stays for a later resume. */
  #stop(): void {
    this.#isStarted = false;
    this.#resumeHandler = undefined;
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
    clearTimeout(this.#previewTimer);
    this.#closeTransport();
    this.#listeners?.abort();
    this.#listeners = undefined;
    if (this.#connection !== 'idle') this.#setConnection('closed');
  }

  /** Stops and forgets the in-memory chat (not the storage). */
  #forgetChat(): void {
    this.#stop();
    this.#session = undefined;
    this.#registration = undefined;
    this.#isEnded = false;
    this.#isCloseRequested = false;
    this.#seenIds.clear();
    this.#ackedUmids.clear();
    this.#lastSeenId = 0;
    this.#agentName = '';
    this.#outbox.replace([]);
  }

  /** The chat is over: stop, mark unsent messages failed, forget the stored session. */
  #endChat(): void {
    this.#stop();
    this.#isEnded = true;
    this.#isCloseRequested = false;
    this.#outbox.setState(undefined, 'failed');
    if (this.#hasConsent) this.#clearStorage();
  }

  /** Removes the stored session and outbox. Removing creates nothing, so it is no storing. */
  #clearStorage(): void {
    writeStoredSession(this.#storageKind, undefined);
    writeValue(this.#outboxKind, outboxKey, undefined);
  }

  #open(): void {
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
    this.#closeTransport();
    const generation = this.#generation;
    let isOpen = false;
    this.#setConnection(this.#attempt > 0 ? 'reconnecting' : 'connecting');
    const isCurrent = () => generation === this.#generation;
    const handlers: TransportHandlers = {
      onOpen: () => {
        if (!isCurrent()) return;
        isOpen = true;
        this.#handleOpen();
      },
      onMessage: (text) => {
        if (isCurrent()) this.#handleText(text);
      },
      onHeartbeat: () => {
        if (isCurrent()) this.#resetIdleTimer();
      },
      onClose: (code, reason) => {
        if (isCurrent()) this.#handleClose(isOpen, `${code} ${reason}`.trim());
      },
    };
    Promise.resolve()
      .then(() => this.#options.transport(`${this.baseURL}/socket/external`, handlers))
      .then(
        (transport) => {
          if (isCurrent()) this.#transport = transport;
          else transport.close();
        },
        (error: unknown) => {
          if (isCurrent()) this.#handleClose(false, String(error));
        },
      );
  }

  #closeTransport(): void {
    this.#generation += 1;
    const transport = this.#transport;
    this.#transport = undefined;
    this.#isLive = false;
    clearTimeout(this.#idleTimer);
    this.#clearMessageTimers();
    transport?.close();
  }

  #handleOpen(): void {
    this.#frameId = 0;
    this.#chatFrames.clear();
    this.#resetIdleTimer();
    this.#emit('connect');
    const session = this.#session;
    if (session) {
      this.#send('resume', {
        sessionId: session.sessionId,
        sessionSecret: session.sessionSecret,
        ...(this.#lastSeenId > 0 ? { lastSeenId: this.#lastSeenId } : {}),
      });
    } else if (this.#registration) {
      this.#registerFrameId = this.#send('register', {
        ...this.#registration,
        ...(typeof location !== 'undefined' ? { href: location.href } : {}),
      });
    }
  }

  #handleClose(wasOpen: boolean, why: string): void {
    this.#closeTransport();
    if (!wasOpen) {
      this.#emit('connect_error', {
        code: 'network',
        message: `No connection to the chat server (${why})`,
      });
    }
    if (!this.#isStarted) return;
    if (this.#isOffline) {
      this.#setConnection('offline');
      return;
    }
    this.#setConnection('reconnecting');
    const delay = backoffDelay(
      this.#attempt++,
      this.#options.reconnectMinDelayMs,
      this.#options.reconnectMaxDelayMs,
    );
    this.#debug(`reconnecting in ${delay} ms`);
    this.#reconnectTimer = setTimeout(() => this.#open(), delay);
  }

  #resetIdleTimer(): void {
    clearTimeout(this.#idleTimer);
    if (this.#transport?.hasHeartbeat === false) return;
    // A connection that says nothing (not even a heartbeat) for this long is treated as dead.
    this.#idleTimer = setTimeout(() => {
      this.#debug('idle timeout');
      this.#handleClose(true, 'idle');
    }, this.#options.idleTimeoutMs);
  }

  readonly #handleOffline = (): void => {
    this.#isOffline = true;
    if (!this.#isStarted) return;
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
    this.#closeTransport();
    this.#setConnection('offline');
  };

  readonly #handleOnline = (): void => {
    this.#isOffline = false;
    if (this.#isStarted && !this.#transport && !this.#isLive) {
      this.#attempt = 0;
      this.#open();
    }
  };

  readonly #handleVisibility = (): void => {
    // A page coming back to the foreground retries at once instead of waiting out the backoff.
    if (document.visibilityState === 'visible' && this.#reconnectTimer !== undefined) {
      this.#open();
    }
  };

  // ---- frames --------------------------------------------------------------------------------

  #send(type: string, data: object): number | undefined {
    if (!this.#transport) return undefined;
    const id = ++this.#frameId;
    this.#transport.send(JSON.stringify({ type, data, id }));
    return id;
  }

  #sendChat(entry: OutgoingMessage): void {
    const id = this.#send('chat message', {
      umid: entry.id,
      message: entry.message,
      mcount: ++this.#messageCount,
    });
    if (id === undefined) return;
    this.#chatFrames.set(id, entry.id);
    clearTimeout(this.#messageTimers.get(entry.id));
    this.#messageTimers.set(
      entry.id,
      setTimeout(() => {
        this.#messageTimers.delete(entry.id);
        this.#outbox.setState(entry.id, 'failed');
      }, this.#options.messageTimeoutMs),
    );
  }

  #clearMessageTimers(): void {
    for (const timer of this.#messageTimers.values()) clearTimeout(timer);
    this.#messageTimers.clear();
  }

  #handleText(text: string): void {
    this.#resetIdleTimer();
    const frame = decodeServerFrame(text);
    if (typeof frame === 'string') {
      this.#debug(`dropped a frame (${frame}):`, text);
      return;
    }
    try {
      this.#handleFrame(frame);
    } catch (error) {
      this.#debug('a frame could not be handled:', error);
    }
  }

  // The args were validated by decodeServerFrame, so the casts below hold.
  #handleFrame({ event, args, re }: ServerFrame): void {
    switch (event) {
      case 'register':
      case 'resume': {
        const result = args[0] as ResumeResult;
        if ('error' in result) this.#handleResumeError(result.error);
        else this.#attach(result, event === 'resume');
        return;
      }
      case 'chat message':
        return this.#handleChatMessage(args[0] as ChatMessageEvent);
      case 'message sent': {
        const sent = args[0] as MessageSentEvent;
        clearTimeout(this.#messageTimers.get(sent.umid));
        this.#outbox.confirm(sent.umid);
        // A resend may be confirmed twice; handlers hear it once.
        if (this.#ackedUmids.has(sent.umid)) return;
        this.#ackedUmids.add(sent.umid);
        return this.#emit('message sent', sent);
      }
      case 'chat closed':
        this.#endChat();
        return this.#emit('chat closed');
      case 'finish chat session':
        this.#endChat();
        return this.#emit('finish chat session', (args[0] ?? {}) as FinishChatEvent);
      case 'error':
        return this.#handleServerError(args[0] as ConnectErrorEvent, re);
      default:
        // queue, queue full, agent unavailable, agent preview, message acked: passed through.
        this.#emit(event as CentionChatEventName, ...(args as []));
    }
  }

  #attach(info: SessionInfo, isResume: boolean): void {
    this.#session = {
      sessionId: info.sessionId,
      sessionSecret: info.sessionSecret,
      areaId: info.areaId ?? this.#session?.areaId ?? this.#registration?.area ?? 0,
      clientName: info.clientName ?? this.#session?.clientName ?? '',
    };
    this.#isLive = true;
    this.#attempt = 0;
    if (this.#hasConsent) writeStoredSession(this.#storageKind, this.#session);
    this.#setConnection('connected');
    if (this.#isCloseRequested) {
      this.#isCloseRequested = false;
      this.#send('close chat', {});
      return;
    }
    for (const entry of this.#outbox.sending) this.#sendChat(entry);
    const handler = this.#resumeHandler;
    this.#resumeHandler = undefined;
    if (isResume && handler) this.#callSafely(handler, { ...this.#session });
  }

  #handleResumeError(error: ResumeRefusal): void {
    const handler = this.#resumeHandler;
    this.#endChat();
    if (handler) this.#callSafely(handler, { error });
    else this.#emit('connect_error', { code: resumeRefusalCodes[error], message: error });
    if (error === 'chat closed') this.#emit('chat closed');
  }

  #handleChatMessage(data: ChatMessageEvent): void {
    const fresh: ChatMessage[] = [];
    for (const message of data.chat) {
      if (this.#seenIds.has(message.id)) continue;
      this.#seenIds.add(message.id);
      this.#lastSeenId = Math.max(this.#lastSeenId, message.id);
      fresh.push({ ...message, umid: message.umid ?? '', sentHuman: message.sentHuman ?? '' });
    }
    // The server announces an agent accepting the chat with an empty `chat`: that is delivered
    // too (the agent's name is news), while a repeat of messages already delivered is not.
    const agent = data.agent ?? '';
    if (fresh.length > 0 || agent !== this.#agentName) {
      this.#agentName = agent;
      this.#emit('chat message', { agent, client: data.client ?? '', chat: fresh });
    }
  }

  #handleServerError(error: ConnectErrorEvent, re: number | undefined): void {
    this.#debug('server error:', error);
    const umid = re === undefined ? undefined : this.#chatFrames.get(re);
    if (umid !== undefined) {
      clearTimeout(this.#messageTimers.get(umid));
      this.#outbox.setState(umid, 'failed');
    } else if (re !== undefined && re === this.#registerFrameId) {
      this.#emit('connect_error', { code: error.code, message: error.message ?? error.code });
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  #emit<E extends CentionChatEventName>(event: E, ...args: CentionChatEventMap[E]): void {
    for (const handler of [...(this.#handlers.get(event) ?? [])]) {
      this.#callSafely(handler, ...args);
    }
  }

  /**
   * Runs user code (event, status, tryResume, canChat and attachFile handlers); an exception is
   * reported on the console, where its stack names the handler, and never reaches the client.
   */
  #callSafely<A extends unknown[]>(handler: ((...args: A) => void) | undefined, ...args: A): void {
    try {
      handler?.(...args);
    } catch (error) {
      console.error('cention-chat: a handler threw', error);
    }
  }

  #handleOutboxChange(): void {
    if (this.#hasConsent && !this.#isEnded) {
      const messages = this.#outbox.messages;
      writeValue(
        this.#outboxKind,
        outboxKey,
        messages.length > 0 ? JSON.stringify(messages) : undefined,
      );
    }
    this.#notifyStatus();
  }

  #setConnection(state: ConnectionState): void {
    if (state === this.#connection) return;
    this.#connection = state;
    this.#notifyStatus();
  }

  #notifyStatus(): void {
    const status = this.status;
    for (const handler of [...this.#statusHandlers]) {
      this.#callSafely(handler, status);
    }
  }

  #newUmid(): string {
    return `c-${Date.now()}-${++this.#umidCounter}`;
  }

  #apiURL(endpoint: string): string {
    return `${this.baseURL}/socket/external.api/${endpoint}`;
  }

  #debug(...details: unknown[]): void {
    if (this.#options.debug) console.debug('cention-chat:', ...details);
  }
}

/** Creates a client; the embed entry puts this on `window._CentionChat` for the Chat API samples. */
export function createCentionChat(options?: CentionChatOptions): CentionChat {
  return new CentionChat(options);
}
