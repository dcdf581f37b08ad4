import { createCentionChat } from '../../client/centionchat.js';
import { readStoredSession } from '../../client/session-store.js';
import type { CentionChatApi } from '../../client/types.js';
import { ModalFocus } from '../../controllers/modal-focus.js';
import { forgetVisitor } from '../../client/visitor-memory.js';
import { ViewportFollower, type ViewportSize } from '../../controllers/viewport-follower.js';
import { launcherStringsFor } from '../../i18n/launcher.js';
import { pluralText } from '../../i18n/plural.js';
import { tokens } from '../../styles/tokens.js';
import type { CentionChatPanel } from '../chat-panel/chat-panel.js';
import type { PurifierLoader } from '../message/safe-content.js';
import { emit } from '../../events/index.js';
import { runWaitingCalls } from './call-queue.js';
import { CentionChatProperties } from './chat-properties.js';
import {
  endChat,
  startWithoutForm,
  type CentionChatPrefill,
  type CentionChatStartOptions,
} from './chat-actions.js';
import { chatStyles } from './chat.styles.js';
import { ICON_CHAT, ICON_CLOSE, launcherView } from './launcher-view.js';
import {
  hidePanel,
  readOpenFlag,
  showPanel,
  writeOpenFlag,
  type OpenerMemory,
} from './open-state.js';
import { fitToViewport } from './small-screen.js';
import { adoptSiteWideChat, storageScopeOf, storeOf } from './storage-scope.js';
import {
  claimScope,
  DETACH_GRACE_MS,
  releaseScope,
  type WidgetInstance,
} from './widget-instances.js';

export type { CentionChatPrefill, CentionChatStartOptions } from './chat-actions.js';

let sheet: CSSStyleSheet | undefined;

/** The module behind the launcher: the panel's elements, registered on demand. */
export type PanelModule = typeof import('../register.js');

/**
 * @summary The chat widget: a launcher button with an unread badge that opens the chat panel.
 *
 * This element is in the first script every page loads, so it is a plain custom element (no
 * Lit): Lit, the panel and its components, DOMPurify and the socket transport load on first
 * open, or at once when a resumable chat exists. Nothing is stored and no connection opens
 * before the visitor starts a chat.
 *
 * @attr base-url - `https://host/s/<workspace>` of the chat server.
 * @attr area - The Cention area id chats start in.
 * @attr area-name - Shown in the panel header until an agent joins (then the agent's name).
 * @attr lang - Language of the widget's texts (`en`, `sv`); falls back to English.
 * @attr position - `bottom-end` (default) or `bottom-start`; follows the text direction.
 * @attr open - Present while the panel is open; set or remove it to open or close the panel.
 * @attr inline - Sit in the page instead of floating (no launcher, panel always shown).
 * @attr hide-launcher - No launcher: the site opens the chat from its own button with `show()`.
 * @attr chat-id - Tells two widgets of one area apart: each keeps its own chat.
 * @attr theme - `light`, `dark` or `auto` (default: follows the system setting).
 * @attr transcript - Offer "Save transcript" and "Print transcript" when a chat ends.
 * @attr typing-preview - Send what the visitor types to the agent as a preview (and say so).
 * @attr visitor-token - A signed visitor token (JWT) from the site's back end: verified name and email.
 * @attr session-storage - Where the chat is kept between pages: `localStorage` (default: every tab
 *   of the site shows the same chat), `sessionStorage` (this tab only), `cookie` or `memory`.
 *
 * Each widget keeps its chat under its chat server, area and `chat-id`, so widgets of different
 * areas on one page never see each other's chat. Removed from the page, it closes its connection
 * after a short grace period (moving it does not); added again, it resumes.
 *
 * @event cention-chat-open - The panel opened.
 * @event cention-chat-close - The panel closed.
 * @event cention-chat-start - The visitor started a chat: `{area, name, email}`.
 * @event cention-chat-end - The chat ended: `{by}`.
 * @event cention-message-send - The visitor sent a message: `{umid, text}`.
 * @event cention-message-receive - An agent or system message arrived: `{message}`.
 * @event cention-unread-change - The unread count changed: `{count}`.
 *
 * @cssproperty [--cention-color-accent=#0b57d0] - Accent: launcher, buttons, the visitor's bubbles.
 * @cssproperty [--cention-color-on-accent=#fff] - Text and icons on the accent colour.
 * @cssproperty [--cention-color-surface=#fff] - Panel background.
 * @cssproperty [--cention-color-surface-alt=#f1f3f8] - Header and composer background.
 * @cssproperty [--cention-color-text=#1b1b1f] - Text colour.
 * @cssproperty [--cention-color-muted=#54575e] - Secondary text (times, notices).
 * @cssproperty [--cention-color-border=#8e9199] - Borders and dividers.
 * @cssproperty [--cention-color-agent-bubble=#eef1f6] - Background of agent and system messages.
 * @cssproperty [--cention-color-visitor-bubble] - Background of the visitor's messages.
 * @cssproperty [--cention-color-on-visitor-bubble] - Text on the visitor's messages.
 * @cssproperty [--cention-color-danger=#b3261e] - Errors and failed messages.
 * @cssproperty [--cention-color-focus=#0b57d0] - Focus ring.
 * @cssproperty [--cention-color-badge=#b3261e] - Unread badge background.
 * @cssproperty [--cention-color-on-badge=#fff] - Unread badge text.
 * @cssproperty [--cention-font-family=system-ui, …] - Font of every text.
 * @cssproperty [--cention-font-size=15px] - Base font size.
 * @cssproperty [--cention-radius=12px] - Corner radius of the panel, bubbles and controls.
 * @cssproperty [--cention-spacing=12px] - Base spacing unit.
 * @cssproperty [--cention-z-index=2147483000] - Stacking order of the launcher and panel.
 * @cssproperty [--cention-launcher-size=56px] - Diameter of the launcher button.
 * @cssproperty [--cention-panel-width=380px] - Width of the floating panel.
 * @cssproperty [--cention-panel-height=600px] - Height of the floating panel.
 * @cssproperty [--cention-offset=20px] - Distance of the launcher and panel from the viewport edge.
 * @cssproperty [--cention-shadow=0 6px 24px rgb(0 0 0 / 0.22)] - Shadow of the launcher and panel.
 *
 * @csspart launcher - The launcher button.
 * @csspart panel - The chat panel.
 * @csspart header - The panel header.
 * @csspart messages - The message log.
 * @csspart message - Each message.
 * @csspart composer - The message composer.
 * @csspart send-button - The send button.
 */
