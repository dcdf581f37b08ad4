/**
 * The panel's hook to the leave-a-message view (leave-message/, its chunk fetched the first time
 * it is needed): shown instead of the start form when nobody can chat, prefilled with what the
 * visitor last sent from the start form, and kept on screen while "Check again" runs.
 */
import { html, type LitElement, type TemplateResult } from 'lit';
import type { ChatController } from '../../controllers/chat-controller.js';
import type { WidgetStrings } from '../../i18n/en.js';
import { isLeaveMessageReady } from '../leave-message/load-leave-message.js';

/** What the view needs of the panel. */
export interface LeaveMessagePanel extends LitElement {
  readonly strings: WidgetStrings;
  readonly controller: ChatController;
  readonly area: number;
  readonly baseUrl: string;
  readonly prefillName: string;
  readonly prefillEmail: string;
}

export class PanelLeaveMessage {
  readonly #panel: LeaveMessagePanel;
  /** "Check again" was pressed in the leave-a-message view: it stays while the check runs. */
  isRechecking = false;
  /** Why the leave-a-message view is shown (kept while a new check runs). */
  #leaveReason = 'closed';
  /** What the visitor last sent from the start form: a refused start prefills the message form. */
  lastStart: { name: string; email: string; message: string } | undefined;

  constructor(panel: LeaveMessagePanel) {
    this.#panel = panel;
  }

  /** "Check again", in the start form or in the leave-a-message view. */
  readonly handleRecheck = (event: Event): void => {
    event.stopPropagation();
    this.isRechecking =
      event.target instanceof Element && event.target.localName === 'cention-leave-message';
    this.#panel.controller.checkAvailability();
  };

  /** The leave-a-message view (its chunk is fetched the first time it is needed). */
  render(reason: string | undefined, isChecking = false): TemplateResult {
    const panel = this.#panel;
    // While "Check again" runs the refusal is cleared: keep saying what was said.
    this.#leaveReason = reason ?? this.#leaveReason;
    const whenLoaded = () => {
      panel.requestUpdate();
      // Focus waited on the panel while the view loaded: hand it on to the view.
      if (panel.matches(':focus-within')) panel.focus();
    };
    if (!isLeaveMessageReady(whenLoaded)) {
      return html`<p class="status" role="status">${panel.strings.loading}</p>`;
    }
    return html`<cention-leave-message
      .strings=${panel.strings}
      .reason=${this.#leaveReason}
      .canChat=${panel.controller.state.canChat}
      .area=${panel.area}
      .baseUrl=${panel.baseUrl}
      .name=${this.lastStart?.name ?? panel.prefillName}
      .email=${this.lastStart?.email ?? panel.prefillEmail}
      .message=${this.lastStart?.message ?? ''}
      ?checking=${isChecking}
      @cention-start-recheck=${this.handleRecheck}
    ></cention-leave-message>`;
  }
}
