import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { CentionChatApi } from '../../client/types.js';
import { recallVisitor, rememberVisitor } from '../../client/visitor-memory.js';
import { ChatController } from '../../controllers/chat-controller.js';
import { unavailability, type ChatState } from '../../controllers/chat-state.js';
import { PageContextController } from '../../controllers/page-context.js';
import { stringsFor, systemTextsFor } from '../../i18n/index.js';
import { shared } from '../../styles/shared.js';
import { emit } from '../../events/index.js';
import type { AttachFile } from '../composer/composer.js';
import { followUnread, storageKindFor } from './panel-extras.js';
import { focusSelector, focusWhenRendered } from './panel-focus.js';
import { PanelLeaveMessage } from './panel-leave-message.js';
import { PanelLibrary } from './panel-library.js';
import type { SendRating } from '../rating/rating.js';
import { loadSanitizer } from '../message/safe-content.js';
import { loadEndViews } from '../end-views/load-end-views.js';
import { LEAVE_MESSAGE_REASONS } from '../leave-message/load-leave-message.js';
import { PanelElement } from '../panel-element.js';
import { chatPanelStyles } from './chat-panel.styles.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'cention-panel-minimise': CustomEvent<Record<string, never>>;
  }
}

/**
 * @summary Everything behind the launcher: header, and the state components (start form, queue,
 * messages, typing, composer, end of chat). Loaded on first open, or at once when a resumable chat
 * exists. Owns the `ChatController` that folds the client's events into one state.
 *
 * @csspart header - The panel header.
 * @csspart messages - The message log (forwarded).
 * @csspart message - Each message (forwarded).
 * @csspart composer - The composer (forwarded).
 * @csspart send-button - The send button (forwarded).
 * @event cention-panel-minimise - (internal) The minimise button was pressed.
 */
export class CentionChatPanel extends PanelElement {
  static override styles = [shared, chatPanelStyles];

  static override properties = {
    lang: {},
    area: { type: Number },
    areaName: { attribute: 'area-name' },
    baseUrl: { attribute: false },
    isVisible: { type: Boolean, attribute: 'visible' },
    isInline: { type: Boolean, attribute: 'inline' },
    hasTranscript: { type: Boolean, attribute: 'transcript' },
    sendsPreview: { type: Boolean, attribute: 'typing-preview' },
    prefillName: { attribute: false },
    prefillEmail: { attribute: false },
    client: { attribute: false },
    hasStoredSession: { attribute: false },
    visitorToken: { attribute: false },
  };

  declare area: number;
  /** Header title until an agent joins. */
  declare areaName: string;
  declare baseUrl: string;
  /** The visitor can see the panel (open, page visible). */
  declare isVisible: boolean;
  declare isInline: boolean;
  declare hasTranscript: boolean;
  declare sendsPreview: boolean;
  declare prefillName: string;
  declare prefillEmail: string;

  /** The chat client; set before the panel is connected. */
  declare client: CentionChatApi;
  /** A stored session exists: resume it instead of showing the start form. */
  declare hasStoredSession: boolean;
  /** The site's signed visitor token ('' for none): the start form skips name and email. */
  declare visitorToken: string;

  #chatController: ChatController | undefined;
  /** Takes the panel's unread count out of the page's title (panel-extras.ts). */
  readonly #stopFollowingUnread = followUnread(this);
  /** `begin()` runs once, on the first connection. */
  #hasBegun = false;
  /** Whether focus was in the panel just before this update (its target may disappear). */
  #hadFocus = false;
  /** The view of the previous render, to notice state changes that move focus. */
  #lastView: string | undefined;
  /** The leave-a-message view and "Check again" (panel-leave-message.ts). */
  readonly #leaveMessage = new PanelLeaveMessage(this);
  /** Library answers to the question being typed (panel-library.ts). */
  readonly #library = new PanelLibrary(this);

  constructor() {
    super();
    this.hasStoredSession = false;
    this.area = 0;
    this.areaName = '';
    this.baseUrl = '';
    this.isVisible = false;
    this.isInline = false;
    this.hasTranscript = false;
    this.sendsPreview = false;
    this.prefillName = '';
    this.prefillEmail = '';
    this.visitorToken = '';
  }