export class CentionChatElement extends CentionChatProperties {
  /**
   * Loads the panel and everything behind it (Lit, the elements, DOMPurify …). The script-tag
   * entry sets it: `embed.ts` fetches it as a lazy chunk, while the one-file build
   * (`embed-bundle.ts`) already holds it and hands it over, so that file carries no lazy-module
   * wrappers (about 0.75 KB gzip).
   */
  static loadPanel: () => Promise<PanelModule> = () =>
    Promise.reject(new Error('cention-chat: no panel loader; use the script-tag entry'));

  /** Fetches DOMPurify for the panel; set by the script-tag entry like `loadPanel`. */
  static loadPurifier: PurifierLoader;

  static observedAttributes = [
    'base-url',
    'area',
    'area-name',
    'lang',
    'open',
    'inline',
    'hide-launcher',
    'transcript',
    'typing-preview',
    'visitor-token',
  ];

  #chatClient: CentionChatApi | undefined;
  #panel: CentionChatPanel | undefined;
  #panelLoading: Promise<CentionChatPanel> | undefined;
  #hasStoredSession = false;
  /** Set once connected: attribute changes before that are the initial state, not events. */
  #isReady = false;
  #unread = 0;
  #prefillValues = { name: '', email: '' };
  #viewportSize: ViewportSize | undefined;
  /** The storage scope claimed while on the page (chat server, area, `chat-id`). */
  #scope = '';
  /** Counts down the grace period after removal; cleared when the element is added back. */
  #detachTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by each teardown, so a panel still loading for the old one is dropped. */
  #generation = 0;
  readonly #instance: WidgetInstance = {
    isConnected: () => this.isConnected,
    tearDown: () => this.#tearDown(),
  };
  readonly #launcher: HTMLButtonElement;
  /** Where `hide()` returns focus to (open-state.ts). */
  readonly #opening: OpenerMemory = {};
  readonly #launcherIcon: SVGPathElement;
  readonly #badge: HTMLSpanElement;
  readonly #panelBox: HTMLDivElement;
  readonly #viewport = new ViewportFollower((size) => {
    this.#viewportSize = size;
    this.#sync();
  });
  readonly #handleVisibility = () => this.#sync();
  /** The page behind the full-screen (small screen) panel is inert while it is open. */
  readonly #modal = new ModalFocus();

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(tokens + chatStyles);
    }
    root.adoptedStyleSheets = [sheet];

    const view = launcherView();
    this.#launcher = view.launcher;
    this.#launcherIcon = view.icon;
    this.#badge = view.badge;
    this.#launcher.addEventListener('click', () => void this.toggle());

    this.#panelBox = view.panelBox;
    this.#panelBox.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !this.isInline) {
        event.stopPropagation();
        this.hide();
      }
    });
    this.#panelBox.addEventListener('cention-unread-change', (event) => {
      this.#unread = event.detail.count;
      this.#sync();
    });
    this.#panelBox.addEventListener('cention-chat-start', () =>
      writeOpenFlag(storeOf(this), this.open),
    );
    this.#panelBox.addEventListener('cention-panel-minimise', () => this.hide());
    root.append(this.#launcher, this.#panelBox);
    this.#sync();
  }

  /** The `CentionChat` client this widget uses; made on first use, or set your own before. */
  get client(): CentionChatApi {
    this.#chatClient ??= createCentionChat({
      baseURL: this.baseUrl,
      sessionStorage: this.sessionStorage,
      storageKey: storageScopeOf(this),
      // A resume renders the newest 50 at once; the log pages back as the visitor scrolls up.
      historyPageSize: 50,
    });
    return this.#chatClient;
  }

  set client(client: CentionChatApi) {
    this.#chatClient = client;
  }

  get isOpen(): boolean {
    return this.hasAttribute('open');
  }

  get isInline(): boolean {
    return this.hasAttribute('inline');
  }

  /** The unread count the launcher badge shows. */
  get unreadCount(): number {
    return this.#unread;
  }

  /**
   * Opens the panel and moves focus into it. (Not `open()`: `open` is the state, a property
   * frameworks set.) Called from the page's own button (`hide-launcher`), focus returns there on
   * `hide()`.
   */
  show(): Promise<void> {
    return showPanel(this, this.#opening, () => this.#ensurePanel());
  }

  /** Closes the panel; focus returns to the launcher (or the page's opener) if it was inside. */
  hide(): void {
    hidePanel(this, this.#opening, this.#launcher);
  }

  /** Opens the panel when closed and closes it when open (`force` chooses). */
  async toggle(force = !this.open): Promise<void> {
    if (force) await this.show();
    else this.hide();
  }

  /** The same as `hide()`, kept for pages written against earlier versions. */
  close(): void {
    this.hide();
  }

  /**
   * Starts a chat without the start form, e.g. for a visitor the site knows: opens the panel and
   * sends what the form would. Resolves `false` (and starts nothing) when a chat is already under
   * way or none can start now (closed, no agents, server unreachable: the panel says which).
   */
  async start(options: CentionChatStartOptions): Promise<boolean> {
    await this.show();
    return startWithoutForm(await this.#ensurePanel(), options);
  }

  /**
   * Forgets this widget's chat (what is stored of it, here and for other tabs) and shows a fresh
   * start form; the chat on the server is left to time out. See `logout()` for a site's sign-out.
   */
  reset(): void {
    this.client.resetChat();
    // The name and e-mail remembered for the next chat's form go with the chat (issue 15).
    forgetVisitor(this.sessionStorage);
    writeOpenFlag(storeOf(this), undefined);
    this.#unread = 0;
    this.#hasStoredSession = false;
    this.#dropPanel();
    if (this.open || this.inline) void this.#ensurePanel();
    this.#sync();
  }

  /**
   * For a site's sign-out: ends the chat on the server (the agent sees it end), then forgets it
   * like `reset()`, forgets the prefilled name and e-mail, and closes the panel.
   */
  async logout(): Promise<void> {
    const client = this.#chatClient;
    if (client?.sessionId !== undefined) await endChat(client);
    this.#prefillValues = { name: '', email: '' };
    this.hide();
    this.reset();
  }

  /** Fills in the start form's name and email (the visitor can still change them). */
  prefill(values: CentionChatPrefill): void {
    this.#prefillValues = {
      name: values.name ?? this.#prefillValues.name,
      email: values.email ?? this.#prefillValues.email,
    };
    this.#sync();
  }

  connectedCallback(): void {
    this.#isReady = true;
    document.addEventListener('visibilitychange', this.#handleVisibility);
    this.#viewport.start();
    // Moved in the DOM (removed and added back within the grace period): the chat just goes on.
    const wasMoved = this.#detachTimer !== undefined;
    clearTimeout(this.#detachTimer);
    this.#detachTimer = undefined;
    if (!wasMoved) this.#attach();
    runWaitingCalls(this);
  }

  disconnectedCallback(): void {
    document.removeEventListener('visibilitychange', this.#handleVisibility);
    this.#viewport.stop();
    this.#modal.release();
    this.#detachTimer = setTimeout(() => this.#tearDown(), DETACH_GRACE_MS);
  }

  /** Added to the page: claims its chat and resumes it if one is stored. */
  #attach(): void {
    this.#scope = storageScopeOf(this);
    claimScope(this.#scope, this.#instance);
    adoptSiteWideChat(this);
    this.#hasStoredSession = readStoredSession(storeOf(this)) !== undefined;
    if (this.#hasStoredSession) {
      // Reopen a live chat as the visitor left it (open or minimised), with its history.
      if (readOpenFlag(storeOf(this))) this.toggleAttribute('open', true);
      void this.#ensurePanel();
    } else if (this.isInline || this.isOpen) {
      void this.#ensurePanel();
    }
  }

  /**
   * Gone from the page (or replaced by a new widget of the same chat): no more connection, no
   * panel. The stored chat stays, so adding the element again resumes it.
   */
  #tearDown(): void {
    clearTimeout(this.#detachTimer);
    this.#detachTimer = undefined;
    releaseScope(this.#scope, this.#instance);
    this.#chatClient?.disconnect();
    this.#dropPanel();
  }

  #dropPanel(): void {
    this.#generation += 1;
    this.#panel?.remove();
    this.#panel = undefined;
    this.#panelLoading = undefined;
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    if (name === 'base-url' && this.#chatClient) this.#chatClient.baseURL = value ?? '';
    if (name === 'open' && (previous === null) !== (value === null) && this.#isReady) {
      emit(this, value === null ? 'cention-chat-close' : 'cention-chat-open', {});
      if (this.#chatClient?.sessionId !== undefined) writeOpenFlag(storeOf(this), value !== null);
    }
    if ((name === 'open' || name === 'inline') && value !== null && this.#isReady) {
      void this.#ensurePanel();
    }
    this.#sync();
  }

  /** Loads the panel and everything behind it, once. */
  #ensurePanel(): Promise<CentionChatPanel> {
    const generation = this.#generation;
    this.#panelLoading ??= CentionChatElement.loadPanel().then(({ registerPanelElements }) => {
      registerPanelElements(CentionChatElement.loadPurifier);
      const panel = document.createElement('cention-chat-panel');
      // Torn down while loading: this panel is never shown (nor connects).
      if (generation !== this.#generation) return panel;
      panel.setAttribute('exportparts', 'header,messages,message,composer,send-button');
      panel.client = this.client;
      panel.hasStoredSession = this.#hasStoredSession;
      this.#panel = panel;
      this.#sync();
      this.#panelBox.append(panel);
      return panel;
    });
    return this.#panelLoading;
  }

  /** Brings the shadow DOM and the panel's properties in line with attributes and state. */
  #sync(): void {
    const strings = launcherStringsFor(this.getAttribute('lang'));
    const isOpen = this.isOpen;
    const isShown = isOpen || this.isInline;
    const label = [isOpen ? strings.close : strings.open];
    if (this.#unread > 0) label.push(pluralText(strings.locale, strings.unread, this.#unread));
    this.#launcher.hidden = this.isInline || this.hideLauncher;
    this.#launcher.setAttribute('aria-label', label.join(', '));
    this.#launcher.setAttribute('aria-expanded', String(isOpen));
    this.#launcherIcon.setAttribute('d', isOpen ? ICON_CLOSE : ICON_CHAT);
    this.#badge.hidden = this.#unread === 0;
    this.#badge.textContent = String(this.#unread);
    this.#panelBox.hidden = !isShown;

    // Small screens: the panel fills the visual viewport, so the keyboard never covers it.
    const size = this.#viewportSize;
    const isFullScreen = size?.isSmallScreen && isOpen && !this.isInline;
    fitToViewport(this, this.#panelBox, this.#modal, isFullScreen ? size : undefined);

    const panel = this.#panel;
    if (!panel) return;
    panel.lang = this.getAttribute('lang') ?? '';
    panel.area = Number(this.getAttribute('area') ?? 0);
    panel.areaName = this.getAttribute('area-name') ?? '';
    panel.baseUrl = this.getAttribute('base-url') ?? '';
    panel.isVisible = isShown && document.visibilityState === 'visible';
    panel.isInline = this.isInline;
    panel.hasTranscript = this.hasAttribute('transcript');
    panel.sendsPreview = this.hasAttribute('typing-preview');
    panel.prefillName = this.#prefillValues.name;
    panel.prefillEmail = this.#prefillValues.email;
    panel.visitorToken = this.visitorToken;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cention-chat': CentionChatElement;
  }
}
