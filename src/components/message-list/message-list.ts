import { html, nothing, type PropertyValues } from 'lit';
import type { ChatItem } from '../../controllers/chat-item.js';
import { shared } from '../../styles/shared.js';
import { isSanitizerReady, loadSanitizer, sanitizeHtml } from '../message/safe-content.js';
import { PanelElement } from '../panel-element.js';
import { messageListStyles } from './message-list.styles.js';

/** Within this many pixels of the end, the visitor counts as "at the bottom" and we follow. */
const BOTTOM_SLACK_PX = 48;

/**
 * @summary The chat log: messages grouped by sender, auto-scrolling unless the visitor scrolled
 * up (then a "New messages" button appears).
 *
 * The log itself is `aria-live="off"`: a separate polite live region speaks each message that
 * arrives after the first render exactly once, so history (resume) is never read out again.
 *
 * @csspart messages - The scrolling log.
 * @csspart message - Each message row (forwarded from `cention-message`).
 */
export class CentionMessageList extends PanelElement {
  static override styles = [shared, messageListStyles];

  static override properties = {
    items: { attribute: false },
    baseUrl: { attribute: false },
    downloadToken: { attribute: false },
    hasEnded: { type: Boolean, attribute: 'ended' },
    hasUnseenBelow: { state: true },
    announcement: { state: true },
  };

  declare items: ChatItem[];
  declare baseUrl: string;
  /** The session secret for the chat server's download addresses. */
  declare downloadToken: string;
  declare hasEnded: boolean;
  declare hasUnseenBelow: boolean;
  /** Text of the live region: the latest new incoming message(s). */
  declare announcement: string;

  #isAtBottom = true;
  readonly #announced = new Set<string>();

  constructor() {
    super();
    this.items = [];
    this.baseUrl = '';
    this.downloadToken = '';
    this.hasEnded = false;
    this.hasUnseenBelow = false;
    this.announcement = '';
  }

  /** Scrolls to the newest message and hides the "New messages" button. */
  scrollToEnd(): void {
    const log = this.#log;
    if (log) log.scrollTop = log.scrollHeight;
    this.#isAtBottom = true;
    this.hasUnseenBelow = false;
  }

  get #log(): HTMLElement | null {
    return this.renderRoot.querySelector('.log');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('items')) return;
    const previous = changed.get('items') ?? [];
    const previousKeys = new Set(previous.map((item) => item.key));
    const toSpeak: ChatItem[] = [];
    let hasNewItems = false;
    for (const item of this.items) {
      if (previousKeys.has(item.key)) continue;
      hasNewItems = true;
      // The visitor's own new message always brings the view down to it.
      if (item.isNew && item.sender === 'CLIENT' && item.key.startsWith('u'))
        this.#isAtBottom = true;
      if (!item.isNew || item.sender === 'CLIENT' || this.#announced.has(item.key)) continue;
      this.#announced.add(item.key);
      toSpeak.push(item);
    }
    if (toSpeak.length > 0) {
      const speak = () => {
        this.announcement = toSpeak.map((item) => this.#spokenText(item)).join(' ');
      };
      // Agent HTML is spoken as its sanitised text, so it may wait for DOMPurify.
      const hasHtml = toSpeak.some((item) => item.kind === 'html' || item.kind === 'template');
      if (hasHtml && !isSanitizerReady()) void loadSanitizer().then(speak);
      else speak();
    }
    if (hasNewItems && !this.#isAtBottom && this.hasUpdated) this.hasUnseenBelow = true;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('items') && this.#isAtBottom) void this.#scrollToEndAfterRender();
  }

  /** The messages render after the list: measure the height only once they have. */
  async #scrollToEndAfterRender(): Promise<void> {
    const messages = [...this.renderRoot.querySelectorAll('cention-message')];
    await Promise.all(messages.map((message) => message.updateComplete));
    if (this.#isAtBottom) this.scrollToEnd();
  }

  #spokenText(item: ChatItem): string {
    const name = item.sender === 'AGENT' ? item.author || this.strings.agent : '';
    let text = item.text;
    if (item.kind === 'html' || item.kind === 'template') {
      text = sanitizeHtml(item.text)?.textContent ?? '';
      const titles = item.template?.buttons.map((button) => button.title) ?? [];
      if (titles.length > 0) text = `${text} ${titles.join(', ')}`;
    } else if (item.kind === 'file' && item.file) {
      text = `${item.text} ${item.file.name}`;
    }
    return name ? `${name}: ${text.trim()}` : text.trim();
  }

  #handleScroll(): void {
    const log = this.#log;
    if (!log) return;
    this.#isAtBottom = log.scrollHeight - log.scrollTop - log.clientHeight <= BOTTOM_SLACK_PX;
    if (this.#isAtBottom) this.hasUnseenBelow = false;
  }

  #isGroupStart(items: ChatItem[], index: number): boolean {
    const item = items[index];
    const before = items[index - 1];
    if (!item || !before) return true;
    return (
      before.sender !== item.sender || before.author !== item.author || item.sender === 'SYSTEM'
    );
  }

  protected override render() {
    // An unknown structured item has no text to show: leave it out rather than draw a blank row.
    const items = this.items.filter((item) => item.text || item.kind !== 'system');
    // Rendered by position rather than keyed with `repeat` (about 0.9 KB gzip less): a
    // `<cention-message>` is a view of its `item` alone (it sanitises again when the text changes),
    // and the log almost only grows at the end, so reusing an element for the next item is safe.
    return html`<div
        part="messages"
        class="log"
        role="log"
        aria-live="off"
        aria-label=${this.strings.messagesLabel}
        tabindex="0"
        @scroll=${this.#handleScroll}
      >
        ${items.map(
          (item, index) =>
            html`<cention-message
              exportparts="message"
              .item=${item}
              .strings=${this.strings}
              .baseUrl=${this.baseUrl}
              .downloadToken=${this.downloadToken}
              .isGroupStart=${this.#isGroupStart(items, index)}
              ?ended=${this.hasEnded}
            ></cention-message>`,
        )}
      </div>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${
        this.hasUnseenBelow
          ? html`<button type="button" class="button pill" @click=${this.#handlePillClick}>
              ${this.strings.newMessages}
            </button>`
          : nothing
      }`;
  }

  #handlePillClick(): void {
    this.scrollToEnd();
    this.#log?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cention-message-list': CentionMessageList;
  }
}
