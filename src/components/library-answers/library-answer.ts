import { html } from 'lit';
import { laterStringsFor } from '../../i18n/later.js';
import type { LibraryAnswer } from '../../protocol/index.js';
import { shared } from '../../styles/shared.js';
import { emit } from '../../events/index.js';
import { PanelElement } from '../panel-element.js';
import { libraryAnswersStyles } from './library-answers.styles.js';

declare global {
  interface GlobalEventHandlersEventMap {
    /** `startChat`: "Still start a chat" (true) or "Ask another question" after it helped. */
    'cention-answer-close': CustomEvent<{ startChat: boolean }>;
  }
}

/**
 * @summary One library answer, opened from the start form, in place of the form: the question,
 * the answer (plain text), "This answered my question" and "Still start a chat", which goes back to
 * the form with the visitor's question kept and starts the chat. Focus starts on the question's
 * heading, so a screen reader reads the answer next; after "This answered my question" it moves
 * to the thanks, never to the page.
 *
 * @event cention-answer-close - (internal) `{startChat}`: back to the form, starting the chat or not.
 */
export class CentionLibraryAnswer extends PanelElement {
  static override styles = [shared, libraryAnswersStyles];

  static override properties = {
    answer: { attribute: false },
    hasHelped: { state: true },
  };

  declare answer: LibraryAnswer | undefined;
  declare hasHelped: boolean;

  constructor() {
    super();
    this.hasHelped = false;
  }

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>(this.hasHelped ? '.thanks' : 'h2')?.focus(options);
  }

  async #handleHelped(): Promise<void> {
    this.hasHelped = true;
    await this.updateComplete;
    this.focus();
  }

  protected override render() {
    const strings = laterStringsFor(this.strings.locale);
    const close = (startChat: boolean) => () => emit(this, 'cention-answer-close', { startChat });
    if (this.hasHelped) {
      return html`<p class="thanks" role="status" tabindex="-1">${strings.answerThanks}</p>
        <div class="actions">
          <button type="button" class="button secondary" @click=${close(false)}>
            ${strings.answerBack}
          </button>
        </div>`;
    }
    return html`<article aria-labelledby="answer-question">
      <p class="source">${strings.answerSource}</p>
      <h2 id="answer-question" tabindex="-1">${this.answer?.question ?? ''}</h2>
      <p class="text">${this.answer?.answer ?? ''}</p>
      <div class="actions">
        <button type="button" class="button" @click=${this.#handleHelped}>
          ${strings.answerHelped}
        </button>
        <button type="button" class="button secondary" @click=${close(true)}>
          ${strings.answerStillChat}
        </button>
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cention-library-answer': CentionLibraryAnswer;
  }
}
