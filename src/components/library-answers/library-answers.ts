import { html, nothing, type PropertyValues } from 'lit';
import { laterStringsFor } from '../../i18n/later.js';
import { pluralText } from '../../i18n/plural.js';
import type { LibraryAnswer } from '../../protocol/index.js';
import { shared } from '../../styles/shared.js';
import { emit } from '../../events/index.js';
import { PanelElement } from '../panel-element.js';
import { libraryAnswersStyles } from './library-answers.styles.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'cention-answer-open': CustomEvent<{ answer: LibraryAnswer }>;
  }
}

/** Finds answers for a query; a newer query aborts the older one through `signal`. */
export type SearchLibrary = (query: string, signal: AbortSignal) => Promise<LibraryAnswer[]>;

/** Most answers shown under the question: a hint, not a search page. */
export const MAX_ANSWERS = 3;
/** Wait this long after the last key before asking, so a word being typed is one request. */
const DEBOUNCE_MS = 300;
/** Fewer characters than this say too little to search for. */
const MIN_QUERY = 3;

/**
 * @summary Up to three answers of the site's library that match the question the visitor is
 * typing in the start form, as buttons; one opens the answer in the panel. Searches are debounced
 * and a newer query aborts the request of an older one (`AbortController`), so answers never
 * arrive out of order. How many were found is said once in a polite status ("2 answers … may
 * help"). Loaded when the visitor first types a question.
 *
 * @event cention-answer-open - (internal) `{answer}`: the visitor opened an answer.
 */
export class CentionLibraryAnswers extends PanelElement {
  static override styles = [shared, libraryAnswersStyles];

  static override properties = {
    query: {},
    search: { attribute: false },
    answers: { state: true },
  };

  declare query: string;
  declare search: SearchLibrary | undefined;
  declare answers: LibraryAnswer[];

  #timer: ReturnType<typeof setTimeout> | undefined;
  #request: AbortController | undefined;

  constructor() {
    super();
    this.query = '';
    this.answers = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) this.#schedule(this.query.trim());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#request?.abort();
  }

  #schedule(query: string): void {
    clearTimeout(this.#timer);
    this.#request?.abort();
    if (query.length < MIN_QUERY) {
      this.answers = [];
      return;
    }
    this.#timer = setTimeout(() => void this.#find(query), DEBOUNCE_MS);
  }

  async #find(query: string): Promise<void> {
    if (!this.search) return;
    const request = new AbortController();
    this.#request = request;
    try {
      const answers = await this.search(query, request.signal);
      if (!request.signal.aborted) this.answers = answers.slice(0, MAX_ANSWERS);
    } catch {
      // Aborted by a newer query (which brings its own answers), or failed: keep what is shown.
    }
  }

  protected override render() {
    const strings = laterStringsFor(this.strings.locale);
    const count = this.answers.length;
    return html`${
        count > 0
          ? html`<section aria-labelledby="answers-heading">
              <h3 id="answers-heading">${strings.answersHeading}</h3>
              <ul>
                ${this.answers.map(
                  (answer) =>
                    html`<li>
                      <button
                        type="button"
                        class="answer-link"
                        @click=${() => emit(this, 'cention-answer-open', { answer })}
                      >
                        ${answer.question}
                      </button>
                    </li>`,
                )}
              </ul>
            </section>`
          : nothing
      }<span class="visually-hidden" role="status"
        >${count > 0 ? pluralText(strings.locale, strings.answersFound, count) : ''}</span
      >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cention-library-answers': CentionLibraryAnswers;
  }
}
