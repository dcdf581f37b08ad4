/**
 * The one bridge from the client to Lit: subscribes to the client's typed events and status in
 * `hostConnected`, folds them into a `ChatState` (chat-state.ts), and asks the host to re-render.
 * User actions come back through its methods, which call the client; elements never see a
 * transport, and read what they show (the session's download token and transcript addresses
 * too) from the state. It also raises the widget's DOM events (src/events/) from the host.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AttachFileHandlers, CentionChatApi, UnsentMessage } from '../client/types.js';
import { emit } from '../events/index.js';
import type { ChatMessageEvent } from '../protocol/index.js';
import type { ChatItem, TemplateButton, Translate } from './chat-item.js';
import { readVisitorClaims, type VisitorClaims } from './visitor-token.js';
import {
  addChoice,
  addMessages,
  addOlder,
  addPending,
  applyOutbox,
  initialChatState,
  markAcked,
  markSent,
  type ChatState,
} from './chat-state.js';

export interface ChatControllerOptions {
  /** The area id chats start in. */
  area: () => number;
  /** Whether the visitor can see the panel now (unread counting, `seen` reports). */
  isVisible: () => boolean;
  /** Extra translations of system texts, used when the page's `CentionChat.I` has none. */
  systemTexts: () => Record<string, string> | undefined;
  /** The site's signed visitor token (`visitor-token`), '' for none (docs/security.md). */
  visitorToken?: () => string;
}

export interface StartParameters {
  name: string;
  email: string;
  message: string;
  /** Passed on to `connect()` as the Chat API has them (`<cention-chat>.start()`). */
  phone?: string;
  externalData?: Record<string, unknown> | string;
}

/** An agent that stops typing without telling us (lost frame) stops showing after this long. */
const TYPING_TIMEOUT_MS = 8000;

