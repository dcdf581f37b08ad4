/**
 * @summary One chat as the agent works it: the history, the visitor's typing preview, the composer
 * (typing is sent to the visitor), file sending, delivery/read state, other agents, leave and end.
 *
 * Every piece of visitor text is rendered through Lit text bindings (escaped); agent and robot HTML
 * is reduced to text. Nothing here uses unsafeHTML.
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { AgentChatMessage, AgentChatSnapshot } from '../../src/protocol/index.js';
import type { AgentPresence } from '../../src/protocol/index.js';
import { htmlToText } from '../shared/chat-text.js';
import { agentChatPanelStyles } from './agent-chat-panel.styles.js';
import type { ChatActions } from './agent-types.js';
import { describeItem, isFileItem, parseItem } from './system-items.js';
import { renderPages, renderVerifiedMark, visitorContextStyles } from './visitor-context.js';

/** Minimum ms between two typing previews sent to the visitor. */
const TYPING_INTERVAL_MS = 300;

export class AgentChatPanel extends LitElement {
  static override properties = {
    chat: { attribute: false },
    me: { attribute: false },
    visitorTyping: { attribute: false },
    agents: { attribute: false },
    actions: { attribute: false },
    draft: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  declare chat: AgentChatSnapshot;
  declare me: string;
  declare visitorTyping: string | undefined;
  declare agents: AgentPresence[];
  declare actions: ChatActions;
  declare draft: string;
  declare notice: string;
  declare busy: boolean;
  private lastTypingSent = 0;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.draft = '';
    this.notice = '';
    this.busy = false;
    this.agents = [];
  }

  static override styles = [agentChatPanelStyles, visitorContextStyles];

