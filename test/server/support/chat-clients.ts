/**
 * A visitor and an agent as tests drive them: thin helpers over `SocketClient`, typed by the
 * visitor protocol and the agent console protocol of src/protocol/.
 */
import type {
  AgentChatMessage,
  AgentChatSnapshot,
  AgentClientFrames,
  AgentServerEvents,
  ChatMessage,
  ErrorPayload,
  MessageSentEvent,
  QueueEntry,
  RegisterFrame,
  SessionInfo,
  VisitorClientFrames,
  VisitorServerEvents,
} from '../../../src/protocol/index.js';
import { SocketClient, type ServerEvent } from './socket-client.js';
import { TEST_AGENT_PASSWORD } from './test-server.js';

export type { SessionInfo };

/** A message as either side receives it (the agent side adds `internal` and delivery state). */
export type WireMessage = ChatMessage & Partial<AgentChatMessage>;

/** A chat as the agent console receives it. */
export type AgentChat = AgentChatSnapshot;

export type VisitorSocket = SocketClient<VisitorClientFrames, VisitorServerEvents>;
export type AgentSocket = SocketClient<AgentClientFrames, AgentServerEvents>;

/** A bare visitor socket (no chat yet), e.g. for frames out of order. */
export function connectVisitorSocket(
  baseURL: string,
  transports?: string[],
): Promise<VisitorSocket> {
  return SocketClient.connect(`${baseURL}/socket/external`, transports);
}

/** A bare agent console socket (not signed in). */
export function connectAgentSocket(baseURL: string): Promise<AgentSocket> {
  return SocketClient.connect(`${baseURL}/socket/agent`);
}

/** The server always answers a new message with a numeric id. */
type Sent = MessageSentEvent & { id: number };

/** The first argument of an event, typed by the protocol's event map. */
export function firstArg<Frame extends { args: readonly unknown[] }>(
  frame: Frame,
): Frame['args'][0];
/** The first argument of an untyped event, read as `T` (the test says what it expects). */
export function firstArg<T>(frame: { args: readonly unknown[] }): T;
export function firstArg(frame: { args: readonly unknown[] }): unknown {
  return frame.args[0];
}

/** The code of an `error` event; undefined for any other event. */
export function errorCode(frame: { event: unknown; args: readonly unknown[] }): string | undefined {
  return frame.event === 'error' ? (frame.args[0] as ErrorPayload).code : undefined;
}

/** The structured item of a `"\u0001{…}"` text, or undefined for plain text. */
export function itemOf(message: WireMessage): Record<string, unknown> | undefined {
  return message.text.startsWith('\u0001')
    ? (JSON.parse(message.text.slice(1)) as Record<string, unknown>)
    : undefined;
}

export class Visitor {
  private constructor(readonly socket: VisitorSocket) {}
  session: SessionInfo | undefined;
  private umidCounter = 0;

  static async connect(baseURL: string): Promise<Visitor> {
    return new Visitor(await SocketClient.connect(`${baseURL}/socket/external`));
  }

  /** Registers in area 1 as Vera, unless `fields` say otherwise. */
  async register(fields: Partial<RegisterFrame> = {}): Promise<SessionInfo> {
    const answer = await this.socket.request('register', {
      area: 1,
      name: 'Vera Visitor',
      email: 'vera@example.com',
      message: 'Hello, I have a question',
      ...fields,
    });
    if (answer.event !== 'register') throw new Error(`register failed: ${JSON.stringify(answer)}`);
    this.session = answer.args[0];
    return this.session;
  }

  async resume(
    session: SessionInfo,
    lastSeenId?: number,
  ): Promise<ServerEvent<VisitorServerEvents>> {
    const answer = await this.socket.request(
      'resume',
      {
        sessionId: session.sessionId,
        sessionSecret: session.sessionSecret,
        ...(lastSeenId === undefined ? {} : { lastSeenId }),
      },
      'resume',
    );
    if (answer.event === 'resume' && !('error' in answer.args[0])) this.session = answer.args[0];
    return answer;
  }

