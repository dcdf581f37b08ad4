import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { leaveMessage } from '../../client/errands.js';
import { emit } from '../../events/index.js';
import { daysFromToday, nextOpening, weekRows, zoneName, formatTime } from '../../i18n/hours.js';
import { formatString } from '../../i18n/index.js';
import { leaveMessageStrings } from '../../i18n/leave-message.js';
import type { CanChatResult } from '../../protocol/index.js';
import { shared } from '../../styles/shared.js';
import { PanelElement } from '../panel-element.js';
import { contactErrors } from '../start-form/contact-fields.js';
import { startFormStyles } from '../start-form/start-form.styles.js';

type Field = 'name' | 'email' | 'message';
const FIELDS: Field[] = ['name', 'email', 'message'];

/** Why nobody can chat now (the panel's `Unavailability` this view is for). */
export type LeaveMessageReason = 'closed' | 'no-agents' | 'queue-full';

/**
 * @summary What a visitor sees when nobody can chat (the area is closed, has no agent, or its
 * queue is full): why, the opening hours in the visitor's language and time zone with the next
 * opening, "Check again", and a form (name, e-mail, message) that leaves the question as an errand,
 * then a confirmation with what happens next. Loaded lazily by the panel when first needed.
 *
 * @event cention-start-recheck - (internal) The visitor asks to check availability again.
 */
export class CentionLeaveMessage extends PanelElement {
  static override styles = [shared, startFormStyles];

  static override properties = {
    reason: {},
    canChat: { attribute: false },
    area: { type: Number },
    baseUrl: { attribute: false },
    name: {},
    email: {},
    message: {},
    isChecking: { type: Boolean, attribute: 'checking' },
    errors: { state: true },
    sentTo: { state: true },
    isSending: { state: true },
    failure: { state: true },
  };

  declare reason: LeaveMessageReason;
  declare canChat: CanChatResult | undefined;
  declare area: number;
  declare baseUrl: string;
  /** Prefilled values (`prefill()` on `<cention-chat>`). */
  declare name: string;
  declare email: string;
  /** The question of a start the server refused, so it need not be typed again. */
  declare message: string;
  /** A new availability check is under way ("Check again" stays, and keeps focus). */
  declare isChecking: boolean;
  declare errors: Partial<Record<Field, string>>;
  /** The e-mail address the confirmation names, once the message is sent. */
  declare sentTo: string | undefined;
  declare isSending: boolean;
  declare failure: string;
  /** The clock, for tests of the opening hours. */
  now: () => Date = () => new Date();

  constructor() {
    super();
    this.reason = 'closed';
    this.area = 0;
    this.baseUrl = '';
    this.name = '';
    this.email = '';
    this.message = '';
    this.isChecking = false;
    this.errors = {};
    this.isSending = false;
    this.failure = '';
  }

  override focus(options?: FocusOptions): void {
    const target = this.sentTo
      ? this.renderRoot.querySelector<HTMLElement>('#sent-title')
      : this.renderRoot.querySelector<HTMLElement>('input, button');
    target?.focus(options);
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The form is replaced by the confirmation: focus follows, so it never falls to <body>.
    if (changed.has('sentTo') && this.sentTo) this.focus();
  }

