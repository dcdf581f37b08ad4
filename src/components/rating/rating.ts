import { html, nothing } from 'lit';
import { laterStringsFor } from '../../i18n/later.js';
import { pluralText } from '../../i18n/plural.js';
import { shared } from '../../styles/shared.js';
import { PanelElement } from '../panel-element.js';
import { ratingStyles } from './rating.styles.js';

/** What the visitor gives: 1–5 stars and an optional comment. */
export interface RatingInput {
  score: number;
  comment: string;
}

/** Sends a rating; rejects when it could not be stored (the visitor may try again). */
export type SendRating = (rating: RatingInput) => Promise<void>;

type Phase = 'idle' | 'sending' | 'sent' | 'failed';

const SCORES = [1, 2, 3, 4, 5];
/** The server keeps at most this many characters (demo/server/ratings). */
const MAX_COMMENT = 1000;

/**
 * @summary The visitor's rating of the chat that has just ended: five stars as native radio
 * buttons (arrow keys move, each named "3 stars" in the visitor's plural), an optional comment and
 * "Send rating". Loaded by `cention-chat-finished` only when it is shown; sends through the `send`
 * function the panel gives it, never by itself. After sending it thanks the visitor and keeps focus
 * on that thanks, so focus is never lost to the page.
 */
export class CentionRating extends PanelElement {
  static override styles = [shared, ratingStyles];

  static override properties = {
    send: { attribute: false },
    score: { state: true },
    phase: { state: true },
    hasChoiceError: { state: true },
  };

  declare send: SendRating | undefined;
  declare score: number;
  declare phase: Phase;
  declare hasChoiceError: boolean;

  constructor() {
    super();
    this.score = 0;
    this.phase = 'idle';
    this.hasChoiceError = false;
  }

  #handleChoose(event: Event): void {
    this.score = Number((event.target as HTMLInputElement).value);
    this.hasChoiceError = false;
  }

  async #handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.send || this.phase === 'sending') return;
    if (this.score === 0) {
      this.hasChoiceError = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('input[type="radio"]')?.focus();
      return;
    }
    const comment = String(new FormData(event.target as HTMLFormElement).get('comment') ?? '');
    const hadFocus = this.matches(':focus-within');
    this.phase = 'sending';
    try {
      await this.send({ score: this.score, comment: comment.trim().slice(0, MAX_COMMENT) });
      this.phase = 'sent';
    } catch {
      this.phase = 'failed';
    }
    await this.updateComplete;
    // The form is gone after a success: focus goes to the thanks, not to <body>.
    if (hadFocus && this.phase === 'sent')
      this.renderRoot.querySelector<HTMLElement>('.thanks')?.focus();
  }

  protected override render() {
    const strings = laterStringsFor(this.strings.locale);
    if (this.phase === 'sent') {
      return html`<p class="thanks" role="status" tabindex="-1">${strings.ratingThanks}</p>`;
    }
    return html`<form novalidate @submit=${this.#handleSubmit}>
      <fieldset aria-describedby=${this.hasChoiceError ? 'scale choose-error' : 'scale'}>
        <legend>${strings.ratingLegend}</legend>
        <p class="hint" id="scale">${strings.ratingScale}</p>
        <div class="stars">
          ${SCORES.map(
            (score) =>
              html`<input
                  class="visually-hidden"
                  type="radio"
                  name="score"
                  id="score-${score}"
                  value=${score}
                  .checked=${this.score === score}
                  @change=${this.#handleChoose}
                /><label for="score-${score}" class=${score <= this.score ? 'on' : ''}
                  ><span aria-hidden="true">★</span
                  ><span class="visually-hidden"
                    >${pluralText(strings.locale, strings.ratingStars, score)}</span
                  ></label
                >`,
          )}
        </div>
      </fieldset>
      ${
        this.hasChoiceError
          ? html`<p class="error" id="choose-error">${strings.ratingChoose}</p>`
          : nothing
      }
      <div class="comment">
        <label for="comment">${strings.ratingComment}</label>
        <textarea id="comment" name="comment" maxlength=${MAX_COMMENT}></textarea>
      </div>
      ${this.phase === 'failed' ? html`<p class="error" role="alert">${strings.ratingFailed}</p>` : nothing}
      <button type="submit" class="button secondary" aria-disabled=${this.phase === 'sending'}>
        ${this.phase === 'sending' ? strings.ratingSending : strings.ratingSend}
      </button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cention-rating': CentionRating;
  }
}