export class ChatController implements ReactiveController {
  state: ChatState = initialChatState();
  /** Agent and system messages that arrived while the panel was hidden. */
  unread = 0;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #client: CentionChatApi;
  readonly #options: ChatControllerOptions;
  #unsubscribers: Array<() => void> = [];
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** The next `chat message` after a resume is history: rendered, but not announced again. */
  #isExpectingHistory = false;
  #hasEmittedEnd = false;
  /** The secret whose transcript links are being signed or were signed (once per session). */
  #signingFor: string | undefined;
  #linkTimer: ReturnType<typeof setTimeout> | undefined;
  /** Ids already reported through `client.seen`. */
  readonly #reportedSeen = new Set<number>();
  /** A visitor token the server refused: starts go without it (as a guest) until the site sets another. */
  #refusedToken = '';
  #lastQuestion = '';

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    client: CentionChatApi,
    options: ChatControllerOptions,
  ) {
    this.#host = host;
    this.#client = client;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    const client = this.#client;
    this.#unsubscribers = [
      client.registerAction('chat message', (event) => this.#handleChatMessage(event)),
      client.registerAction('history', ({ messages, hasMore }) =>
        this.#update(addOlder(this.state, messages, hasMore, this.translate)),
      ),
      client.registerAction('message sent', (sent) => this.#update(markSent(this.state, sent))),
      client.registerAction('message acked', ({ ids }) => this.#update(markAcked(this.state, ids))),
      client.registerAction('queue', (position, details) =>
        this.#update({
          ...this.state,
          queuePosition: position,
          estimatedWaitSeconds: details?.estimatedWaitSeconds,
        }),
      ),
      client.registerAction('agent unavailable', () => this.#handleRefusal('no-agents')),
      client.registerAction('queue full', () => this.#handleRefusal('queue-full')),
      // A start the server refused for the address (too many new chats): the start form says so.
      client.registerAction('connect_error', (error) => {
        if (error.code === 'rate_limited' && this.state.view === 'chat' && !this.state.session)
          this.#handleRefusal('rate-limited');
        if (error.code === 'visitor_token_expired' || error.code === 'visitor_token_invalid') {
          // No chat was made: the full form again, with why and the visitor's question.
          this.#refusedToken = this.#visitorToken;
          this.#client.resetChat();
          this.#update({
            ...this.state,
            view: 'start',
            identityRefused: error.code,
            draftMessage: this.#lastQuestion,
          });
        }
      }),
      client.registerAction('chat closed', () => {
        if (this.state.view === 'resuming') this.checkAvailability();
        else this.#finish(this.state.finishedBy ?? 'system');
      }),
      client.registerAction('finish chat session', (details) => this.#finish(details.by)),
      client.registerAction('agent preview', (preview) => this.#handleAgentPreview(preview)),
      client.onStatus((status) =>
        this.#update(applyOutbox({ ...this.state, connection: status.connection }, status.outbox)),
      ),
    ];
  }

  hostDisconnected(): void {
    for (const unsubscribe of this.#unsubscribers) unsubscribe();
    this.#unsubscribers = [];
    clearTimeout(this.#typingTimer);
    clearTimeout(this.#linkTimer);
  }

  /** First look: resume a stored session, or ask whether a new chat can start. */
  begin(hasStoredSession: boolean): void {
    if (!hasStoredSession) {
      this.checkAvailability();
      return;
    }
    this.#update({ ...initialChatState('resuming') });
    this.#isExpectingHistory = true;
    this.#client.tryResume((result) => {
      if ('error' in result) {
        this.#isExpectingHistory = false;
        this.checkAvailability();
        return;
      }
      this.#update({
        ...this.state,
        view: 'chat',
        clientName: result.clientName,
        hasOlder: this.#client.hasOlder,
      });
      // The features (attachments, limits) of the area are only known from canChat.
      this.#client.canChat((canChat) => this.#update({ ...this.state, canChat }), result.areaId);
    });
  }

  checkAvailability(): void {
    this.#update({ ...this.state, view: 'checking', refusal: undefined });
    this.#client.canChat(
      (canChat) => this.#update({ ...this.state, view: 'start', canChat }),
      this.#options.area(),
    );
  }

  /** The site's token, unless the server refused it: then the visitor is a guest. */
  get #visitorToken(): string {
    const token = this.#options.visitorToken?.() ?? '';
    return token === this.#refusedToken ? '' : token;
  }

  /** Name and email of the visitor token, for the form to skip; undefined for a guest. */
  get verifiedVisitor(): VisitorClaims | undefined {
    const token = this.#visitorToken;
    return token ? readVisitorClaims(token) : undefined;
  }

  start(parameters: StartParameters): void {
    const area = this.#options.area();
    const visitorToken = this.#visitorToken;
    this.#lastQuestion = parameters.message;
    this.#hasEmittedEnd = false;
    this.#update({
      ...initialChatState('chat'),
      canChat: this.state.canChat,
      clientName: parameters.name,
      connection: this.state.connection,
    });
    this.#client.connect({ area, ...parameters, ...(visitorToken ? { visitorToken } : {}) });
    emit(this.#host, 'cention-chat-start', {
      area,
      name: parameters.name,
      email: parameters.email,
    });
  }

  send(text: string): UnsentMessage | undefined {
    const unsent = this.#client.message(text);
    if (!unsent) return undefined;
    this.#update(addPending(this.state, unsent.id, text));
    emit(this.#host, 'cention-message-send', { umid: unsent.id, text });
    return unsent;
  }

  /** The visitor nears the top of the log: the page before the oldest message shown. */
  loadOlder(): void {
    this.#client.loadOlder();
  }

  /** The message shows "Sending…" again through the client's status (its outbox entry). */
  retry(umid: string): void {
    this.#client.retryMessage(umid);
  }

  /** A robot button: url buttons are plain links; postbacks go to the robot and into the log. */
  choose(item: ChatItem, button: TemplateButton): void {
    if (button.type !== 'postback' || item.chosen !== undefined) return;
    this.#client.postback(button.title, button.data);
    this.#update(addChoice(this.state, item.key, button.title));
  }

  preview(text: string): void {
    this.#client.preview(text);
  }

  attach(file: File, handlers: AttachFileHandlers): Promise<UnsentMessage | undefined> {
    return this.#client.attachFile(file, () => undefined, handlers);
  }

  confirmEnd(isConfirming: boolean): void {
    this.#update({ ...this.state, isConfirmingEnd: isConfirming });
  }

  endChat(): void {
    this.#client.close();
    this.#finish('client');
  }

  /**
   * The visitor's rating of the chat that ended: over HTTP with the session's secret, which the
   * client keeps until the next chat (the code to send it loads only now).
   */
  async rate(rating: { score: number; comment: string }): Promise<void> {
    const { sessionId, sessionSecret } = this.#client;
    if (sessionId === undefined || sessionSecret === undefined) throw new Error('no chat to rate');
    const { sendRating } = await import('../client/send-rating.js');
    await sendRating(this.#client.baseURL, { sessionId, secret: sessionSecret, ...rating });
  }

  newChat(): void {
    this.#client.resetChat();
    this.#hasEmittedEnd = false;
    this.#reportedSeen.clear();
    this.#update(initialChatState());
    this.checkAvailability();
  }

  /** The visitor sees the panel: unread goes to zero and the server hears what was displayed. */
  markRead(): void {
    this.#setUnread(0);
    const ids = this.state.items
      .filter((item) => item.sender !== 'CLIENT' && item.id !== undefined)
      .map((item) => item.id as number)
      .filter((id) => !this.#reportedSeen.has(id));
    if (ids.length === 0 || this.state.view !== 'chat') return;
    for (const id of ids) this.#reportedSeen.add(id);
    this.#client.seen(ids);
  }

  /** System texts through the page's `CentionChat.I`, then the widget's own translations. */
  readonly translate: Translate = (text) =>
    this.#client.I(text) ?? this.#options.systemTexts()?.[text];

  #handleChatMessage(event: ChatMessageEvent): void {
    const isNew = !this.#isExpectingHistory;
    // An event without messages (an agent joining) is not the history the resume brings.
    if (event.chat.length > 0) this.#isExpectingHistory = false;
    const { state, added } = addMessages(this.state, event, this.translate, isNew);
    this.#update(state.view === 'resuming' ? { ...state, view: 'chat' } : state);
    if (!isNew) {
      // History is shown as read; only what arrives from now on counts.
      for (const item of added) if (item.id !== undefined) this.#reportedSeen.add(item.id);
      return;
    }
    const incoming = new Set(added.filter((i) => i.sender !== 'CLIENT').map((i) => i.id));
    for (const message of event.chat) {
      if (incoming.has(message.id)) emit(this.#host, 'cention-message-receive', { message });
    }
    if (incoming.size === 0) return;
    if (this.#options.isVisible()) this.markRead();
    else this.#setUnread(this.unread + added.filter((i) => i.sender === 'AGENT').length);
  }

  #handleRefusal(refusal: 'no-agents' | 'queue-full' | 'rate-limited'): void {
    this.#client.resetChat();
    this.#update({ ...this.state, view: 'start', refusal });
  }

  #handleAgentPreview(preview: { messageLen: number; text?: string }): void {
    clearTimeout(this.#typingTimer);
    const isTyping = preview.messageLen > 0;
    this.#update({
      ...this.state,
      agentTyping: isTyping,
      agentTypingText: isTyping ? preview.text : undefined,
    });
    if (isTyping) {
      this.#typingTimer = setTimeout(
        () => this.#update({ ...this.state, agentTyping: false, agentTypingText: undefined }),
        TYPING_TIMEOUT_MS,
      );
    }
  }

  #finish(by: 'agent' | 'client' | 'system' | undefined): void {
    clearTimeout(this.#typingTimer);
    this.#update({
      ...this.state,
      view: 'finished',
      finishedBy: this.state.finishedBy ?? by,
      isConfirmingEnd: false,
      agentTyping: false,
      queuePosition: undefined,
    });
    if (this.#hasEmittedEnd) return;
    this.#hasEmittedEnd = true;
    emit(this.#host, 'cention-chat-end', { by });
  }

  #setUnread(count: number): void {
    if (count === this.unread) return;
    this.unread = count;
    emit(this.#host, 'cention-unread-change', { count });
  }

  #update(state: ChatState): void {
    this.state = this.#withSession(state);
    this.#host.requestUpdate();
  }

  /**
   * What the state knows of the session (the download token, the transcript addresses), brought
   * in line with the client's; worked out again only when the session changes (a chat started,
   * resumed or was reset), so components read it from the state instead of asking the client.
   * The transcript addresses are signed links, made when the end view first shows them.
   */
  #withSession(state: ChatState): ChatState {
    const secret = this.#client.sessionSecret;
    if (secret === state.session?.secret) {
      if (
        state.view === 'finished' &&
        secret &&
        state.session &&
        !state.session.saveTranscriptURL
      ) {
        this.#signTranscriptLinks(secret);
      }
      return state;
    }
    clearTimeout(this.#linkTimer);
    this.#signingFor = undefined;
    const session = secret
      ? {
          secret,
          downloadToken: this.#client.downloadToken ?? secret,
          saveTranscriptURL: '',
          printTranscriptURL: '',
        }
      : undefined;
    return { ...state, session };
  }

  /**
   * Signs the transcript links (client/transcript-links.ts, loaded now) and signs them again
   * before they expire, while the session is the same. Without WebCrypto: chat-api.txt's links.
   */
  #signTranscriptLinks(secret: string): void {
    const sessionId = this.#client.sessionId;
    if (this.#signingFor === secret || sessionId === undefined) return;
    this.#signingFor = secret;
    const area = this.#client.sessionAreaId ?? this.#options.area();
    void import('../client/transcript-links.js').then(async (module) => {
      const links = await module.transcriptLinks(this.#client.baseURL, area, sessionId, secret);
      const current = this.state.session;
      if (current?.secret !== secret) return;
      this.#update({ ...this.state, session: { ...current, ...links } });
      // A minute before expiry, sign again (the end view may stay open for hours).
      this.#linkTimer = setTimeout(() => {
        this.#signingFor = undefined;
        this.#signTranscriptLinks(secret);
      }, module.RESIGN_AFTER_MS);
    });
  }
}
