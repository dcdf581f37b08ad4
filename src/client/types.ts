/**
 * Public types of the client beyond the event map: options, results of calls, errors and the
 * extra status channel the widget uses (connection state and the outbox).
 */
import type { CanChatResult, ErrorCode, PageFrame, RegisterFrame } from '../protocol/index.js';
import type { CentionChatError } from './errors.js';
import type { CentionChatEventName, CentionChatHandler, ResumeResult } from './events.js';
import type { TransportFactory } from './transport/transport.js';

export type { Transport, TransportFactory, TransportHandlers } from './transport/transport.js';

/** Where the session (id + secret) is kept between page loads. Nothing is written before `connect()`. */
export type SessionStorageKind = 'cookie' | 'localStorage' | 'sessionStorage' | 'memory';

/** Options of a `CentionChat` instance; every field has a default. */
export interface CentionChatOptions {
  /** `https://host/s/<workspace>`; may also be set later through the `baseURL` property. */
  baseURL?: string;
  /**
   * Where the session is kept between page loads. Default `'localStorage'`: every tab of the site
   * resumes the same chat (the original kept it in the cookie session); `'sessionStorage'` keeps
   * it to one tab.
   */
  sessionStorage?: SessionStorageKind;
  /**
   * Keeps this client's stored chat apart from other clients' on the same site (stored as
   * `cention-chat.session:<storageKey>`). Default `''`: the one site-wide chat of the Chat API.
   * `<cention-chat>` sets it to its chat server, area and `chat-id`.
   */
  storageKey?: string;
  /** Minimum ms between two `preview` frames. Default 500. */
  previewThrottleMs?: number;
  /** First reconnect delay ceiling in ms. Default 500. */
  reconnectMinDelayMs?: number;
  /** Largest reconnect delay ceiling in ms. Default 20000. */
  reconnectMaxDelayMs?: number;
  /** A connection silent for this long is treated as dead. Default 45000. */
  idleTimeoutMs?: number;
  /** Log dropped frames and handler errors with console.debug. Default false. */
  debug?: boolean;
  /**
   * A visitor message without `message sent` this long (ms) while connected is marked `failed`.
   * Default 20000.
   */
  messageTimeoutMs?: number;
  /**
   * Opens the socket. Default: SockJS, loaded with a dynamic import at connect time so the page
   * does not pay for it before a chat starts. Tests inject their own.
   */
  transport?: TransportFactory;
  /**
   * Where the client hears `online`, `offline` and `visibilitychange` (the page came back into
   * view), as centrifuge-js's `networkEventTarget`. Default `window`; tests pass their own
   * `EventTarget` and dispatch those events on it; null hears none.
   */
  networkEventTarget?: EventTarget | null;
  /**
   * Messages per history page. 0 (the default): a resume replays the whole chat, as the Chat API
   * always did. More: a fresh resume brings only the newest this many (1–100) in its `chat
   * message`, and `loadOlder()` fetches the pages before them (the `history` event).
   */
  historyPageSize?: number;
}

/**
 * Fields of `connect()`, as in the Chat API: the `register` frame without what the client adds,
 * plus `visitorToken` (a signed visitor token from the site's back end; docs/security.md).
 */
export type ConnectParameters = Omit<RegisterFrame, 'href' | 'clientDeviceInfo' | 'pageTitle'>;

/** What `message()` returns: the message to show at once as "sending". */
export interface UnsentMessage {
  /** The umid, made client-side. */
  id: string;
  message: string;
}

/** Delivery state of one of the visitor's own messages, as the widget shows it. */
export type OutgoingState = 'sending' | 'sent' | 'failed';

/** One outbox entry as the status channel reports it. */
export interface OutgoingMessage extends UnsentMessage {
  state: OutgoingState;
  /**
   * Why a `failed` message was not sent: the code of the server's answer to it (`too_large`,
   * `bad_frame` — e.g. over the text limit —, `rate_limited`, `server_error` …), `chat_closed`
   * when the chat ended first; none when no answer came in time.
   */
  error?: ErrorCode;
}

/** The socket's state, a string enum in the style of centrifuge-js. */
export type ConnectionState =
  'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed';

/** Extra status beyond the public event map, for UIs (see `CentionChat.onStatus`). */
export interface ClientStatus {
  connection: ConnectionState;
  /** Visitor messages not yet confirmed by `message sent`, in order; some may be `failed`. */
  outbox: OutgoingMessage[];
}

export type { CanChatResult, ChatFeatures, ErrorCode, OpeningHoursDay } from '../protocol/index.js';

/** Stable error codes of the client: the protocol's `ErrorCode` (src/protocol/codes.ts). */
export type ClientErrorCode = ErrorCode;

/** Extra callbacks of `attachFile`, beyond the original `cbOnDone`. */
export interface AttachFileHandlers {
  /** Upload progress from 0 to 1. */
  onProgress?: (fraction: number) => void;
  /** The file was refused (limits) or the upload failed; nothing was sent. */
  onError?: (error: CentionChatError) => void;
}

/** The public surface of the client, as components and integrations see it. */
export interface CentionChatApi {
  baseURL: string;
  /** Translation hook for system texts; return undefined to keep the English text. */
  I: (text: string) => string | undefined;
  readonly sessionId: number | undefined;
  readonly sessionSecret: string | undefined;
  /** What download links carry as `t`: a download-only token where the server sends one. */
  readonly downloadToken?: string | undefined;
  /** The area of the session, not of the element: session-bound calls use it. */
  readonly sessionAreaId: number | undefined;
  registerAction<E extends CentionChatEventName>(
    event: E,
    handler: CentionChatHandler<E>,
  ): () => void;
  connect(parameters: ConnectParameters): void;
  tryResume(handler: (result: ResumeResult) => void): void;
  resetChat(): void;
  disconnect(): void;
  message(text: string): UnsentMessage | undefined;
  preview(text: string): void;
  attachFile(
    file: File,
    cbOnDone: (unsent: UnsentMessage) => void,
    handlers?: AttachFileHandlers,
  ): Promise<UnsentMessage | undefined>;
  canChat(handler: (result: CanChatResult) => void, area: number): void;
  close(): void;
  /** Send a robot button's postback (`{title, data}`). */
  postback(title: string, data: string): void;
  /** Tell the server which agent/system messages the visitor has displayed. */
  seen(ids: number[]): void;
  /** Whether the server has messages older than the oldest delivered (see `historyPageSize`). */
  readonly hasOlder: boolean;
  /** Asks for the next older page (the `history` event); false when there is nothing to ask. */
  loadOlder(): boolean;
  /** Re-queue a message shown as failed. */
  retryMessage(umid: string): void;
  /**
   * Tell the agent the visitor is on another page (a single-page app changed route); dropped
   * while not connected. The widget calls it (src/controllers/page-context.ts).
   */
  sendPage?(page: PageFrame): void;
  /** Subscribe to connection state and outbox changes; returns an unsubscribe function. */
  onStatus(handler: (status: ClientStatus) => void): () => void;
  readonly status: ClientStatus;
  saveTranscriptURL(area: number): string;
  printTranscriptURL(area: number): string;
}
