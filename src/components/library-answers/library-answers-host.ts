/**
 * The panel's side of "answers before asking", loaded (with both elements and the search) when
 * the visitor first types a question: it keeps the question and the answer they opened, and
 * renders them — the list into the start form's `answers` slot, an opened answer in place of the
 * form (which stays in the page, hidden, so nothing typed is lost). "Still start a chat" submits
 * the form as it is, question included.
 */
import { html, nothing, type LitElement, type TemplateResult } from 'lit';
import { searchLibrary } from '../../client/library-search.js';
import type { WidgetStrings } from '../../i18n/index.js';
import type { LibraryAnswer } from '../../protocol/index.js';
import { CentionLibraryAnswer } from './library-answer.js';
import { CentionLibraryAnswers, MAX_ANSWERS, type SearchLibrary } from './library-answers.js';

for (const [tag, element] of [
  ['cention-library-answers', CentionLibraryAnswers],
  ['cention-library-answer', CentionLibraryAnswer],
] as const) {
  // Guarded, like register.ts: a second copy of the widget on the page must not throw.
  if (!customElements.get(tag)) customElements.define(tag, element);
}

/** What the host reads from the panel when it renders. */
export interface LibraryAnswersSource {
  /** The question as the visitor has typed it so far. */
  question: () => string;
  area: () => number;
  baseUrl: () => string;
}

export class LibraryAnswersHost {
  /** The answer opened from the list, shown instead of the form. */
  opened: LibraryAnswer | undefined;
  readonly #search: SearchLibrary = (query, signal) =>
    searchLibrary(this.source.baseUrl(), this.source.area(), query, { limit: MAX_ANSWERS, signal });

  constructor(
    private readonly panel: LitElement,
    private readonly source: LibraryAnswersSource,
  ) {}

  /** A new chat starts with an empty form: no answer of the last question stays open. */
  reset(): void {
    this.opened = undefined;
  }

  readonly #handleOpen = async (event: CustomEvent<{ answer: LibraryAnswer }>) => {
    event.stopPropagation();
    this.opened = event.detail.answer;
    this.panel.requestUpdate();
    await this.panel.updateComplete;
    this.panel.renderRoot.querySelector<HTMLElement>('cention-library-answer')?.focus();
  };

  readonly #handleClose = async (event: CustomEvent<{ startChat: boolean }>) => {
    event.stopPropagation();
    this.opened = undefined;
    this.panel.requestUpdate();
    await this.panel.updateComplete;
    const form = this.panel.renderRoot.querySelector('cention-start-form');
    if (event.detail.startChat) form?.submit();
    else form?.focus();
  };

  /** The list of answers, for the start form's `answers` slot. */
  renderList(strings: WidgetStrings): TemplateResult {
    return html`<cention-library-answers
      slot="answers"
      .strings=${strings}
      .query=${this.source.question()}
      .search=${this.#search}
      @cention-answer-open=${this.#handleOpen}
    ></cention-library-answers>`;
  }

  /** The opened answer, shown above the (hidden) form. */
  renderOpened(strings: WidgetStrings): TemplateResult | typeof nothing {
    if (!this.opened) return nothing;
    return html`<cention-library-answer
      .strings=${strings}
      .answer=${this.opened}
      @cention-answer-close=${this.#handleClose}
    ></cention-library-answer>`;
  }
}
