import { html, nothing, type PropertyValues } from 'lit';
import type { ChatItem } from '../../controllers/chat-item.js';
import { emit } from '../../events/index.js';
import { shared } from '../../styles/shared.js';
import { needsSanitizer, renderMessageRow } from '../message/message-row.js';
import { sendFailureText } from '../message/send-failure.js';
import { isSanitizerReady, loadSanitizer } from '../message/safe-content.js';
import { PanelElement } from '../panel-element.js';
import { announce } from './live-announcer.js';
import { messageListStyles } from './message-list.styles.js';
import { RowList } from './row-list.js';
import { ScrollKeeper } from './scroll-keeper.js';

declare global {
  interface GlobalEventHandlersEventMap {
    /** Internal: the visitor scrolled near the top (or asked): load the page of older messages. */
    'cention-history-request': CustomEvent<Record<string, never>>;
  }
}

/**
 * @summary The chat log: one keyed row per message, appended without touching the rows before;
 * stays at the newest message unless the visitor scrolled up (then a "New messages" button
 * appears); loads older pages when the visitor nears the top, keeping the view still.
 *
 * The log itself is `aria-live="off"`: a separate polite region (live-announcer.ts) gets one node
 * per new incoming message (and per failed send), so a burst is heard in full, and history
 * (resume, older pages) never.
 *
 * @csspart messages - The scrolling log.
 * @csspart message - Each message row.
 * @event cention-history-request - (internal) Older messages are wanted.
 */
export class CentionMessageList extends PanelElement {
  static override styles = [shared, messageListStyles];

  static override properties = {
    items: { attribute: false },
    baseUrl: { attribute: false },
    downloadToken: { attribute: false },
    hasEnded: { type: Boolean, attribute: 'ended' },
    hasOlder: { type: Boolean, attribute: 'has-older' },
    hasUnseenBelow: { state: true },
    sanitizerGeneration: { state: true },
  };

  declare items: ChatItem[];
  declare baseUrl: string;
  /** The session secret for the chat server's download addresses. */
  declare downloadToken: string;
  declare hasEnded: boolean;
  /** The server has older messages than the first row. */
  declare hasOlder: boolean;
  declare hasUnseenBelow: boolean;
  /** Counts up when DOMPurify arrives, so rows that waited for it render again. */
  declare sanitizerGeneration: number;

