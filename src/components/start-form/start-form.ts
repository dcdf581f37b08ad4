import { contactErrors, EMAIL_PATTERN } from './contact-fields.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { Unavailability } from '../../controllers/chat-state.js';
import { emit } from '../../events/index.js';
import type { ChatState } from '../../controllers/chat-state.js';
import type { VisitorClaims } from '../../controllers/visitor-token.js';
import { formatString, pluralText } from '../../i18n/index.js';
import type { CanChatResult } from '../../protocol/index.js';
import { shared } from '../../styles/shared.js';
import { PanelElement } from '../panel-element.js';
import { startFormStyles } from './start-form.styles.js';

/** Internal: the visitor filled in the form correctly. */
export interface StartSubmitDetail {
  name: string;
  email: string;
  message: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cention-start-submit': CustomEvent<StartSubmitDetail>;
    'cention-start-recheck': CustomEvent<Record<string, never>>;
    'cention-start-question': CustomEvent<{ text: string }>;
  }
}

type Field = 'name' | 'email' | 'message';
const FIELDS: Field[] = ['name', 'email', 'message'];

/**
 * @summary The start screen, driven by `canChat`: outside opening hours (with the hours), no
 * agents, queue full, or the form (name, email, question) with accessible validation: each error
 * is tied to its field with `aria-describedby`, and focus goes to the first field in error.
 *
 * @event cention-start-submit - (internal) `{name, email, message}`.
 * @event cention-start-recheck - (internal) The visitor asks to check availability again.
 * @event cention-start-question - (internal) `{text}`: the visitor typed in the question field.
 * @slot answers - Under the question: the library's answers to it (library-answers/).
 */
export class CentionStartForm extends PanelElement {
  static override styles = [shared, startFormStyles];

  static override properties = {
    canChat: { attribute: false },
    unavailability: {},
    name: {},
    email: {},
    message: {},
    verified: { attribute: false },
    identityRefused: { attribute: false },
    errors: { state: true },
  };

  declare canChat: CanChatResult | undefined;
  /** Why the form cannot be used, if it cannot. */
  declare unavailability: Unavailability | undefined;
  /** Prefilled values (`prefill()` on `<cention-chat>`). */
  declare name: string;
  declare email: string;
  /** The question of a start the server refused, shown again. */
  declare message: string;
  /** Name and email from the site's visitor token: those fields are not asked for. */
  declare verified: VisitorClaims | undefined;
  /** The server refused the visitor token: the whole form, and why. */
  declare identityRefused: ChatState['identityRefused'];
  declare errors: Partial<Record<Field, string>>;

  constructor() {
    super();
    this.name = '';
    this.email = '';
    this.message = '';
    this.errors = {};
  }