  /** The agent can work this chat: it is open and they are in it (history views are read-only). */
  private get isOpen(): boolean {
    return this.chat.status !== 'closed' && this.chat.agents.includes(this.me);
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('chat')) {
      const list = this.renderRoot.querySelector('.messages');
      if (list) list.scrollTop = list.scrollHeight;
    }
  }

  private stateOf(message: AgentChatMessage): string {
    if (message.seen) return 'Read';
    if (message.delivered) return 'Delivered';
    return 'Sent';
  }

  private renderMessage(message: AgentChatMessage) {
    const item = parseItem(message.text);
    const author = message.sender === 'CLIENT' ? this.chat.client.name : (message.agent ?? 'Agent');
    if (message.sender === 'SYSTEM') {
      return html`<li class="system">
        ${item ? describeItem(item, author) : htmlToText(message.text)}
        <span class="who">${message.sentHuman}</span>
      </li>`;
    }
    const isMine = message.sender === 'AGENT' && message.agent === this.me;
    const body = isFileItem(item)
      ? html`${describeItem(item, author)} ${this.renderFileLink(item)} (${item.sizeHuman})`
      : item
        ? describeItem(item, author)
        : message.sender === 'CLIENT'
          ? message.text
          : htmlToText(message.text);
    const classes = [isMine ? 'mine' : '', message.internal ? 'internal' : ''].join(' ');
    return html`<li class=${classes}>
      <div class="who">
        ${author}${message.internal ? ' (comment, only agents see it)' : ''} · ${message.sentHuman}
      </div>
      <div class="bubble">${body}</div>
      ${
        message.sender === 'AGENT' && !message.internal
          ? html`<div class="state">${this.stateOf(message)}</div>`
          : nothing
      }
    </li>`;
  }

  /**
   * Only this server's own download address becomes a link. It carries no token: the console's
   * token reaches the download route in an HttpOnly cookie (console-controller.ts).
   */
  private renderFileLink(item: { fileDownload: string; fileName: string }) {
    const path = this.actions.downloadPath(item.fileDownload);
    if (!path) return html`<span class="file-name">${item.fileName}</span>`;
    return html`<a href=${path} target="_blank" rel="noopener noreferrer">${item.fileName}</a>`;
  }

  private handleInput(event: Event): void {
    this.draft = (event.target as HTMLTextAreaElement).value;
    this.sendTyping();
  }

  /** Throttled preview; a trailing call makes sure the visitor sees the final text. */
  private sendTyping(): void {
    const now = Date.now();
    clearTimeout(this.typingTimer);
    if (now - this.lastTypingSent >= TYPING_INTERVAL_MS) {
      this.lastTypingSent = now;
      this.actions.typing(this.draft);
    } else {
      this.typingTimer = setTimeout(() => this.sendTyping(), TYPING_INTERVAL_MS);
    }
  }

  private handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.handleSubmit();
    }
  }

  private async handleSubmit(event?: Event): Promise<void> {
    event?.preventDefault();
    const text = this.draft.trim();
    if (!text || !this.isOpen) return;
    clearTimeout(this.typingTimer);
    await this.run(async () => {
      await this.actions.send(text);
      this.draft = '';
      this.actions.typing('');
    });
  }

  private async handleFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await this.run(() => this.actions.sendFile(file));
    input.value = '';
  }

  private async handleAdd(): Promise<void> {
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#add-agent');
    if (!select?.value) return;
    await this.run(() => this.actions.addAgent(select.value));
  }

  /** Runs an action, showing its error instead of losing it. */
  private async run(action: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.notice = '';
    try {
      await action();
    } catch (error) {
      this.notice = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const chat = this.chat;
    const others = this.agents.filter((agent) => agent.online && !chat.agents.includes(agent.name));
    return html`
      <header>
        <h2 id="chat-title">${chat.client.name}${renderVerifiedMark(chat.client)}</h2>
        <span class="meta">${chat.client.email} · ${chat.areaName} · chat #${chat.sessionId}</span>
        ${
          chat.pages
            ? renderPages(chat.pages)
            : chat.client.href
              ? html`<span class="meta">on ${chat.client.href}</span>`
              : nothing
        }
        <div class="agents" role="group" aria-label="Agents in this chat">
          ${chat.agents.map(
            (name) =>
              html`<span class="chip"
                >${name}${
                  name !== this.me && this.isOpen
                    ? html`<button
                        type="button"
                        aria-label=${`Remove ${name} from the chat`}
                        @click=${() => this.run(() => this.actions.removeAgent(name))}
                        ?disabled=${this.busy}
                      >
                        ×
                      </button>`
                    : nothing
                }</span
              >`,
          )}
          ${
            this.isOpen
              ? html`<label class="visually-hidden" for="add-agent">Agent to add</label>
                  <select id="add-agent" ?disabled=${others.length === 0}>
                    ${others.length === 0 ? html`<option value="">No other agent online</option>` : nothing}
                    ${others.map((agent) => html`<option value=${agent.name}>${agent.name}</option>`)}
                  </select>
                  <button
                    type="button"
                    @click=${this.handleAdd}
                    ?disabled=${this.busy || others.length === 0}
                  >
                    Add agent
                  </button>`
              : nothing
          }
        </div>
      </header>
      <div class="messages" role="log" aria-live="polite" aria-labelledby="chat-title">
        <ol>
          ${chat.messages.map((message) => this.renderMessage(message))}
        </ol>
      </div>
      <div>
        <p class="typing" aria-live="polite">
          ${this.visitorTyping === undefined ? '' : this.visitorTyping ? `${chat.client.name} is typing: ${this.visitorTyping}` : `${chat.client.name} is typing…`}
        </p>
        ${this.notice ? html`<p class="notice" role="alert">${this.notice}</p>` : nothing}
      </div>
      ${
        this.isOpen
          ? html`<div>
              <form @submit=${this.handleSubmit}>
                <label class="visually-hidden" for="reply">Reply to ${chat.client.name}</label>
                <textarea
                  id="reply"
                  .value=${this.draft}
                  @input=${this.handleInput}
                  @keydown=${this.handleKeydown}
                  placeholder="Write a reply (Enter sends, Shift+Enter for a new line)"
                ></textarea>
                <button class="primary" type="submit" ?disabled=${this.busy || !this.draft.trim()}>
                  Send
                </button>
              </form>
              <div class="tools">
                <label for="file">Send a file</label>
                <input id="file" type="file" @change=${this.handleFile} ?disabled=${this.busy} />
                <button
                  type="button"
                  @click=${() => this.run(() => this.actions.leave())}
                  ?disabled=${this.busy}
                >
                  Leave chat
                </button>
                <button
                  type="button"
                  class="danger"
                  @click=${() => this.run(() => this.actions.end())}
                  ?disabled=${this.busy}
                >
                  End chat
                </button>
              </div>
            </div>`
          : html`<div class="ended">
              ${
                this.chat.status === 'closed'
                  ? 'This chat has ended.'
                  : 'You are not in this chat; this is a read-only view.'
              }
              ${
                this.chat.rating
                  ? html`<p class="rating">
                      The visitor rated this chat ${this.chat.rating.score} of
                      5${this.chat.rating.comment ? html`: “${this.chat.rating.comment}”` : '.'}
                    </p>`
                  : nothing
              }
              <button type="button" @click=${() => this.actions.dismiss()}>Close</button>
            </div>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'agent-chat-panel': AgentChatPanel;
  }
}
