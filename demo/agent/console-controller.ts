/**
 * The console's controller: owns the `AgentConnection`, folds its events into `ConsoleState`
 * through the pure reducer (console-state.ts), and carries out what the agent asks for (sign in,
 * accept, open a chat, the chat panel's actions, uploads). Its host element renders `state` and
 * is asked to update whenever it changes; the element never touches the connection.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AgentClientFrames, AgentFrameType, ErrorBody } from '../../src/protocol/index.js';
import { AgentConnection, type SocketFactory } from './agent-connection.js';
import type { AgentServerEnvelope, ChatActions } from './agent-types.js';
import {
  clearPreview,
  dropChat,
  initialConsoleState,
  messagesToAck,
  putChat,
  reduceServerEvent,
  selectChat,
  signedOut,
  withConnection,
  withProblem,
  type ConsoleState,
} from './console-state.js';
import { ownDownloadPath } from './file-links.js';

/**
 * This tab's sign-in (`{name, token}`): the token of the last password sign-in, so a reconnect or a
 * reload signs in again without the password, which is never stored. Per tab and gone when it
 * closes (sessionStorage); the server lets it expire after a working day.
 */
const SIGN_IN_KEY = 'cention-agent-sign-in';

interface RememberedSignIn {
  name: string;
  token: string;
}

function rememberedSignIn(): RememberedSignIn | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(SIGN_IN_KEY) ?? 'null') as unknown;
    if (typeof value !== 'object' || value === null) return undefined;
    const { name, token } = value as Record<string, unknown>;
    return typeof name === 'string' && typeof token === 'string' ? { name, token } : undefined;
  } catch {
    return undefined;
  }
}
/** A typing preview with no update for this long is taken as "stopped typing". */
const PREVIEW_STALE_MS = 6000;

export interface ConsoleControllerOptions {
  /** `/s/<workspace>` of the server, read when the host connects. */
  basePath(): string;
  /** Opens the socket; SockJS by default (tests pass a stand-in). */
  createSocket?: SocketFactory;
}

