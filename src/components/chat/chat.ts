import { createCentionChat } from '../../client/centionchat.js';
import { readStoredSession, readValue, writeValue } from '../../client/session-store.js';
import type { CentionChatApi, SessionStorageKind } from '../../client/types.js';
import { ModalFocus } from '../../controllers/modal-focus.js';
import { ViewportFollower, type ViewportSize } from '../../controllers/viewport-follower.js';
import { launcherStringsFor } from '../../i18n/launcher.js';
import { pluralText } from '../../i18n/plural.js';
import { tokens } from '../../styles/tokens.js';
import type { CentionChatPanel } from '../chat-panel/chat-panel.js';
import type { PurifierLoader } from '../message/safe-content.js';
import { emit } from '../../events/index.js';
import { chatStyles } from './chat.styles.js';

/** Remembers, for the rest of the browser session, whether the panel of a live chat was open. */
const OPEN_KEY = 'cention-chat.open';

// Through the client's store helpers, which survive blocked storage (the panel then simply
// starts minimised on the next page).
const readOpenFlag = (): boolean => readValue('sessionStorage', OPEN_KEY) === '1';
const writeOpenFlag = (isOpen: boolean): void =>
  writeValue('sessionStorage', OPEN_KEY, isOpen ? '1' : '0');

const ICON_CHAT =
  'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2zm2 5v2h12V9zm0 4v2h8v-2z';
const ICON_CLOSE =
  'M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6z';

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
 * @attr theme - `light`, `dark` or `auto` (default: follows the system setting).
 * @attr transcript - Offer "Save transcript" and "Print transcript" when a chat ends.
 * @attr typing-preview - Send what the visitor types to the agent as a preview (and say so).
 * @attr session-storage - Where the chat is kept between pages: `localStorage` (default: every tab
 *   of the site shows the same chat), `sessionStorage` (this tab only), `cookie` or `memory`.
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
export class CentionChatElement extends HTMLElement {
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
    'transcript',
    'typing-preview',
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
  readonly #launcher: HTMLButtonElement;
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

    this.#launcher = element('button', { part: 'launcher', class: 'launcher', type: 'button' });
    this.#launcher.setAttribute('aria-controls', 'panel');
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    for (const [name, value] of Object.entries({
      viewBox: '0 0 24 24',
      width: '28',
      height: '28',
      'aria-hidden': 'true',
    })) {
      svg.setAttribute(name, value);
    }
    this.#launcherIcon = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    svg.append(this.#launcherIcon);
    this.#badge = element('span', { class: 'badge', 'aria-hidden': 'true' });
    this.#launcher.append(svg, this.#badge);
    this.#launcher.addEventListener('click', () => void (this.isOpen ? this.close() : this.open()));

    this.#panelBox = element('div', { id: 'panel', part: 'panel', class: 'panel' });
    this.#panelBox.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !this.isInline) {
        event.stopPropagation();
        void this.close();
      }
    });
    this.#panelBox.addEventListener('cention-unread-change', (event) => {
      this.#unread = event.detail.count;
      this.#sync();
    });
    this.#panelBox.addEventListener('cention-chat-start', () => writeOpenFlag(this.isOpen));
    this.#panelBox.addEventListener('cention-panel-minimise', () => void this.close());
    root.append(this.#launcher, this.#panelBox);
    this.#sync();
  }

  /** The `CentionChat` client this widget uses; made on first use, or set your own before. */
  get client(): CentionChatApi {
    this.#chatClient ??= createCentionChat({
      baseURL: this.getAttribute('base-url') ?? '',
      sessionStorage: this.#storageKind,
      // A resume renders the newest 50 at once; the log pages back as the visitor scrolls up.
      historyPageSize: 50,
    });
    return this.#chatClient;
  }

  /**
   * localStorage by default, so a second tab of the site (Ctrl+click on a link) shows the same
   * chat; still nothing is written before the visitor starts one.
   */
  get #storageKind(): SessionStorageKind {
    const kind = this.getAttribute('session-storage');
    return kind === 'sessionStorage' || kind === 'cookie' || kind === 'memory'
      ? kind
      : 'localStorage';
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

  /** Opens the panel and moves focus into it. */
  async open(): Promise<void> {
    this.toggleAttribute('open', true);
    const panel = await this.#ensurePanel();
    panel.focus();
  }

  /** Closes the panel; focus returns to the launcher if it was in the widget. */
  async close(): Promise<void> {
    if (this.isInline) return;
    const hadFocus = this.matches(':focus-within');
    this.toggleAttribute('open', false);
    if (hadFocus) this.#launcher.focus();
  }

  /** Fills in the start form's name and email (the visitor can still change them). */
  prefill(values: { name?: string; email?: string }): void {
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
    this.#hasStoredSession = readStoredSession(this.#storageKind) !== undefined;
    if (this.#hasStoredSession) {
      // Reopen a live chat as the visitor left it (open or minimised), with its history.
      if (readOpenFlag()) this.toggleAttribute('open', true);
      void this.#ensurePanel();
    } else if (this.isInline || this.isOpen) {
      void this.#ensurePanel();
    }
  }

  disconnectedCallback(): void {
    document.removeEventListener('visibilitychange', this.#handleVisibility);
    this.#viewport.stop();
    this.#modal.release();
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    if (name === 'base-url' && this.#chatClient) this.#chatClient.baseURL = value ?? '';
    if (name === 'open' && (previous === null) !== (value === null) && this.#isReady) {
      emit(this, value === null ? 'cention-chat-close' : 'cention-chat-open', {});
      if (this.#chatClient?.sessionId !== undefined) writeOpenFlag(value !== null);
    }
    if ((name === 'open' || name === 'inline') && value !== null && this.#isReady) {
      void this.#ensurePanel();
    }
    this.#sync();
  }

  /** Loads the panel and everything behind it, once. */
  #ensurePanel(): Promise<CentionChatPanel> {
    this.#panelLoading ??= CentionChatElement.loadPanel().then(({ registerPanelElements }) => {
      registerPanelElements(CentionChatElement.loadPurifier);
      const panel = document.createElement('cention-chat-panel');
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
    this.#launcher.hidden = this.isInline;
    this.#launcher.setAttribute('aria-label', label.join(', '));
    this.#launcher.setAttribute('aria-expanded', String(isOpen));
    this.#launcherIcon.setAttribute('d', isOpen ? ICON_CLOSE : ICON_CHAT);
    this.#badge.hidden = this.#unread === 0;
    this.#badge.textContent = String(this.#unread);
    this.#panelBox.hidden = !isShown;

    // Small screens: the panel fills the visual viewport, so the keyboard never covers it.
    const size = this.#viewportSize;
    const style = this.#panelBox.style;
    if (size?.isSmallScreen && isOpen && !this.isInline) {
      style.setProperty('block-size', `${size.height}px`);
      style.setProperty('inset-block-start', `${size.offsetTop}px`);
      this.#modal.hold(this);
    } else {
      style.removeProperty('block-size');
      style.removeProperty('inset-block-start');
      this.#modal.release();
    }

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
  }
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

declare global {
  interface HTMLElementTagNameMap {
    'cention-chat': CentionChatElement;
  }
}
