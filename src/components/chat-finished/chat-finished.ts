import { LitElement, html, nothing } from 'lit';
import { en, type WidgetStrings } from '../../i18n/en.js';
import { shared } from '../../styles/shared.js';
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
export class CentionChatFinished extends LitElement {
  static override styles = [shared, chatFinishedStyles];

  static override properties = {
    strings: { attribute: false },
    finishedBy: { attribute: 'finished-by' },
    saveUrl: { attribute: false },
    printUrl: { attribute: false },
  };

  declare strings: WidgetStrings;
  declare finishedBy: 'agent' | 'client' | 'system' | undefined;
  /** Transcript addresses; empty hides the buttons (no `transcript` attribute, or no session). */
  declare saveUrl: string;
  declare printUrl: string;

  constructor() {
    super();
    this.strings = en;
    this.saveUrl = '';
    this.printUrl = '';
  }

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('.restart')?.focus(options);
  }

  #handleRestart(): void {
    this.dispatchEvent(
      new CustomEvent('cention-chat-restart', { detail: {}, bubbles: true, composed: true }),
    );
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
            ? html`<a
                class="button secondary print"
                href=${this.printUrl}
                target="_blank"
                rel="noopener noreferrer"
                >${strings.printTranscript}<span class="visually-hidden">
                  ${strings.opensInNewTab}</span
                ></a
              >`
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
