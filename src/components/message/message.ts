import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ChatItem, TemplateButton } from '../../controllers/chat-item.js';
import { formatString } from '../../i18n/index.js';
import { shared } from '../../styles/shared.js';
import { emit } from '../../events/index.js';
import { newTabLink } from '../new-tab-link.js';
import { PanelElement } from '../panel-element.js';
import { messageStyles } from './message.styles.js';
import {
  isRasterImage,
  safeFileUrl,
  safeLinkUrl,
  loadSanitizer,
  sanitizeHtml,
  withDownloadToken,
} from './safe-content.js';

/** Internal: the visitor asked to resend a failed message. Handled (and stopped) by the panel. */
export interface MessageRetryDetail {
  umid: string;
}

/** Internal: the visitor chose a postback button of a robot template. */
export interface TemplateChooseDetail {
  item: ChatItem;
  button: TemplateButton;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cention-message-retry': CustomEvent<MessageRetryDetail>;
    'cention-template-choose': CustomEvent<TemplateChooseDetail>;
  }
}

/**
 * @summary One entry of the chat log: a visitor, agent or robot message, a system line, a file or
 * a robot button template.
 *
 * Agent and robot HTML is sanitised (DOMPurify) and its links open in a new tab with
 * `rel="noopener noreferrer"`. Postback buttons of a template stay visible after a choice but are
 * marked `aria-disabled` (the chosen one `aria-pressed`), and all of them once the chat has ended;
 * url buttons stay usable.
 *
 * @csspart message - The message row.
 * @event cention-message-retry - (internal) Resend a failed message.
 * @event cention-template-choose - (internal) A postback button was chosen.
 */
export class CentionMessage extends PanelElement {
  static override styles = [shared, messageStyles];

  static override properties = {
    item: { attribute: false },
    baseUrl: { attribute: false },
    downloadToken: { attribute: false },
    isGroupStart: { type: Boolean, attribute: 'group-start' },
    hasEnded: { type: Boolean, attribute: 'ended' },
  };

  declare item: ChatItem | undefined;
  /** The chat server's base URL, to resolve file addresses. */
  declare baseUrl: string;
  /** The session secret, which the chat server wants on its download addresses. */
  declare downloadToken: string;
  /** First message of a run from the same author: shows the author's name. */
  declare isGroupStart: boolean;
  /** The chat has ended: postback buttons can no longer be used. */
  declare hasEnded: boolean;

  /** Sanitised HTML, made once per item rather than on every render. */
  #safeHtml: DocumentFragment | undefined;

  constructor() {
    super();
    this.baseUrl = '';
    this.downloadToken = '';
    this.isGroupStart = true;
    this.hasEnded = false;
  }