  readonly #scroll = new ScrollKeeper(
    (isAtBottom) => {
      if (isAtBottom) this.hasUnseenBelow = false;
    },
    () => this.#requestOlder(),
  );
  #rows: RowList | undefined;
  #liveRegion: Element | null = null;
  /** Rows to announce once rendered (agent HTML may still wait for DOMPurify). */
  #toSpeak: ChatItem[] = [];
  /** Failed visitor messages already announced (each failure is said once). */
  readonly #failuresSpoken = new Set<string>();
  #isWaitingForOlder = false;
  #lastShared: unknown[] = [];
  #sanitizerLoading: Promise<void> | undefined;

  constructor() {
    super();
    this.items = [];
    this.baseUrl = '';
    this.downloadToken = '';
    this.hasEnded = false;
    this.hasOlder = false;
    this.hasUnseenBelow = false;
    this.sanitizerGeneration = 0;
  }

  /** Scrolls to the newest message and hides the "New messages" button. */
  scrollToEnd(): void {
    this.#scroll.toEnd();
    this.hasUnseenBelow = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('items')) return;
    const previous = changed.get('items') ?? [];
    const items = this.items;
    // Appended rows: those after the previous last row, found from the end (BotFramework-WebChat
    // walks bottom-up the same way), so the work is the size of the change, not of the chat.
    const lastKey = previous.at(-1)?.key;
    let start = items.length;
    while (start > 0 && lastKey !== undefined && items[start - 1]?.key !== lastKey) start -= 1;
    const appended = items.slice(start);
    // The client asks for one page at a time itself: any change of the rows may ask again.
    this.#isWaitingForOlder = false;
    if (previous.length > 0 && items[0]?.key !== previous[0]?.key && this.hasUpdated)
      this.#scroll.keepPosition();
    // The visitor's own new message always brings the view down to it.
    if (appended.some((item) => item.key.startsWith('u'))) this.#scroll.isAtBottom = true;
    if (appended.length > 0 && !this.#scroll.isAtBottom && this.hasUpdated)
      this.hasUnseenBelow = true;
    const failed = [...items.slice(Math.max(0, start - 20), start), ...appended].filter(
      (item) => item.delivery === 'failed' && !this.#failuresSpoken.has(item.key),
    );
    for (const item of failed) this.#failuresSpoken.add(item.key);
    // Sent again (Retry): a new failure of it is news again.
    for (const item of items.slice(Math.max(0, items.length - 20)))
      if (item.delivery === 'sending') this.#failuresSpoken.delete(item.key);
    this.#toSpeak.push(
      ...appended.filter((item) => item.isNew && item.sender !== 'CLIENT'),
      ...failed,
    );
  }

  protected override firstUpdated(): void {
    const root = this.renderRoot;
    const log = root.querySelector<HTMLElement>('.log');
    const content = root.querySelector<HTMLElement>('.content');
    // Found once, before there are rows: a selector over thousands of rows' nodes is not cheap.
    this.#liveRegion = root.querySelector('[aria-relevant]');
    if (log && content) {
      this.#rows = new RowList(content);
      this.#scroll.attach(log, content);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.#renderRows();
    this.#speak();
    if (changed.has('items')) this.#scroll.restorePosition();
  }

  /** `updateComplete` also covers the wait for DOMPurify, so "rendered" means "content shown". */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.#sanitizerLoading) {
      await this.#sanitizerLoading;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  /**
   * Each row is announced as it reads — who, what (agent HTML as its sanitised text, template
   * buttons, file names) — from the rendered row itself, so what is heard is what is shown.
   */
  #speak(): void {
    const waiting = !isSanitizerReady() && this.#toSpeak.some(needsSanitizer);
    if (waiting || !this.#rows || this.#toSpeak.length === 0) return;
    const texts = this.#toSpeak.map((item) => {
      const row = this.#rows?.elementOf(item.key);
      const bubble = row?.querySelector('.bubble')?.textContent ?? '';
      const reason = item.failure ? sendFailureText(item.failure, this.strings) : '';
      const failure = item.delivery === 'failed' ? `${this.strings.failed} ${reason} ` : '';
      return `${failure}${bubble}`.replace(/\s+/g, ' ');
    });
    this.#toSpeak = [];
    announce(this.#liveRegion, texts);
  }

  #renderRows(): void {
    const rows = this.#rows;
    if (!rows) return;
    const context = {
      host: this as HTMLElement,
      strings: this.strings,
      baseUrl: this.baseUrl,
      downloadToken: this.downloadToken,
      hasEnded: this.hasEnded,
    };
    const ready = isSanitizerReady();
    if (!ready && this.items.some(needsSanitizer)) {
      this.#sanitizerLoading ??= loadSanitizer().then(() => {
        this.#sanitizerLoading = undefined;
        this.sanitizerGeneration += 1;
      });
    }
    // An unknown structured item has no text to show: leave it out rather than draw a blank row.
    const items = this.items.filter((item) => item.text || item.kind !== 'system');
    const isGroupStart = (index: number) => {
      const item = items[index];
      const before = items[index - 1];
      return (
        !item ||
        !before ||
        before.sender !== item.sender ||
        before.author !== item.author ||
        item.sender === 'SYSTEM'
      );
    };
    // What every row shows besides its item: when one changed, every row is drawn again.
    const shared = [this.hasEnded, this.downloadToken, this.strings, ready];
    const isSharedChanged = shared.some((value, at) => value !== this.#lastShared[at]);
    this.#lastShared = shared;
    rows.update(
      items,
      isGroupStart,
      (item, groupStart) => renderMessageRow(item, groupStart, context),
      isSharedChanged,
    );
  }

  #handleScroll(): void {
    this.#scroll.handleScroll();
  }

  /** Drawn rows are copies without listeners (row-list.ts): their buttons are handled here. */
  #handleRowClick(event: Event): void {
    const retry = (event.target as Element).closest?.('[data-retry]');
    const umid = retry?.getAttribute('data-retry');
    if (!umid) return;
    emit(this, 'cention-message-retry', { umid });
    // Retry leaves with the failure it offered, and the row itself goes once the message is
    // stored (its key changes): focus moves to the log, which stays, not to <body>.
    if (this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement === retry)
      this.renderRoot.querySelector<HTMLElement>('.log')?.focus({ preventScroll: true });
  }

  #requestOlder(): void {
    if (!this.hasOlder || this.#isWaitingForOlder || this.items.length === 0) return;
    this.#isWaitingForOlder = true;
    emit(this, 'cention-history-request', {});
  }

  protected override render() {
    // The rows inside `.content` are RowList's (row-list.ts): Lit renders the frame around them.
    return html`<div
        part="messages"
        class="log"
        role="log"
        aria-live="off"
        aria-label=${this.strings.messagesLabel}
        tabindex="0"
        @scroll=${this.#handleScroll}
        @click=${this.#handleRowClick}
      >
        <div class="content" role="list"></div>
      </div>
      <div class="visually-hidden" aria-live="polite" aria-relevant="additions"></div>
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
    this.renderRoot.querySelector<HTMLElement>('.log')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cention-message-list': CentionMessageList;
  }
}
