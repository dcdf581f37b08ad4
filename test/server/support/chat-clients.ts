/**
 * A visitor and an agent as tests drive them: thin typed helpers over `SocketClient`, speaking the
 * visitor protocol (protocol.md) and the agent console protocol (docs/protocol-notes.md).
 */
import { SocketClient, type ServerEvent } from './socket-client.js';

export interface WireMessage {
  id: number;
  umid: string;
  sender: 'CLIENT' | 'AGENT' | 'SYSTEM';
  sent: number;
  sentHuman: string;
  text: string;
  agent?: string;
  internal?: boolean;
}

export interface SessionInfo {
  sessionId: number;
  sessionSecret: string;
  areaId: number;
  clientName: string;
}

export const firstArg = <T>(frame: ServerEvent): T => frame.args[0] as T;

/** The structured item of a `"\u0001{…}"` text, or undefined for plain text. */
export function itemOf(message: WireMessage): Record<string, unknown> | undefined {
  return message.text.startsWith('\u0001')
    ? (JSON.parse(message.text.slice(1)) as Record<string, unknown>)
    : undefined;
}

export class Visitor {
  private constructor(readonly socket: SocketClient) {}
  session: SessionInfo | undefined;
  private umidCounter = 0;

  static async connect(baseURL: string): Promise<Visitor> {
    return new Visitor(await SocketClient.connect(`${baseURL}/socket/external`));
  }

  async register(fields: Partial<Record<string, unknown>> = {}): Promise<SessionInfo> {
    const answer = await this.socket.request('register', {
      area: 1,
      name: 'Vera Visitor',
      email: 'vera@example.com',
      message: 'Hello, I have a question',
      ...fields,
    });
    if (answer.event !== 'register') throw new Error(`register failed: ${JSON.stringify(answer)}`);
    this.session = firstArg<SessionInfo>(answer);
    return this.session;
  }

  async resume(session: SessionInfo, lastSeenId?: number): Promise<ServerEvent> {
    const answer = await this.socket.request(
      'resume',
      {
        sessionId: session.sessionId,
        sessionSecret: session.sessionSecret,
        ...(lastSeenId === undefined ? {} : { lastSeenId }),
      },
      'resume',
    );
    if (!('error' in (answer.args[0] as object))) this.session = firstArg<SessionInfo>(answer);
    return answer;
  }

  /** Sends a chat message and returns the `message sent` answer. */
  async say(
    text: string,
    umid = `c-${Date.now()}-${++this.umidCounter}`,
  ): Promise<{ id: number; umid: string; sent: number; sentHuman: string }> {
    const answer = await this.socket.request('chat message', {
      umid,
      message: text,
      mcount: this.umidCounter,
    });
    if (answer.event !== 'message sent')
      throw new Error(`chat message failed: ${JSON.stringify(answer)}`);
    return firstArg(answer);
  }

  /** The next `chat message` event containing a message that matches. */
  async nextMessage(where: (message: WireMessage) => boolean): Promise<WireMessage> {
    const frame = await this.socket.waitFor('chat message', (candidate) =>
      firstArg<{ chat: WireMessage[] }>(candidate).chat.some(where),
    );
    const message = firstArg<{ chat: WireMessage[] }>(frame).chat.find(where);
    if (!message) throw new Error('unreachable');
    return message;
  }

  /** Every message received in `chat message` events so far. */
  messages(): WireMessage[] {
    return this.socket
      .all('chat message')
      .flatMap((frame) => firstArg<{ chat: WireMessage[] }>(frame).chat);
  }

  close(): void {
    this.socket.close();
  }
}

export interface AgentChat {
  sessionId: number;
  areaId: number;
  status: string;
  agents: string[];
  client: { name: string; email: string };
  messages: WireMessage[];
}

export class Agent {
  private constructor(readonly socket: SocketClient) {}
  name = '';
  token = '';
  private umidCounter = 0;

  static async signIn(baseURL: string, name: string): Promise<Agent> {
    const agent = new Agent(await SocketClient.connect(`${baseURL}/socket/agent`));
    const answer = await agent.socket.request('login', { name });
    if (answer.event !== 'login') throw new Error(`login failed: ${JSON.stringify(answer)}`);
    const welcome = firstArg<{ name: string; token: string }>(answer);
    agent.name = welcome.name;
    agent.token = welcome.token;
    return agent;
  }

  /** Waits until the area's queue holds the session, then accepts it; returns the chat snapshot. */
  async accept(sessionId: number): Promise<AgentChat> {
    const answer = await this.socket.request('accept', { sessionId });
    if (answer.event !== 'ok') throw new Error(`accept failed: ${JSON.stringify(answer)}`);
    return firstArg<AgentChat>(
      await this.socket.waitFor(
        'chat',
        (frame) => firstArg<AgentChat>(frame).sessionId === sessionId,
      ),
    );
  }

  async say(sessionId: number, text: string): Promise<{ id: number }> {
    const answer = await this.socket.request('message', {
      sessionId,
      text,
      umid: `a-${++this.umidCounter}`,
    });
    if (answer.event !== 'message sent')
      throw new Error(`message failed: ${JSON.stringify(answer)}`);
    return firstArg(answer);
  }

  /** Performs an action that answers `ok`; throws with the error otherwise. */
  async act(type: string, data: Record<string, unknown>): Promise<void> {
    const answer = await this.socket.request(type, data);
    if (answer.event !== 'ok') throw new Error(`${type} failed: ${JSON.stringify(answer.args[0])}`);
  }

  /** The next `chat message` for `sessionId` with a message that matches. */
  async nextMessage(
    sessionId: number,
    where: (message: WireMessage) => boolean,
  ): Promise<WireMessage> {
    const frame = await this.socket.waitFor('chat message', (candidate) => {
      const payload = firstArg<{ sessionId: number; messages: WireMessage[] }>(candidate);
      return payload.sessionId === sessionId && payload.messages.some(where);
    });
    const message = firstArg<{ messages: WireMessage[] }>(frame).messages.find(where);
    if (!message) throw new Error('unreachable');
    return message;
  }

  close(): void {
    this.socket.close();
  }
}
