/**
 * @summary The demo agent console: sign in by name, see the queue of each of your areas, accept
 * chats, and work them in `agent-chat-panel`. All state comes from the `/socket/agent` events
 * (docs/protocol-notes.md); the console acks every visitor message it receives, which is what the
 * visitor sees as `message acked`.
 */
import { css, html, LitElement, nothing } from 'lit';
import { AgentConnection, type ConnectionState } from './agent-connection.js';
import { AgentChatPanel, type ChatActions } from './agent-chat-panel.js';
import type { AgentChatMessage, AgentChatSnapshot, QueueEntry } from '../../src/protocol/index.js';
import type { AgentPresence, AreaInfo, LoginResult } from '../../src/protocol/index.js';
import type { ServerEvent } from './agent-types.js';

const NAME_KEY = 'cention-agent-name';
/** A typing preview with no update for this long is taken as "stopped typing". */
const PREVIEW_STALE_MS = 6000;

export class AgentConsole extends LitElement {
  static override properties = {
    basePath: { attribute: 'base-path' },
    connection: { state: true },
    me: { state: true },
    token: { state: true },
    areas: { state: true },
    agents: { state: true },
    queues: { state: true },
    chats: { state: true },
    selected: { state: true },
    previews: { state: true },
    problem: { state: true },
  };

  /** `/s/<workspace>` of the server (default `/s/demo`). */
  declare basePath: string;
  declare connection: ConnectionState;
  declare me: string;
  declare token: string;
  declare areas: AreaInfo[];
  declare agents: AgentPresence[];
  declare queues: Map<number, QueueEntry[]>;
  declare chats: Map<number, AgentChatSnapshot>;
  declare selected: number | undefined;
  declare previews: Map<number, string>;
  declare problem: string;
  private socket: AgentConnection | undefined;
  private readonly previewTimers = new Map<number, ReturnType<typeof setTimeout>>();
  /** Makes each reply's umid unique, so the server's dedupe never drops a second reply. */
  private umidCounter = 0;

  constructor() {
    super();
    this.basePath = '/s/demo';
    this.connection = 'closed';
    this.me = '';
    this.token = '';
    this.areas = [];
    this.agents = [];
    this.queues = new Map();
    this.chats = new Map();
    this.selected = undefined;
    this.previews = new Map();
    this.problem = '';
  }