  get #texts() {
    return leaveMessageStrings(this.strings.locale);
  }

  #validate(values: Record<Field, string>): Partial<Record<Field, string>> {
    return contactErrors(values, this.strings, this.#texts.messageRequired);
  }

  async #handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.isSending) return;
    const data = new FormData(event.target as HTMLFormElement);
    const value = (field: Field) => String(data.get(field) ?? '').trim();
    const values = { name: value('name'), email: value('email'), message: value('message') };
    this.errors = this.#validate(values);
    this.failure = '';
    const firstInvalid = FIELDS.find((field) => this.errors[field]);
    if (firstInvalid) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[name="${firstInvalid}"]`)?.focus();
      return;
    }
    this.isSending = true;
    const result = await leaveMessage(this.baseUrl, { area: this.area, ...values });
    this.isSending = false;
    if (result.ok) this.sentTo = values.email;
    else
      this.failure = result.code === 'rate_limited' ? this.#texts.tooMany : this.#texts.sendFailed;
  }

  #handleRecheck(): void {
    if (!this.isChecking) emit(this, 'cention-start-recheck', {});
  }

  #renderField(field: Field, label: string): TemplateResult {
    const error = this.errors[field];
    const describedBy = error ? `error-${field}` : nothing;
    const isInvalid = error ? 'true' : 'false';
    return html`<div class="field">
      <label for="leave-${field}">${label}</label>
      ${
        field === 'message'
          ? html`<textarea
              id="leave-message"
              name="message"
              .value=${this.message}
              required
              aria-invalid=${isInvalid}
              aria-describedby=${describedBy}
            ></textarea>`
          : html`<input
              id="leave-${field}"
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

  /** The next opening and the week's hours, in the visitor's language and time zone. */
  #renderHours(): TemplateResult | typeof nothing {
    const rows = this.canChat?.openingHours;
    const areaZone = this.canChat?.timeZone;
    // Another server's hours as text, or rows without a zone: shown as they came.
    if (typeof rows === 'string' && rows !== 'always') {
      return html`<p>${this.strings.closedHours} ${rows}</p>`;
    }
    if (!Array.isArray(rows) || rows.length === 0 || !areaZone) return nothing;
    const texts = this.#texts;
    // The visitor's own preference when it is a variant of the widget's language (en-GB: 24 h).
    const preferred = typeof navigator === 'undefined' ? '' : navigator.language;
    const locale =
      preferred.split('-')[0] === this.strings.locale ? preferred : this.strings.locale;
    const format = { locale, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
    const now = this.now();
    const opening = nextOpening(rows, areaZone, now);
    let next = '';
    if (opening) {
      const days = daysFromToday(opening, now, format.timeZone);
      const time = formatTime(opening, format);
      const day = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: format.timeZone });
      next =
        days === 0
          ? formatString(texts.opensToday, { TIME: time })
          : days === 1
            ? formatString(texts.opensTomorrow, { TIME: time })
            : formatString(texts.opensOn, { DAY: day.format(opening), TIME: time });
    }
    return html`${next ? html`<p class="next-opening">${next}</p>` : nothing}
      <p>${this.strings.closedHours}</p>
      <ul class="hours">
        ${weekRows(rows, areaZone, now, format).map(
          (row) => html`<li><span>${row.day}</span><span>${row.hours}</span></li>`,
        )}
      </ul>
      <p class="hint">${formatString(texts.timesIn, { ZONE: zoneName(now, format) })}</p>`;
  }

  #renderNotice(): TemplateResult {
    const strings = this.strings;
    const [title, text] =
      this.reason === 'closed'
        ? [strings.closedTitle, '']
        : this.reason === 'no-agents'
          ? [strings.noAgentsTitle, strings.noAgentsText]
          : [strings.queueFullTitle, strings.queueFullText];
    // aria-disabled, not disabled: a disabled button would drop keyboard focus to <body>.
    return html`<div class="notice" role="status">
      <h2>${title}</h2>
      ${text ? html`<p>${text}</p>` : nothing}
      ${this.reason === 'closed' ? this.#renderHours() : nothing}
      <button
        type="button"
        class="button secondary"
        aria-disabled=${this.isChecking ? 'true' : 'false'}
        @click=${this.#handleRecheck}
      >
        ${this.isChecking ? this.#texts.checking : strings.checkAgain}
      </button>
    </div>`;
  }

  protected override render() {
    const strings = this.strings;
    const texts = this.#texts;
    if (this.sentTo) {
      return html`<div class="notice" role="status">
        <h2 id="sent-title" tabindex="-1">${texts.sentTitle}</h2>
        <p>${formatString(texts.sentText, { EMAIL: this.sentTo })}</p>
      </div>`;
    }
    return html`${this.#renderNotice()}
      <form novalidate aria-labelledby="leave-title" @submit=${this.#handleSubmit}>
        <h2 id="leave-title">${texts.leaveTitle}</h2>
        <p class="hint">${texts.leaveIntro} ${strings.requiredHint}</p>
        ${this.#renderField('name', strings.nameLabel)}
        ${this.#renderField('email', strings.emailLabel)}
        ${this.#renderField('message', texts.messageLabel)}
        ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
        <button type="submit" class="button" aria-disabled=${this.isSending ? 'true' : 'false'}>
          ${this.isSending ? texts.sending : texts.send}
        </button>
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cention-leave-message': CentionLeaveMessage;
  }
}
