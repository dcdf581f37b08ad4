import { html, nothing } from 'lit';
import { formatString } from '../../i18n/index.js';
import { shared } from '../../styles/shared.js';
import { PanelElement } from '../panel-element.js';
import { queueStatusStyles } from './queue-status.styles.js';

/**
 * @summary Waiting for an agent: the visitor's place in the queue and the estimated wait, kept
 * live in a polite status region.
 */
export class CentionQueueStatus extends PanelElement {
  static override styles = [shared, queueStatusStyles];

  static override properties = {
    position: { type: Number },
    waitSeconds: { type: Number, attribute: 'wait-seconds' },
  };

  /** 1-based place in the queue; 0 or less: unknown. */
  declare position: number;
  declare waitSeconds: number | undefined;

  constructor() {
    super();
    this.position = 0;
  }

  protected override render() {
    const strings = this.strings;
    const position =
      this.position === 1
        ? strings.queueNext
        : this.position > 1
          ? formatString(strings.queuePosition, { POSITION: this.position })
          : '';
    const seconds = this.waitSeconds;
    const wait =
      seconds === undefined || seconds < 0
        ? ''
        : seconds < 60
          ? strings.queueWaitShort
          : formatString(strings.queueWait, { MINUTES: Math.round(seconds / 60) });
    return html`<div role="status">
      <p class="title">${strings.queueTitle}</p>
      ${position ? html`<p>${position}</p>` : nothing} ${wait ? html`<p>${wait}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cention-queue-status': CentionQueueStatus;
  }
}
