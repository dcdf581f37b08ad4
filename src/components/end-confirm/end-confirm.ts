import { html } from 'lit';
import { shared } from '../../styles/shared.js';
import { emit } from '../../events/index.js';
import { PanelElement } from '../panel-element.js';
import { endConfirmStyles } from './end-confirm.styles.js';

/** Internal: the visitor answered "End the chat?". */
export interface EndConfirmDetail {
  isConfirmed: boolean;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cention-end-answer': CustomEvent<EndConfirmDetail>;
  }
}

/**
 * @summary "End the chat?": a small in-panel alert dialog. Focus starts on the safe answer
 * (continue chatting); Escape also means "no" and does not close the panel.
 *
 * @event cention-end-answer - (internal) `{isConfirmed}`.
 */
export class CentionEndConfirm extends PanelElement {
  static override styles = [shared, endConfirmStyles];

  constructor() {
    super();
  }

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('.cancel')?.focus(options);
  }

  #answer(isConfirmed: boolean): void {
    emit(this, 'cention-end-answer', { isConfirmed });
  }

  #handleKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.#answer(false);
  }

  protected override render() {
    const strings = this.strings;
    return html`<div
      role="alertdialog"
      aria-labelledby="end-title"
      aria-describedby="end-text"
      @keydown=${this.#handleKeydown}
    >
      <h2 id="end-title">${strings.endConfirmTitle}</h2>
      <p id="end-text">${strings.endConfirmText}</p>
      <div class="actions">
        <button type="button" class="button danger confirm" @click=${() => this.#answer(true)}>
          ${strings.endConfirmYes}
        </button>
        <button type="button" class="button secondary cancel" @click=${() => this.#answer(false)}>
          ${strings.endConfirmNo}
        </button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cention-end-confirm': CentionEndConfirm;
  }
}