  /** The controller, made on first connection (the client must be set by then). */
  get controller(): ChatController {
    if (!this.#chatController) {
      if (!this.client) throw new Error('cention-chat-panel: set .client before connecting');
      this.#chatController = new ChatController(this, this.client, {
        area: () => this.area,
        isVisible: () => this.isVisible,
        systemTexts: () => systemTextsFor(this.lang),
        visitorToken: () => this.visitorToken,
      });
      new PageContextController(this, this.client);
    }
    return this.#chatController;
  }

  override connectedCallback(): void {
    // Creating the controller registers it, so it subscribes to the client in hostConnected.
    const controller = this.controller;
    super.connectedCallback();
    if (!this.#hasBegun) {
      this.#hasBegun = true;
      controller.begin(this.hasStoredSession);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopFollowingUnread();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang')) this.strings = stringsFor(this.lang);
    this.#hadFocus = this.matches(':focus-within');
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('isVisible') && this.isVisible) this.controller.markRead();
    // Focus waited on the panel itself while loading; hand it on once there is a real target.
    const view = this.controller.state.view;
    // After "Check again": if the chat is open now, its button is gone; focus the start form.
    if (view === 'start' && this.#leaveMessage.isRechecking) {
      this.#leaveMessage.isRechecking = false;
      if (this.#hadFocus && !this.matches(':focus-within')) this.focus();
    }
    if (view !== this.#lastView) {
      const wasLoading = this.#lastView === 'checking' || this.#lastView === 'resuming';
      this.#lastView = view;
      // DOMPurify is not needed to open the panel or for the start form: it is fetched when a
      // chat begins (or resumes), ready for the first reply, so opening a chat costs 11 KiB less.
      if (view === 'chat' || view === 'resuming') void loadSanitizer();
      const dialog = this.renderRoot.querySelector('.dialog');
      if (wasLoading && this.shadowRoot?.activeElement === dialog) this.focus();
      // The chat ended under the visitor's hands: focus stays where it is (a draft in the
      // composer, now read-only, is kept); only focus that was lost goes to "Start a new chat".
      else if (view === 'finished' && this.#hadFocus && !this.matches(':focus-within'))
        this.focus();
    }
  }

  /**
   * Moves focus to where the visitor most likely wants to be in the current state, once that
   * element has rendered (a state component may be brand new in this update).
   */
  override focus(options?: FocusOptions): void {
    const selector = () => focusSelector(this.controller.state, this.#leaveMessage.isRechecking);
    void focusWhenRendered(this, selector, options);
  }

  readonly #attachFile: AttachFile = (file, handlers) => this.controller.attach(file, handlers);
  readonly #rate: SendRating = (rating) => this.controller.rate(rating);
  #refocusAfterUpdate(): void {
    this.focus();
  }

  #handleMinimise(): void {
    emit(this, 'cention-panel-minimise', {});
  }

  #handleEndClick(): void {
    this.controller.confirmEnd(true);
    this.#refocusAfterUpdate();
  }

  readonly #handlers = {
    submit: (event: CustomEvent<{ name: string; email: string; message: string }>) => {
      event.stopPropagation();
      this.#leaveMessage.lastStart = event.detail;
      this.controller.start(event.detail);
      // For the next chat's form (visitor-memory.ts); `reset()` on the widget forgets it.
      rememberVisitor(storageKindFor(this), event.detail);
      this.#library.reset();
      this.#refocusAfterUpdate();
    },
    send: (event: CustomEvent<{ text: string }>) => {
      event.stopPropagation();
      if (!this.controller.send(event.detail.text)) event.preventDefault();
    },
    preview: (event: CustomEvent<{ text: string }>) => {
      event.stopPropagation();
      this.controller.preview(event.detail.text);
    },
    older: () => this.controller.loadOlder(),
    retry: (event: CustomEvent<{ umid: string }>) => {
      event.stopPropagation();
      this.controller.retry(event.detail.umid);
    },
    choose: (event: GlobalEventHandlersEventMap['cention-template-choose']) => {
      event.stopPropagation();
      this.controller.choose(event.detail.item, event.detail.button);
    },
    endAnswer: (event: CustomEvent<{ isConfirmed: boolean }>) => {
      event.stopPropagation();
      if (event.detail.isConfirmed) this.controller.endChat();
      else this.controller.confirmEnd(false);
      this.#refocusAfterUpdate();
    },
    restart: (event: Event) => {
      event.stopPropagation();
      this.controller.newChat();
      this.#refocusAfterUpdate();
    },
  };

  /**
   * The start form shows `canChat.error` under "The chat is not available": a start refused for
   * the address gets the widget's own words for it there.
   */
  #startFormCanChat(state: ChatState): ChatState['canChat'] {
    if (unavailability(state) !== 'rate-limited') return state.canChat;
    return {
      ...(state.canChat ?? { chatOpen: true, agentsAvailable: 1, resumable: false }),
      error: this.strings.tooManyChatsText,
    };
  }

  #renderBody(): TemplateResult {
    const state = this.controller.state;
    const strings = this.strings;
    const reason = unavailability(state);
    switch (state.view) {
      case 'checking':
      case 'resuming':
        if (this.#leaveMessage.isRechecking) return this.#leaveMessage.render(reason, true);
        return html`<p class="status" role="status">${strings.loading}</p>`;
      case 'start':
        if (reason && LEAVE_MESSAGE_REASONS.has(reason)) return this.#leaveMessage.render(reason);
        return html`${this.#library.answers?.renderOpened(strings)}
          <div ?hidden=${!!this.#library.answers?.opened}>
            <cention-start-form
              .strings=${strings}
              .canChat=${this.#startFormCanChat(state)}
              .unavailability=${unavailability(state)}
              .name=${this.prefillName || recallVisitor(storageKindFor(this)).name}
              .email=${this.prefillEmail || recallVisitor(storageKindFor(this)).email}
              .verified=${this.controller.verifiedVisitor}
              .identityRefused=${state.identityRefused}
              .message=${state.draftMessage ?? ''}
              @cention-start-submit=${this.#handlers.submit}
              @cention-start-recheck=${this.#leaveMessage.handleRecheck}
              @cention-start-question=${this.#library.handleQuestion}
              >${this.#library.answers?.renderList(strings)}</cention-start-form
            >
          </div>`;
      case 'chat':
      case 'finished':
        return this.#renderConversation();
    }
  }

  #renderConversation(): TemplateResult {
    const state = this.controller.state;
    const strings = this.strings;
    const isFinished = state.view === 'finished';
    if (isFinished || state.isConfirmingEnd) void loadEndViews();
    const isQueued = !isFinished && !state.agentName && state.queuePosition !== undefined;
    const transcript = this.hasTranscript ? state.session : undefined;
    return html`${
        isQueued
          ? html`<cention-queue-status
              .strings=${strings}
              .position=${state.queuePosition ?? 0}
              .waitSeconds=${state.estimatedWaitSeconds}
            ></cention-queue-status>`
          : nothing
      }
      ${this.#renderConnectionBanner()}
      <cention-message-list
        exportparts="messages,message"
        .strings=${strings}
        .items=${state.items}
        .baseUrl=${this.baseUrl}
        .downloadToken=${state.session?.downloadToken ?? ''}
        ?ended=${isFinished}
        ?has-older=${state.hasOlder}
        @cention-history-request=${this.#handlers.older}
        @cention-message-retry=${this.#handlers.retry}
        @cention-template-choose=${this.#handlers.choose}
      ></cention-message-list>
      ${
        isFinished
          ? html`<cention-chat-finished
              .strings=${strings}
              .finishedBy=${state.finishedBy}
              .saveUrl=${transcript?.saveTranscriptURL ?? ''}
              .printUrl=${transcript?.printTranscriptURL ?? ''}
              .rate=${state.session ? this.#rate : undefined}
              @cention-chat-restart=${this.#handlers.restart}
            ></cention-chat-finished>`
          : html`<cention-typing-preview
                .strings=${strings}
                ?typing=${state.agentTyping}
                .text=${state.agentTypingText}
                .agentName=${state.agentName}
              ></cention-typing-preview>
              ${
                state.isConfirmingEnd
                  ? html`<cention-end-confirm
                      .strings=${strings}
                      @cention-end-answer=${this.#handlers.endAnswer}
                    ></cention-end-confirm>`
                  : nothing
              }`
      }
      <cention-composer
        exportparts="composer,send-button"
        .strings=${strings}
        .features=${state.canChat?.feature}
        .attachFile=${this.#attachFile}
        ?disabled=${isFinished}
        ?sends-preview=${this.sendsPreview}
        @cention-composer-send=${this.#handlers.send}
        @cention-composer-preview=${this.#handlers.preview}
      ></cention-composer>`;
  }

  #renderConnectionBanner(): TemplateResult | typeof nothing {
    const connection = this.controller.state.connection;
    if (this.controller.state.view !== 'chat') return nothing;
    const text =
      connection === 'reconnecting'
        ? this.strings.reconnecting
        : connection === 'offline'
          ? this.strings.offline
          : '';
    return text ? html`<p class="banner" role="status">${text}</p>` : nothing;
  }

  protected override render() {
    const state = this.controller.state;
    const strings = this.strings;
    const title = state.agentName || this.areaName || strings.panelTitle;
    return html`<div
      class="dialog"
      role=${this.isInline ? 'region' : 'dialog'}
      aria-labelledby="panel-title"
      tabindex="-1"
    >
      <div part="header" class="header">
        <h2 id="panel-title">${title}</h2>
        ${
          state.view === 'chat' && !state.isConfirmingEnd
            ? html`<button type="button" class="text-button end" @click=${this.#handleEndClick}>
                ${strings.endChat}
              </button>`
            : nothing
        }
        ${
          this.isInline
            ? nothing
            : html`<button
                type="button"
                class="icon-button minimise"
                aria-label=${strings.minimise}
                title=${strings.minimise}
                @click=${this.#handleMinimise}
              >
                <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
                  <path d="M5 11h14v2H5z" />
                </svg>
              </button>`
        }
      </div>
      <div class="body">${this.#renderBody()}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cention-chat-panel': CentionChatPanel;
  }
}