  /** Sends a chat message and returns the `message sent` answer. */
  async say(text: string, umid = `c-${Date.now()}-${++this.umidCounter}`): Promise<Sent> {
    const answer = await this.socket.request('chat message', {
      umid,
      message: text,
      mcount: this.umidCounter,
    });
    if (answer.event !== 'message sent')
      throw new Error(`chat message failed: ${JSON.stringify(answer)}`);
    return answer.args[0] as Sent;
  }

  /** The next `chat message` event containing a message that matches. */
  async nextMessage(where: (message: WireMessage) => boolean): Promise<WireMessage> {
    const frame = await this.socket.waitFor('chat message', (candidate) =>
      candidate.args[0].chat.some(where),
    );
    const message = frame.args[0].chat.find(where);
    if (!message) throw new Error('unreachable');
    return message;
  }

  /** Every message received in `chat message` events so far. */
  messages(): WireMessage[] {
    return this.socket.all('chat message').flatMap((frame) => frame.args[0].chat);
  }

  close(): void {
    this.socket.close();
  }
}

export class Agent {
  private constructor(readonly socket: AgentSocket) {}
  name = '';
  token = '';
  private umidCounter = 0;

  /** Signs in with the password of `testConfig()`'s agents unless another is given. */
  static async signIn(
    baseURL: string,
    name: string,
    password = TEST_AGENT_PASSWORD,
  ): Promise<Agent> {
    const agent = new Agent(await SocketClient.connect(`${baseURL}/socket/agent`));
    const answer = await agent.socket.request('login', { name, password });
    if (answer.event !== 'login') throw new Error(`login failed: ${JSON.stringify(answer)}`);
    agent.name = answer.args[0].name;
    agent.token = answer.args[0].token;
    return agent;
  }

  /** Waits until a `queue` or `queue changed` shows the session waiting; returns its entry. */
  async waitForQueued(sessionId: number): Promise<QueueEntry> {
    const find = (frame: { event: unknown; args: readonly unknown[] }): QueueEntry | undefined => {
      if (frame.event === 'queue')
        return firstArg<AgentServerEvents['queue'][0]>(frame).chats.find(
          (entry) => entry.sessionId === sessionId,
        );
      if (frame.event === 'queue changed')
        return firstArg<AgentServerEvents['queue changed'][0]>(frame).added.find(
          (entry) => entry.sessionId === sessionId,
        );
      return undefined;
    };
    const frame = await this.socket.waitForAny((candidate) => find(candidate) !== undefined);
    const entry = find(frame);
    if (!entry) throw new Error('unreachable');
    return entry;
  }

  /** Waits until the area's queue holds the session, then accepts it; returns the chat snapshot. */
  async accept(sessionId: number): Promise<AgentChat> {
    const answer = await this.socket.request('accept', { sessionId });
    if (answer.event !== 'ok') throw new Error(`accept failed: ${JSON.stringify(answer)}`);
    const chat = await this.socket.waitFor(
      'chat',
      (frame) => frame.args[0].sessionId === sessionId,
    );
    return chat.args[0];
  }

  async say(sessionId: number, text: string): Promise<Sent & { sessionId: number }> {
    const answer = await this.socket.request('message', {
      sessionId,
      text,
      umid: `a-${++this.umidCounter}`,
    });
    if (answer.event !== 'message sent')
      throw new Error(`message failed: ${JSON.stringify(answer)}`);
    return answer.args[0] as Sent & { sessionId: number };
  }

  /** Performs an action that answers `ok`; throws with the error otherwise. */
  async act<T extends keyof AgentClientFrames & string>(
    type: T,
    data: AgentClientFrames[T],
  ): Promise<void> {
    const answer = await this.socket.request(type, data);
    if (answer.event !== 'ok') throw new Error(`${type} failed: ${JSON.stringify(answer.args[0])}`);
  }

  /** The next `chat message` for `sessionId` with a message that matches. */
  async nextMessage(
    sessionId: number,
    where: (message: WireMessage) => boolean,
  ): Promise<WireMessage> {
    const frame = await this.socket.waitFor('chat message', (candidate) => {
      const update = candidate.args[0];
      return update.sessionId === sessionId && update.messages.some(where);
    });
    const message = frame.args[0].messages.find(where);
    if (!message) throw new Error('unreachable');
    return message;
  }

  close(): void {
    this.socket.close();
  }
}