  /** Set while this message waits for DOMPurify before it can show its HTML. */
  #sanitizerLoading: Promise<void> | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const item = this.item;
    if (!item || (item.kind !== 'html' && item.kind !== 'template')) {
      this.#safeHtml = undefined;
      return;
    }
    const previous = changed.get('item');
    if (!this.#safeHtml || (previous && previous.text !== item.text)) {
      this.#safeHtml = sanitizeHtml(item.text);
      if (!this.#safeHtml && !this.#sanitizerLoading) {
        this.#sanitizerLoading = loadSanitizer().then(() => {
          this.#sanitizerLoading = undefined;
          this.requestUpdate();
        });
      }
    }
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

  protected override render() {
    const item = this.item;
    if (!item) return nothing;
    const strings = this.strings;
    const role =
      item.sender === 'CLIENT' ? 'visitor' : item.sender === 'AGENT' ? 'agent' : 'system';
    const author =
      item.sender === 'CLIENT'
        ? strings.you
        : item.sender === 'AGENT'
          ? item.author || strings.agent
          : strings.system;
    const classes = [
      'message',
      role,
      this.isGroupStart ? 'group-start' : '',
      item.delivery === 'failed' ? 'failed' : '',
    ].join(' ');
    const showAuthor = this.isGroupStart && role !== 'system';
    return html`<div part="message" class=${classes}>
      ${showAuthor ? html`<span class="author" aria-hidden="true">${author}</span>` : nothing}
      <div class="bubble">
        <span class="visually-hidden"
          >${formatString(strings.messageFrom, { NAME: author, TIME: item.sentHuman || '' })}</span
        >
        ${this.#renderContent(item)}
      </div>
      ${this.#renderDetails(item)}
    </div>`;
  }

  #renderContent(item: ChatItem): TemplateResult {
    // `.text` keeps the visitor's line breaks (pre-wrap): no template whitespace around the text.
    switch (item.kind) {
      case 'html':
        return html`<div class="html">${this.#safeHtml}</div>`;
      case 'template':
        return html`<div class="html">${this.#safeHtml}</div>
          ${this.#renderButtons(item)}`;
      case 'file':
        return html`<p>${item.text}</p>
          ${this.#renderFile(item)}`;
      case 'choice': {
        const choice = formatString(this.strings.youChose, { TITLE: item.text });
        return html`<p class="text">${choice}</p>`;
      }
      default:
        return html`<p class="text">${item.text}</p>`;
    }
  }

  #renderFile(item: ChatItem): TemplateResult | typeof nothing {
    const file = item.file;
    if (!file) return nothing;
    const safeUrl = safeFileUrl(file.url, this.baseUrl);
    const url = safeUrl && withDownloadToken(safeUrl, this.baseUrl, this.downloadToken);
    const label = formatString(this.strings.downloadFile, { NAME: file.name });
    if (!url) return html`<p class="file">${file.name}</p>`;
    const size = file.sizeHuman ? ` (${file.sizeHuman})` : '';
    return html`<div class="file">
      ${
        isRasterImage(file.mime, url)
          ? html`<img class="thumbnail" src=${url} alt=${file.name} loading="lazy" />`
          : nothing
      }
      ${newTabLink(url, `${label}${size}`, this.strings, { download: file.name })}
    </div>`;
  }

  #renderButtons(item: ChatItem): TemplateResult | typeof nothing {
    const buttons = item.template?.buttons ?? [];
    if (buttons.length === 0) return nothing;
    const isLocked = this.hasEnded || item.chosen !== undefined;
    return html`<div class="buttons">
        ${buttons.map((button) => {
          if (button.type === 'url') {
            const url = safeLinkUrl(button.url);
            if (!url) return nothing;
            return newTabLink(url, button.title, this.strings, { className: 'button secondary' });
          }
          const isChosen = item.chosen === button.title;
          return html`<button
            type="button"
            class="button secondary"
            aria-pressed=${isChosen ? 'true' : 'false'}
            aria-disabled=${isLocked ? 'true' : 'false'}
            aria-describedby=${this.hasEnded ? 'ended-note' : nothing}
            @click=${() => this.#handleChoose(item, button)}
          >
            ${button.title}${
              isChosen
                ? html`<span class="visually-hidden"> (${this.strings.chosen})</span>`
                : nothing
            }
          </button>`;
        })}
      </div>
      ${
        this.hasEnded
          ? html`<span id="ended-note" class="visually-hidden">${this.strings.buttonsEnded}</span>`
          : nothing
      }`;
  }

  #renderDetails(item: ChatItem): TemplateResult | typeof nothing {
    if (item.sender === 'SYSTEM') return nothing;
    const strings = this.strings;
    const delivery = item.delivery;
    // The strings are named after the states: sending, sent, seen, failed.
    const state = delivery ? strings[delivery] : '';
    if (!item.sentHuman && !state) return nothing;
    return html`<div class="details">
      ${item.sentHuman ? html`<time>${item.sentHuman}</time>` : nothing}
      ${state ? html`<span class="delivery" data-state=${delivery ?? ''}>${state}</span>` : nothing}
      ${
        delivery === 'failed' && item.umid
          ? html`<button type="button" class="link-button" @click=${() => this.#handleRetry(item)}>
              ${strings.retry}
            </button>`
          : nothing
      }
    </div>`;
  }

  #handleRetry(item: ChatItem): void {
    if (!item.umid) return;
    emit(this, 'cention-message-retry', { umid: item.umid });
  }

  #handleChoose(item: ChatItem, button: TemplateButton): void {
    if (this.hasEnded || item.chosen !== undefined) return;
    emit(this, 'cention-template-choose', { item, button });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cention-message': CentionMessage;
  }
}
