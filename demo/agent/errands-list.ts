/**
 * @summary The console's errands: messages visitors left when nobody could chat, for the signed-in
 * agent's areas. The agent opens one, replies (which marks it handled; the reply goes to the
 * visitor by e-mail in a real contact center) or closes it. Reads and writes through the console's
 * errand routes (`/socket/agent.api/errands`, authorised by this connection's token) and refreshes
 * every 15 s and after each action, so a new errand shows without a reload.
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { errandsStyles } from './errands-list.styles.js';

/** An errand as the console routes send it. */
export interface ConsoleErrand {
  id: number;
  areaId: number;
  status: 'open' | 'handled' | 'closed';
  name: string;
  email: string;
  subject: string;
  message: string;
  reply: string | null;
  handledBy: string | null;
  createdAt: string;
}

const REFRESH_MS = 15_000;

export class AgentErrands extends LitElement {
  static override properties = {
    basePath: { attribute: false },
    token: { attribute: false },
    errands: { state: true },
    openId: { state: true },
    problem: { state: true },
  };

  static override styles = errandsStyles;

  declare basePath: string;
  /** The agent socket's token; empty while signed out. */
  declare token: string;
  declare errands: ConsoleErrand[];
  declare openId: number | undefined;
  declare problem: string;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.basePath = '/s/demo';
    this.token = '';
    this.errands = [];
    this.problem = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('token') && this.token) void this.refresh();
  }

  private async call(path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.basePath}/socket/agent.api/errands${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as { error?: { message: string } };
    if (!response.ok) throw new Error(answer.error?.message ?? `HTTP ${response.status}`);
    return answer;
  }

  /** Loads the list again (open and handled errands, newest first). */
  async refresh(): Promise<void> {
    if (!this.token) return;
    try {
      const { errands } = (await this.call('')) as { errands: ConsoleErrand[] };
      this.errands = errands;
      this.problem = '';
    } catch (error) {
      this.problem = `Errands could not be loaded: ${(error as Error).message}`;
    }
  }

  private async act(errand: ConsoleErrand, action: 'reply' | 'close'): Promise<void> {
    const textarea = this.renderRoot.querySelector<HTMLTextAreaElement>(`#reply-${errand.id}`);
    const text = textarea?.value.trim() ?? '';
    if (action === 'reply' && !text) {
      this.problem = 'Write a reply first.';
      textarea?.focus();
      return;
    }
    try {
      await this.call(`/${errand.id}/${action}`, action === 'reply' ? { text } : {});
      this.problem = '';
      if (action === 'close') this.openId = undefined;
      await this.refresh();
      // The errand's own controls may be gone (closed): keep focus in the list, not on <body>.
      await this.updateComplete;
      this.renderRoot
        .querySelector<HTMLElement>(
          action === 'close' ? '#errands-title' : `#errand-${errand.id}-toggle`,
        )
        ?.focus();
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }

  private toggle(id: number): void {
    this.openId = this.openId === id ? undefined : id;
  }

  private renderErrand(errand: ConsoleErrand) {
    const isOpen = this.openId === errand.id;
    const received = new Date(errand.createdAt).toLocaleString();
    return html`<li class=${`errand ${errand.status}`}>
      <button
        id=${`errand-${errand.id}-toggle`}
        type="button"
        aria-expanded=${isOpen ? 'true' : 'false'}
        aria-controls=${`errand-${errand.id}`}
        @click=${() => this.toggle(errand.id)}
      >
        Errand ${errand.id} from ${errand.name}, <span class="status">${errand.status}</span>
      </button>
      ${
        isOpen
          ? html`<div id=${`errand-${errand.id}`} class="detail">
              <p class="meta">${errand.email} · area ${errand.areaId} · ${received}</p>
              <p class="message">${errand.message}</p>
              ${
                errand.reply
                  ? html`<p class="reply">
                      <strong>Reply by ${errand.handledBy ?? 'an agent'}:</strong> ${errand.reply}
                    </p>`
                  : nothing
              }
              <label for=${`reply-${errand.id}`}>Reply</label>
              <textarea id=${`reply-${errand.id}`} rows="3"></textarea>
              <div class="actions">
                <button type="button" class="primary" @click=${() => this.act(errand, 'reply')}>
                  Reply and mark handled
                </button>
                <button type="button" @click=${() => this.act(errand, 'close')}>
                  Close errand
                </button>
              </div>
            </div>`
          : nothing
      }
    </li>`;
  }

  override render() {
    return html`<section aria-labelledby="errands-title">
      <h2 id="errands-title" tabindex="-1">Errands (${this.errands.length})</h2>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${
        this.errands.length === 0
          ? html`<p class="empty">No messages waiting.</p>`
          : html`<ul>
              ${this.errands.map((errand) => this.renderErrand(errand))}
            </ul>`
      }
      <button type="button" class="refresh" @click=${() => this.refresh()}>Refresh errands</button>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'agent-errands': AgentErrands;
  }
}
