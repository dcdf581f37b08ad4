/**
 * @summary The demo agent console: sign in by name, see the queue of each of your areas, accept
 * chats, and work them in `agent-chat-panel`. All state comes from the `/socket/agent` events
 * (docs/protocol-notes.md), folded by console-state.ts and kept by console-controller.ts; this
 * element only renders that state and forwards what the agent does. The console acks every
 * visitor message it receives, which is what the visitor sees as `message acked`.
 */
import { html, LitElement, nothing } from 'lit';
import { AgentChatPanel } from './agent-chat-panel.js';
import { agentConsoleStyles } from './agent-console.styles.js';
import { ConsoleController } from './console-controller.js';
import { AgentErrands } from './errands-list.js';

export class AgentConsole extends LitElement {
  static override properties = {
    basePath: { attribute: 'base-path' },
  };

  static override styles = agentConsoleStyles;

  /** `/s/<workspace>` of the server (default `/s/demo`). */
  declare basePath: string;
  private readonly controller = new ConsoleController(this, { basePath: () => this.basePath });

  constructor() {
    super();
    this.basePath = '/s/demo';
  }

  private async handleSignIn(event: Event): Promise<void> {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#agent-name');
    const passwordInput = this.renderRoot.querySelector<HTMLInputElement>('#agent-password');
    const name = input?.value.trim();
    const password = passwordInput?.value ?? '';
    if (!name || !password) return;
    await this.controller.signIn(name, password).catch(() => undefined);
    // Typed once: not kept in the page after the attempt, whatever its outcome.
    if (passwordInput) passwordInput.value = '';
  }

  /** Opens any chat of the agent's areas by number, also ended ones: the history view. */
  private async handleOpenHistory(event: Event): Promise<void> {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#history-id');
    const sessionId = Number(input?.value);
    if (!Number.isInteger(sessionId) || sessionId <= 0) return;
    if ((await this.controller.openChat(sessionId)) && input) input.value = '';
  }

  private renderSignIn() {
    const { connection, problem } = this.controller.state;
    return html`<form class="signin" @submit=${this.handleSignIn}>
      <h2>Sign in</h2>
      <p><code>npm start</code> prints the demo agents' passwords (Alice, Bob and Carol).</p>
      <label for="agent-name">Your name</label>
      <input id="agent-name" name="name" autocomplete="username" required autofocus />
      <label for="agent-password">Password</label>
      <input
        id="agent-password"
        name="password"
        type="password"
        autocomplete="current-password"
        required
      />
      <button class="primary" type="submit" ?disabled=${connection !== 'open'}>Sign in</button>
      ${problem ? html`<p class="problem" role="alert">${problem}</p>` : nothing}
    </form>`;
  }

  private renderQueues() {
    const { areas, queues } = this.controller.state;
    return areas.map((area) => {
      const waiting = queues.get(area.id) ?? [];
      return html`<section aria-labelledby=${`area-${area.id}`}>
        <h2 id=${`area-${area.id}`}>
          ${area.name} queue (${waiting.length})${area.open ? '' : ' · closed now'}
        </h2>
        ${
          waiting.length === 0
            ? html`<p class="empty">Nobody is waiting.</p>`
            : html`<ul>
                ${waiting.map(
                  (entry) =>
                    html`<li class="entry">
                      <strong>${entry.clientName}</strong>
                      <p>${entry.firstMessage}</p>
                      <button
                        class="primary"
                        type="button"
                        @click=${() => this.controller.accept(entry.sessionId)}
                        aria-label=${`Accept chat with ${entry.clientName}`}
                      >
                        Accept
                      </button>
                    </li>`,
                )}
              </ul>`
        }
      </section>`;
    });
  }

  private renderHistoryLookup() {
    return html`<form class="history" @submit=${this.handleOpenHistory}>
      <h2><label for="history-id">Open a chat by number</label></h2>
      <input id="history-id" inputmode="numeric" pattern="[0-9]*" autocomplete="off" />
      <button type="submit">Open</button>
    </form>`;
  }

  private renderChatList() {
    const { selected, previews } = this.controller.state;
    const chats = [...this.controller.state.chats.values()];
    return html`<section aria-labelledby="my-chats">
      <h2 id="my-chats">My chats (${chats.length})</h2>
      ${
        chats.length === 0
          ? html`<p class="empty">Accept a chat from a queue.</p>`
          : html`<ul>
              ${chats.map(
                (chat) =>
                  html`<li>
                    <button
                      class="chat-link"
                      type="button"
                      aria-current=${String(chat.sessionId === selected)}
                      @click=${() => this.controller.select(chat.sessionId)}
                    >
                      <span>${chat.client.name}${chat.status === 'closed' ? ' (ended)' : ''}</span>
                      ${previews.has(chat.sessionId) ? html`<span class="badge" aria-label="typing">…</span>` : nothing}
                    </button>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  override render() {
    const { connection, me, agents, chats, selected, previews, problem } = this.controller.state;
    const status =
      connection === 'open'
        ? 'Connected'
        : connection === 'connecting'
          ? 'Connecting…'
          : 'Offline, reconnecting…';
    const chat = selected === undefined ? undefined : chats.get(selected);
    return html`
      <header class="top">
        <h1>Agent console</h1>
        <span class="status" role="status"
          >${me ? html`${me} · ` : nothing}${status}
          ${me ? html`<button type="button" @click=${() => this.controller.signOut()}>Sign out</button>` : nothing}</span
        >
      </header>
      ${
        !me
          ? html`<main>${this.renderSignIn()}</main>`
          : html`<div class="layout">
              <aside aria-label="Queues and chats">
                ${problem ? html`<p class="problem" role="alert">${problem}</p>` : nothing}
                ${this.renderChatList()} ${this.renderQueues()} ${this.renderHistoryLookup()}
                <agent-errands
                  .basePath=${this.basePath}
                  .token=${this.controller.state.token}
                ></agent-errands>
              </aside>
              <main>
                ${
                  chat
                    ? html`<agent-chat-panel
                        .chat=${chat}
                        .me=${me}
                        .agents=${agents}
                        .visitorTyping=${previews.get(chat.sessionId)}
                        .actions=${this.controller.actionsFor(chat.sessionId)}
                      ></agent-chat-panel>`
                    : html`<p class="placeholder">No chat selected.</p>`
                }
              </main>
            </div>`
      }
    `;
  }
}

/**
 * Registers the console's elements. Called explicitly from main.ts: the package's `sideEffects`
 * list would let the bundler drop a bare side-effect import of this module.
 */
export function defineAgentConsole(): void {
  if (!customElements.get('agent-chat-panel'))
    customElements.define('agent-chat-panel', AgentChatPanel);
  if (!customElements.get('agent-console')) customElements.define('agent-console', AgentConsole);
  if (!customElements.get('agent-errands')) customElements.define('agent-errands', AgentErrands);
}

declare global {
  interface HTMLElementTagNameMap {
    'agent-console': AgentConsole;
  }
}
