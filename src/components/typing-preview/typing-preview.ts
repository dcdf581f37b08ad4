import { html, nothing } from 'lit';
import { formatString } from '../../i18n/index.js';
import { shared } from '../../styles/shared.js';
import { PanelElement } from '../panel-element.js';
import { typingPreviewStyles } from './typing-preview.styles.js';

/**
 * @summary "Anna is typing…": the agent-typing indicator, with the agent's draft when the area
 * shares it. Animated dots hold still under `prefers-reduced-motion`.
 *
 * The status text sits in a polite live region, so a screen reader hears that the agent started
 * typing (once per start, not per keystroke: the draft itself is not in the live region).
 */
export class CentionTypingPreview extends PanelElement {
  static override styles = [shared, typingPreviewStyles];

  static override properties = {
    isTyping: { type: Boolean, attribute: 'typing' },
    text: {},
    agentName: { attribute: 'agent-name' },
  };

  declare isTyping: boolean;
  /** The agent's draft, when the area shows it. */
  declare text: string | undefined;
  declare agentName: string;

  constructor() {
    super();
    this.isTyping = false;
    this.agentName = '';
  }

  protected override render() {
    const status = this.isTyping
      ? this.agentName
        ? formatString(this.strings.agentTyping, { NAME: this.agentName })
        : this.strings.someoneTyping
      : '';
    return html`<div class="typing">
      ${
        this.isTyping
          ? html`<span class="dots" aria-hidden="true"
              ><span></span><span></span><span></span
            ></span>`
          : nothing
      }
      <span role="status">${status}</span>
      ${
        this.isTyping && this.text
          ? html`<span class="text" aria-hidden="true">${this.text}</span>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cention-typing-preview': CentionTypingPreview;
  }
}