  static override styles = css`
    :host {
      display: block;
      height: 100vh;
      font:
        15px/1.45 system-ui,
        sans-serif;
      color: #1b2432;
    }
    .top {
      display: flex;
      justify-content: space-between;
      align-items: center;
      padding: 0.6rem 1rem;
      background: #1b2432;
      color: #fff;
    }
    .top h1 {
      font-size: 1.05rem;
      margin: 0;
    }
    .status {
      font-size: 0.85rem;
    }
    .layout {
      display: grid;
      grid-template-columns: 18rem 1fr;
      height: calc(100vh - 2.8rem);
    }
    aside {
      border-right: 1px solid #d8dde7;
      overflow-y: auto;
      padding: 0.75rem;
      background: #f7f8fb;
    }
    h2 {
      font-size: 0.95rem;
      margin: 1rem 0 0.4rem;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      margin: 0 0 0.4rem;
    }
    .entry {
      background: #fff;
      border: 1px solid #d8dde7;
      border-radius: 0.5rem;
      padding: 0.5rem;
    }
    .entry p {
      margin: 0.2rem 0;
      font-size: 0.85rem;
      color: #4a5365;
      overflow-wrap: anywhere;
    }
    .chat-link {
      width: 100%;
      text-align: left;
      display: flex;
      justify-content: space-between;
      gap: 0.5rem;
    }
    .chat-link[aria-current='true'] {
      border-color: #0b5fff;
      box-shadow: inset 3px 0 0 #0b5fff;
    }
    button {
      font: inherit;
      padding: 0.35rem 0.7rem;
      border-radius: 0.4rem;
      border: 1px solid #8a93a6;
      background: #fff;
      cursor: pointer;
    }
    button.primary {
      background: #0b5fff;
      border-color: #0b5fff;
      color: #fff;
    }
    button:focus-visible,
    input:focus-visible {
      outline: 3px solid #ffbf47;
      outline-offset: 1px;
    }
    .empty {
      color: #4a5365;
      font-size: 0.9rem;
    }
    main {
      min-width: 0;
      min-height: 0;
    }
    .placeholder {
      padding: 2rem;
      color: #4a5365;
    }
    .signin {
      max-width: 22rem;
      margin: 4rem auto;
      padding: 1.5rem;
      border: 1px solid #d8dde7;
      border-radius: 0.75rem;
    }
    .signin label {
      display: block;
      font-weight: 600;
      margin-bottom: 0.3rem;
    }
    .signin input {
      font: inherit;
      width: 100%;
      padding: 0.5rem;
      margin-bottom: 0.75rem;
      border: 1px solid #8a93a6;
      border-radius: 0.4rem;
      box-sizing: border-box;
    }
    .problem {
      color: #b42318;
    }
    .history input {
      font: inherit;
      width: 6rem;
      padding: 0.3rem;
      border: 1px solid #8a93a6;
      border-radius: 0.4rem;
    }
    .badge {
      background: #b42318;
      color: #fff;
      border-radius: 999px;
      font-size: 0.75rem;
      padding: 0 0.45rem;
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    this.socket = new AgentConnection(
      `${this.basePath}/socket/agent`,
      (event) => this.handleEvent(event),
      (state) => (this.connection = state),
      () => {
        // After a reconnect (or a reload) sign in again with the remembered name.
        const name = this.me || sessionStorage.getItem(NAME_KEY);
        if (name) void this.signIn(name);
      },
    );
    this.socket.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.socket?.stop();
  }

  private async signIn(name: string): Promise<void> {
    this.problem = '';
    const answer = await this.request('login', { name });
    if (!answer) return;
    const result = answer.args[0] as LoginResult;
    this.me = result.name;
    this.token = result.token;
    this.areas = result.areas;
    this.agents = result.agents;
    sessionStorage.setItem(NAME_KEY, result.name);
  }

  private signOut(): void {
    sessionStorage.removeItem(NAME_KEY);
    this.me = '';
    this.chats = new Map();
    this.queues = new Map();
    this.selected = undefined;
    this.socket?.stop();
    this.socket?.connect();
  }

  /** Sends a frame and returns its answer; an `error` answer becomes `problem` (and a throw). */
  private async request(
    type: string,
    data: Record<string, unknown>,
  ): Promise<ServerEvent | undefined> {
    if (!this.socket) return undefined;
    const answer = await this.socket.request(type, data);
    if (answer.event === 'error') {
      const message = (answer.args[0] as { message?: string }).message ?? 'Something went wrong.';
      this.problem = message;
      throw new Error(message);
    }
    return answer;
  }

  private handleEvent(event: ServerEvent): void {
    const payload = event.args[0] as Record<string, unknown> | undefined;
    switch (event.event) {
      case 'login': {
        // After a reconnect the server re-sends every open chat of ours; drop the open ones we
        // hold, which may have ended or moved while we were away. Ended ones stay for reading.
        const kept = [...this.chats].filter(([, chat]) => chat.status === 'closed');
        this.chats = new Map(kept);
        break;
      }
      case 'queue': {
        const queue = payload as { areaId: number; chats: QueueEntry[] };
        this.queues = new Map(this.queues).set(queue.areaId, queue.chats);
        break;
      }
      case 'agents':
        this.agents = (payload as { agents: AgentPresence[] }).agents;
        break;
      case 'chat': {
        const chat = payload as unknown as AgentChatSnapshot;
        this.putChat(chat);
        if (this.selected === undefined) this.selected = chat.sessionId;
        this.ackVisitorMessages(chat);
        break;
      }
      case 'chat message': {
        const { sessionId, messages } = payload as {
          sessionId: number;
          messages: AgentChatMessage[];
        };
        const chat = this.chats.get(sessionId);
        if (!chat) break;
        const known = new Set(chat.messages.map((message) => message.id));
        const updated = {
          ...chat,
          messages: [...chat.messages, ...messages.filter((message) => !known.has(message.id))],
        };
        this.putChat(updated);
        if (messages.some((message) => message.sender === 'CLIENT')) this.clearPreview(sessionId);
        this.ackVisitorMessages(updated);
        break;
      }
      case 'delivered':
      case 'seen':
      case 'acked': {
        const { sessionId, ids } = payload as { sessionId: number; ids: number[] };
        const field = event.event;
        this.updateMessages(sessionId, ids, (message) => ({ ...message, [field]: true }));
        break;
      }
      case 'preview': {
        const { sessionId, text, length } = payload as {
          sessionId: number;
          text?: string;
          length: number;
        };
        if (length === 0) this.clearPreview(sessionId);
        else this.setPreview(sessionId, text ?? '');
        break;
      }
      case 'agents changed': {
        const { sessionId, agents } = payload as { sessionId: number; agents: string[] };
        const chat = this.chats.get(sessionId);
        if (chat) this.putChat({ ...chat, agents });
        break;
      }
      case 'chat ended': {
        const { sessionId } = payload as { sessionId: number };
        const chat = this.chats.get(sessionId);
        if (chat) this.putChat({ ...chat, status: 'closed' });
        this.clearPreview(sessionId);
        break;
      }
      case 'chat removed':
        this.dropChat((payload as { sessionId: number }).sessionId);
        break;
      case 'postback': {
        const { sessionId, title, data } = payload as {
          sessionId: number;
          title: string;
          data: string;
        };
        const chat = this.chats.get(sessionId);
        if (chat) this.putChat({ ...chat, postbacks: [...chat.postbacks, { title, data }] });
        break;
      }
      case 'error':
        if (event.re === undefined)
          this.problem = (payload as { message?: string } | undefined)?.message ?? 'Error';
        break;
    }
  }

  private putChat(chat: AgentChatSnapshot): void {
    this.chats = new Map(this.chats).set(chat.sessionId, chat);
  }

  private dropChat(sessionId: number): void {
    const chats = new Map(this.chats);
    chats.delete(sessionId);
    this.chats = chats;
    if (this.selected === sessionId) this.selected = chats.keys().next().value;
  }

  private updateMessages(
    sessionId: number,
    ids: number[],
    change: (message: AgentChatMessage) => AgentChatMessage,
  ): void {
    const chat = this.chats.get(sessionId);
    if (!chat) return;
    const wanted = new Set(ids);
    this.putChat({
      ...chat,
      messages: chat.messages.map((message) =>
        wanted.has(message.id) ? change(message) : message,
      ),
    });
  }

  /** Tell the server this console has the visitor's messages (the visitor sees "received"). */
  private ackVisitorMessages(chat: AgentChatSnapshot): void {
    if (chat.status === 'closed' || !chat.agents.includes(this.me)) return;
    const ids = chat.messages
      .filter((message) => message.sender === 'CLIENT' && !message.acked)
      .map((message) => message.id);
    if (ids.length > 0) this.socket?.send('ack', { sessionId: chat.sessionId, ids });
  }

  private setPreview(sessionId: number, text: string): void {
    this.previews = new Map(this.previews).set(sessionId, text);
    clearTimeout(this.previewTimers.get(sessionId));
    this.previewTimers.set(
      sessionId,
      setTimeout(() => this.clearPreview(sessionId), PREVIEW_STALE_MS),
    );
  }

  private clearPreview(sessionId: number): void {
    if (!this.previews.has(sessionId)) return;
    const previews = new Map(this.previews);
    previews.delete(sessionId);
    this.previews = previews;
  }

  private actionsFor(sessionId: number): ChatActions {
    return {
      send: async (text) => {
        await this.request('message', {
          sessionId,
          text,
          umid: `a-${Date.now()}-${++this.umidCounter}`,
        });
      },
      typing: (text) => {
        this.socket?.send('preview', { sessionId, text });
      },
      sendFile: async (file) => {
        const form = new FormData();
        form.set('token', this.token);
        form.set('session', String(sessionId));
        form.set('uploadfile', file, file.name);
        const response = await fetch(`${this.basePath}/socket/agent.api/upload`, {
          method: 'POST',
          body: form,
        });
        if (!response.ok) {
          const body = (await response.json().catch(() => ({}))) as {
            error?: { message?: string };
          };
          throw new Error(body.error?.message ?? `The upload failed (${response.status}).`);
        }
      },
      addAgent: async (name) => {
        await this.request('add agent', { sessionId, name });
      },
      removeAgent: async (name) => {
        await this.request('remove agent', { sessionId, name });
      },
      leave: async () => {
        await this.request('leave', { sessionId });
      },
      end: async () => {
        await this.request('end', { sessionId });
      },
      dismiss: () => this.dropChat(sessionId),
    };
  }

  private async handleSignIn(event: Event): Promise<void> {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#agent-name');
    const name = input?.value.trim();
    if (!name) return;
    await this.signIn(name).catch(() => undefined);
  }

  private async accept(sessionId: number): Promise<void> {
    try {
      await this.request('accept', { sessionId });
      this.selected = sessionId;
    } catch {
      // `problem` already shows why (someone else was faster, usually).
    }
  }

  private renderSignIn() {
    return html`<form class="signin" @submit=${this.handleSignIn}>
      <h2>Sign in</h2>
      <p>Demo sign-in: use an agent name from the server config (Alice, Bob or Carol).</p>
      <label for="agent-name">Your name</label>
      <input id="agent-name" name="name" autocomplete="username" required autofocus />
      <button class="primary" type="submit" ?disabled=${this.connection !== 'open'}>Sign in</button>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
    </form>`;
  }

  private renderQueues() {
    return this.areas.map((area) => {
      const waiting = this.queues.get(area.id) ?? [];
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
                        @click=${() => this.accept(entry.sessionId)}
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

  /** Opens any chat of the agent's areas by number, also ended ones: the history view. */
  private async handleOpenHistory(event: Event): Promise<void> {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#history-id');
    const sessionId = Number(input?.value);
    if (!Number.isInteger(sessionId) || sessionId <= 0) return;
    try {
      const answer = await this.request('chat', { sessionId });
      if (!answer) return;
      this.putChat(answer.args[0] as AgentChatSnapshot);
      this.selected = sessionId;
      if (input) input.value = '';
    } catch {
      // `problem` shows why (no such chat in your areas).
    }
  }

  private renderHistoryLookup() {
    return html`<form class="history" @submit=${this.handleOpenHistory}>
      <h2><label for="history-id">Open a chat by number</label></h2>
      <input id="history-id" inputmode="numeric" pattern="[0-9]*" autocomplete="off" />
      <button type="submit">Open</button>
    </form>`;
  }

  private renderChatList() {
    const chats = [...this.chats.values()];
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
                      aria-current=${String(chat.sessionId === this.selected)}
                      @click=${() => (this.selected = chat.sessionId)}
                    >
                      <span>${chat.client.name}${chat.status === 'closed' ? ' (ended)' : ''}</span>
                      ${this.previews.has(chat.sessionId) ? html`<span class="badge" aria-label="typing">…</span>` : nothing}
                    </button>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  override render() {
    const status =
      this.connection === 'open'
        ? 'Connected'
        : this.connection === 'connecting'
          ? 'Connecting…'
          : 'Offline, reconnecting…';
    const chat = this.selected === undefined ? undefined : this.chats.get(this.selected);
    return html`
      <header class="top">
        <h1>Agent console</h1>
        <span class="status" role="status"
          >${this.me ? html`${this.me} · ` : nothing}${status}
          ${this.me ? html`<button type="button" @click=${this.signOut}>Sign out</button>` : nothing}</span
        >
      </header>
      ${
        !this.me
          ? html`<main>${this.renderSignIn()}</main>`
          : html`<div class="layout">
              <aside aria-label="Queues and chats">
                ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
                ${this.renderChatList()} ${this.renderQueues()} ${this.renderHistoryLookup()}
              </aside>
              <main>
                ${
                  chat
                    ? html`<agent-chat-panel
                        .chat=${chat}
                        .me=${this.me}
                        .token=${this.token}
                        .agents=${this.agents}
                        .visitorTyping=${this.previews.get(chat.sessionId)}
                        .actions=${this.actionsFor(chat.sessionId)}
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
}

declare global {
  interface HTMLElementTagNameMap {
    'agent-console': AgentConsole;
  }
}
