import { html, nothing } from 'lit';
import { shared } from '../../styles/shared.js';
import { emit } from '../../events/index.js';
import { newTabLink } from '../new-tab-link.js';
import { PanelElement } from '../panel-element.js';
import type { SendRating } from '../rating/rating.js';
import { chatFinishedStyles } from './chat-finished.styles.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'cention-chat-restart': CustomEvent<Record<string, never>>;
  }
}

/**
 * @summary The chat has ended: who ended it, the transcript (save, print) when the widget offers
 * it, and "Start a new chat".
 *
 * @event cention-chat-restart - (internal) The visitor wants a new chat.
 */
export class CentionChatFinished extends PanelElement {
  static override styles = [shared, chatFinishedStyles];

  static override properties = {
    finishedBy: { attribute: 'finished-by' },
    saveUrl: { attribute: false },
    printUrl: { attribute: false },
    rate: { attribute: false },
    hasRating: { state: true },
  };

  declare finishedBy: 'agent' | 'client' | 'system' | undefined;
  /** Transcript addresses; empty hides the buttons (no `transcript` attribute, or no session). */
  declare saveUrl: string;
  declare printUrl: string;
  /** Sends the visitor's rating; undefined offers none (no session to rate). */
  declare rate: SendRating | undefined;
  /** The rating element has loaded (it is a chunk of its own, fetched when this card shows). */
  declare hasRating: boolean;

  constructor() {
    super();
    this.saveUrl = '';
    this.printUrl = '';
    this.hasRating = false;
  }

  protected override willUpdate(): void {
    if (this.rate && !this.hasRating) void this.#loadRating();
  }

  #ratingLoading: Promise<void> | undefined;

  #loadRating(): Promise<void> {
    this.#ratingLoading ??= import('../rating/rating.js').then(({ CentionRating }) => {
      if (!customElements.get('cention-rating'))
        customElements.define('cention-rating', CentionRating);
      this.hasRating = true;
    });
    return this.#ratingLoading;
  }

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('.restart')?.focus(options);
  }

  #handleRestart(): void {
    emit(this, 'cention-chat-restart', {});
  }

  protected override render() {
    const strings = this.strings;
    const by =
      this.finishedBy === 'agent'
        ? strings.finishedByAgent
        : this.finishedBy === 'client'
          ? strings.finishedByClient
          : strings.finishedBySystem;
    return html`<div role="status">
        <h2>${strings.finishedTitle}</h2>
        <p>${by} ${strings.thanks}</p>
      </div>
      ${
        this.rate && this.hasRating
          ? html`<cention-rating .strings=${strings} .send=${this.rate}></cention-rating>`
          : nothing
      }
      <div class="actions">
        ${
          this.saveUrl
            ? html`<a class="button secondary save" href=${this.saveUrl} download
                >${strings.saveTranscript}</a
              >`
            : nothing
        }
        ${
          this.printUrl
            ? newTabLink(this.printUrl, strings.printTranscript, strings, {
                className: 'button secondary print',
              })
            : nothing
        }
        <button type="button" class="button restart" @click=${this.#handleRestart}>
          ${strings.newChat}
        </button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cention-chat-finished': CentionChatFinished;
  }
}