export class ConsoleController implements ReactiveController {
  state: ConsoleState = initialConsoleState;
  private connection: AgentConnection | undefined;
  private readonly previewTimers = new Map<number, ReturnType<typeof setTimeout>>();
  /** Makes each reply's umid unique, so the server's dedupe never drops a second reply. */
  private umidCounter = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ConsoleControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connection = new AgentConnection({
      url: `${this.options.basePath()}/socket/agent`,
      createSocket: this.options.createSocket,
      onEvent: (event) => this.handleEvent(event),
      onState: (connection) => this.update(withConnection(this.state, connection)),
      onOpen: () => {
        // After a reconnect (or a reload) sign in again with this tab's sign-in token.
        const remembered = rememberedSignIn();
        if (remembered) void this.resumeSignIn(remembered);
      },
    });
    this.connection.connect();
  }

  hostDisconnected(): void {
    this.connection?.stop();
    for (const timer of this.previewTimers.values()) clearTimeout(timer);
    this.previewTimers.clear();
  }

  /** Signs in with name and password; the `login` answer itself fills the state (console-state.ts). */
  async signIn(name: string, password: string): Promise<void> {
    this.update(withProblem(this.state, ''));
    this.remember(await this.request('login', { name, password }));
  }

  /** Signs in again with the token of an earlier sign-in; a refused token shows the sign-in form. */
  private async resumeSignIn(remembered: RememberedSignIn): Promise<void> {
    this.update(withProblem(this.state, ''));
    try {
      this.remember(await this.request('login', remembered));
    } catch {
      sessionStorage.removeItem(SIGN_IN_KEY);
      // The sign-in form says why ("Wrong name or password." after a token expired).
    }
  }

  private remember(answer: AgentServerEnvelope): void {
    if (answer.event !== 'login') return;
    void this.startFileSession(answer.args[0].token);
    const { name, signInToken } = answer.args[0];
    if (signInToken)
      sessionStorage.setItem(SIGN_IN_KEY, JSON.stringify({ name, token: signInToken }));
  }

  /**
   * Lets the file links work as plain links: the server puts this connection's token into an
   * HttpOnly cookie for the download route, so no token is ever part of a URL.
   */
  private async startFileSession(token: string): Promise<void> {
    await fetch(`${this.options.basePath()}/socket/agent.api/session`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    }).catch(() => undefined);
  }

  signOut(): void {
    sessionStorage.removeItem(SIGN_IN_KEY);
    this.update(signedOut(this.state));
    this.connection?.stop();
    this.connection?.connect();
  }

  /** Takes a waiting chat and shows it; a failure is shown as `problem` (someone was faster). */
  async accept(sessionId: number): Promise<void> {
    try {
      await this.request('accept', { sessionId });
      this.update(selectChat(this.state, sessionId));
    } catch {
      // `problem` already says why.
    }
  }

  /** Opens any chat of the agent's areas by number, also ended ones; false when it cannot. */
  async openChat(sessionId: number): Promise<boolean> {
    try {
      const answer = await this.request('chat', { sessionId });
      if (answer.event !== 'chat') return false;
      this.update(selectChat(putChat(this.state, answer.args[0]), sessionId));
      return true;
    } catch {
      // `problem` says why (no such chat in your areas).
      return false;
    }
  }

  select(sessionId: number): void {
    this.update(selectChat(this.state, sessionId));
  }

  /** What the chat panel of one chat can do. */
  actionsFor(sessionId: number): ChatActions {
    return {
      send: async (text) => {
        const umid = `a-${Date.now()}-${++this.umidCounter}`;
        await this.request('message', { sessionId, text, umid });
      },
      typing: (text) => {
        this.connection?.send('preview', { sessionId, text });
      },
      sendFile: (file) => this.upload(sessionId, file),
      downloadPath: (fileDownload) => ownDownloadPath(fileDownload, this.options.basePath()),
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
      dismiss: () => this.update(dropChat(this.state, sessionId)),
    };
  }

  /**
   * Sends a frame and returns its answer. A failure (an `error` answer, no connection, or the
   * socket closing before the answer) becomes `problem` and a throw, so no action waits forever.
   */
  private async request<T extends AgentFrameType>(
    type: T,
    data: AgentClientFrames[T],
  ): Promise<AgentServerEnvelope> {
    try {
      if (!this.connection) throw new Error('Not connected');
      const answer = await this.connection.request(type, data);
      if (answer.event === 'error')
        throw new Error(answer.args[0].message ?? 'Something went wrong.');
      return answer;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.update(withProblem(this.state, message));
      throw error instanceof Error ? error : new Error(message);
    }
  }

  /** Uploads a file into the chat over HTTP; the server then sends it as a `chat message`. */
  private async upload(sessionId: number, file: File): Promise<void> {
    const form = new FormData();
    form.set('token', this.state.token);
    form.set('session', String(sessionId));
    form.set('uploadfile', file, file.name);
    const response = await fetch(`${this.options.basePath()}/socket/agent.api/upload`, {
      method: 'POST',
      body: form,
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as Partial<ErrorBody>;
      throw new Error(body.error?.message ?? `The upload failed (${response.status}).`);
    }
  }

  private handleEvent(event: AgentServerEnvelope): void {
    this.update(reduceServerEvent(this.state, event));
    // What an event asks of the console beyond showing it: acks, and the preview's stale timer.
    switch (event.event) {
      case 'chat':
      case 'chat message':
        this.ackVisitorMessages(event.args[0].sessionId);
        break;
      case 'preview':
        if (event.args[0].length > 0) this.restartPreviewTimer(event.args[0].sessionId);
        break;
    }
  }

  /** Tells the server this console has the visitor's messages (the visitor sees "received"). */
  private ackVisitorMessages(sessionId: number): void {
    const ids = messagesToAck(this.state, sessionId);
    if (ids.length > 0) this.connection?.send('ack', { sessionId, ids });
  }

  private restartPreviewTimer(sessionId: number): void {
    clearTimeout(this.previewTimers.get(sessionId));
    const timer = setTimeout(
      () => this.update(clearPreview(this.state, sessionId)),
      PREVIEW_STALE_MS,
    );
    this.previewTimers.set(sessionId, timer);
  }

  private update(next: ConsoleState): void {
    if (next === this.state) return;
    this.state = next;
    this.host.requestUpdate();
  }
}
