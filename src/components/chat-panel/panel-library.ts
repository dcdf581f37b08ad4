/**
 * The panel's hook to the library answers (library-answers-host.ts): the answers to the question
 * the visitor is typing in the start form, loaded at the first key in the question, shown above
 * the form (an opened answer) and inside it (the list).
 */
import type { LitElement } from 'lit';
import type { LibraryAnswersHost } from '../library-answers/library-answers-host.js';

/** What the library needs of the panel. */
export interface LibraryPanel extends LitElement {
  readonly area: number;
  readonly baseUrl: string;
  readonly client: { readonly baseURL: string };
}

export class PanelLibrary {
  readonly #panel: LibraryPanel;
  /** Library answers to the question being typed: loaded at the first key in the question. */
  #library: LibraryAnswersHost | undefined;
  /** The question as the visitor types it (for the library's answers). */
  #question = '';

  constructor(panel: LibraryPanel) {
    this.#panel = panel;
  }

  /** The answers, once the first key in the question has loaded them. */
  get answers(): LibraryAnswersHost | undefined {
    return this.#library;
  }

  /** `cention-start-question`: the visitor typed in the question. */
  readonly handleQuestion = (event: CustomEvent<{ text: string }>): void => {
    event.stopPropagation();
    const panel = this.#panel;
    this.#question = event.detail.text;
    panel.requestUpdate();
    void import('../library-answers/library-answers-host.js').then(({ LibraryAnswersHost }) => {
      this.#library ??= new LibraryAnswersHost(panel, {
        question: () => this.#question,
        area: () => panel.area,
        baseUrl: () => panel.baseUrl || panel.client.baseURL,
      });
      panel.requestUpdate();
    });
  };

  /** The chat started: no question, no answers. */
  reset(): void {
    this.#library?.reset();
    this.#question = '';
  }
}