  /** The token's values for the fields it answers (an email the form would refuse is asked for). */
  get #known(): Partial<Record<Field, string>> {
    const { name = '', email = '' } = this.verified ?? {};
    return { ...(name && { name }), ...(EMAIL_PATTERN.test(email) && { email }) };
  }

  override focus(options?: FocusOptions): void {
    const target =
      this.renderRoot.querySelector<HTMLElement>('input, textarea') ??
      this.renderRoot.querySelector<HTMLElement>('button');
    target?.focus(options);
  }

  /** Submits the form as the visitor filled it in (validated like the button's submit). */
  submit(): void {
    this.renderRoot.querySelector('form')?.requestSubmit();
  }

  #validate(values: StartSubmitDetail): Partial<Record<Field, string>> {
    return contactErrors(values, this.strings, this.strings.questionRequired);
  }

  async #handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (field: Field) => this.#known[field] ?? String(data.get(field) ?? '').trim();
    const values: StartSubmitDetail = {
      name: value('name'),
      email: value('email'),
      message: value('message'),
    };
    this.errors = this.#validate(values);
    const firstInvalid = FIELDS.find((field) => this.errors[field]);
    if (firstInvalid) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[name="${firstInvalid}"]`)?.focus();
      return;
    }
    emit(this, 'cention-start-submit', values);
  }

  /** A labelled field; its error, when it has one, is tied to it with `aria-describedby`. */
  #renderField(field: Field, label: string): TemplateResult {
    const error = this.errors[field];
    const describedBy = error ? `error-${field}` : nothing;
    const isInvalid = error ? 'true' : 'false';
    return html`<div class="field">
      <label for="field-${field}">${label}</label>
      ${
        field === 'message'
          ? html`<textarea
              id="field-message"
              name="message"
              required
              .value=${this.message}
              aria-invalid=${isInvalid}
              aria-describedby=${describedBy}
              @input=${this.#handleQuestionInput}
            ></textarea>`
          : html`<input
              id="field-${field}"
              name=${field}
              type=${field === 'email' ? 'email' : 'text'}
              autocomplete=${field}
              required
              .value=${this[field]}
              aria-invalid=${isInvalid}
              aria-describedby=${describedBy}
            />`
      }
      ${error ? html`<p class="error" id="error-${field}">${error}</p>` : nothing}
    </div>`;
  }

  #renderOpeningHours(): TemplateResult | typeof nothing {
    const hours = this.canChat?.openingHours;
    if (!hours || (Array.isArray(hours) && hours.length === 0)) return nothing;
    return html`<p>${this.strings.closedHours}</p>
      ${
        typeof hours === 'string'
          ? html`<p>${hours}</p>`
          : html`<ul class="hours">
              ${hours.map(
                (day) =>
                  html`<li><span>${day.day}</span><span>${day.open}–${day.close}</span></li>`,
              )}
            </ul>`
      }`;
  }

  #renderUnavailable(reason: Unavailability): TemplateResult {
    const strings = this.strings;
    const [title, text] =
      reason === 'closed'
        ? [strings.closedTitle, '']
        : reason === 'no-agents'
          ? [strings.noAgentsTitle, strings.noAgentsText]
          : reason === 'queue-full'
            ? [strings.queueFullTitle, strings.queueFullText]
            : [strings.unavailableTitle, this.canChat?.error ?? ''];
    return html`<div class="notice" role="status">
        <h2>${title}</h2>
        ${text ? html`<p>${text}</p>` : nothing}
        ${reason === 'closed' ? this.#renderOpeningHours() : nothing}
      </div>
      <button type="button" class="button secondary" @click=${this.#handleRecheck}>
        ${strings.checkAgain}
      </button>`;
  }

  #handleQuestionInput(event: InputEvent): void {
    emit(this, 'cention-start-question', { text: (event.target as HTMLTextAreaElement).value });
  }

  #handleRecheck(): void {
    emit(this, 'cention-start-recheck', {});
  }

  protected override render() {
    if (this.unavailability) return this.#renderUnavailable(this.unavailability);
    const strings = this.strings;
    const errorCount = Object.keys(this.errors).length;
    const known = this.#known;
    const refused = this.identityRefused;
    return html`<p>${this.canChat?.robotFirst ? strings.startIntroRobot : strings.startIntro}</p>
      ${
        refused
          ? html`<p class="error" role="alert">
              ${refused === 'visitor_token_expired' ? strings.identityExpired : strings.identityRefused}
            </p>`
          : nothing
      }
      ${
        known.name
          ? html`<p class="verified">
              ${formatString(strings.chattingAs, {
                NAME: known.email ? `${known.name} (${known.email})` : known.name,
              })}
            </p>`
          : nothing
      }
      <form novalidate @submit=${this.#handleSubmit}>
        <p class="hint">${strings.requiredHint}</p>
        ${known.name ? nothing : this.#renderField('name', strings.nameLabel)}
        ${known.email ? nothing : this.#renderField('email', strings.emailLabel)}
        ${this.#renderField('message', strings.questionLabel)}
        <slot name="answers"></slot>
        <button type="submit" class="button">${strings.startChat}</button>
        <span class="visually-hidden" role="status"
          >${errorCount > 0 ? pluralText(strings.locale, strings.formErrorSummary, errorCount) : ''}</span
        >
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cention-start-form': CentionStartForm;
  }
}
