/**
 * Browser-side remote control of a `FakeChatServer` (test/support/fake-chat-server.ts), through the
 * `fake-chat-server` WTR command. Every test starts its own server:
 *
 *   const server = await startFakeServer();
 *   const chat = createCentionChat({ baseURL: server.baseURL });
 *   …
 *   await server.stop();
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type {
  ChatMessage,
  ClientEnvelope,
  VisitorClientFrames,
  VisitorFrameType,
  VisitorServerEventName,
  VisitorServerEvents,
} from '../../src/protocol/index.js';
import type { FakeServerCommand } from './fake-server-commands.js';
import type {
  FakeCanChatAnswer,
  FakeHttpAnswer,
  FakeServerOptions,
  FakeSession,
  HttpRequestRecord,
  PushMessageOptions,
  ReceivedFrame,
} from './fake-server-types.js';

export type * from './fake-server-types.js';

// Distributes Omit over the union, so each op keeps its own fields.
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

function command<R>(payload: FakeServerCommand): Promise<R> {
  return executeServerCommand<R, FakeServerCommand>('fake-chat-server', payload);
}

/** Polls `check` until it returns a value other than undefined/false, or throws after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what = 'condition',
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export class FakeServer {
  constructor(
    /** Server id on the test-runner side. */
    readonly id: number,
    /** `http://127.0.0.1:<port>/s/demo`: pass it as the client's `baseURL`. */
    readonly baseURL: string,
  ) {}

  private run<R>(payload: WithoutId<FakeServerCommand>): Promise<R> {
    return command<R>({ ...payload, id: this.id } as FakeServerCommand);
  }

  /** Every text visitor connections sent, in order. */
  received(): Promise<ReceivedFrame[]> {
    return this.run({ op: 'received' });
  }

  /**
   * The parsed frames of one `type`, in order, typed as `VisitorClientFrames` says they are (the
   * server logs them unvalidated: a test asserting on them is what checks the shape).
   */
  async framesOfType<T extends VisitorFrameType>(
    type: T,
  ): Promise<ClientEnvelope<VisitorClientFrames, T>[]> {
    return (await this.received()).flatMap((entry) =>
      entry.frame?.type === type ? [entry.frame as ClientEnvelope<VisitorClientFrames, T>] : [],
    );
  }

  /** Waits until at least `count` frames of `type` arrived, and returns them all. */
  waitForFrames<T extends VisitorFrameType>(
    type: T,
    count = 1,
    timeoutMs?: number,
  ): Promise<ClientEnvelope<VisitorClientFrames, T>[]> {
    return waitFor(
      async () => {
        const frames = await this.framesOfType(type);
        return frames.length >= count && frames;
      },
      `${count} "${type}" frame(s)`,
      timeoutMs,
    );
  }

  httpRequests(): Promise<HttpRequestRecord[]> {
    return this.run({ op: 'httpRequests' });
  }

  /** Forgets received frames and HTTP requests (sessions stay). */
  clearLogs(): Promise<void> {
    return this.run({ op: 'clearLogs' });
  }

  /** Sends a frame to every connection (or one): an object is JSON-encoded, a string goes as is. */
  send(frame: unknown, connection?: number): Promise<void> {
    return this.run({ op: 'send', frame, ...(connection ? { connection } : {}) });
  }

  /** Sends `{event, args}` to every connection. */
  emit<E extends VisitorServerEventName>(event: E, ...args: VisitorServerEvents[E]): Promise<void> {
    return this.send({ event, args });
  }

  /** Stores an agent (default) or system message in the newest open session and pushes it. */
  pushMessage(text: string, options?: PushMessageOptions): Promise<ChatMessage | null> {
    return this.run({ op: 'pushMessage', text, ...(options ? { options } : {}) });
  }

  /** Ends the newest open session from the server side (`finish chat session`). */
  finishSession(by: 'agent' | 'system' = 'agent', sessionId?: number): Promise<void> {
    return this.run({ op: 'finishSession', by, ...(sessionId ? { sessionId } : {}) });
  }

  /** Cuts every connection (or one, by number) like a network failure. */
  drop(connection?: number): Promise<void> {
    return this.run({ op: 'drop', ...(connection ? { connection } : {}) });
  }

  /** Refuses new socket connections for `ms` ms; 0 accepts again. */
  refuseConnections(ms: number): Promise<void> {
    return this.run({ op: 'refuseConnections', ms });
  }

  setAutoReply(value: boolean): Promise<void> {
    return this.run({ op: 'setAutoReply', value });
  }

  /** With false, visitor messages are stored but not answered (a lost `message sent`). */
  setAckMessages(value: boolean): Promise<void> {
    return this.run({ op: 'setAckMessages', value });
  }

  setCanChat(answer: FakeCanChatAnswer): Promise<void> {
    return this.run({ op: 'setCanChat', answer });
  }

  /** Scripts every following upload's answer; null returns to the happy answer. */
  setUploadAnswer(answer: FakeHttpAnswer | null): Promise<void> {
    return this.run({ op: 'setUploadAnswer', answer });
  }

  /** Numbers of the socket connections open now. */
  openConnections(): Promise<number[]> {
    return this.run({ op: 'openConnections' });
  }

  sessions(): Promise<FakeSession[]> {
    return this.run({ op: 'sessions' });
  }

  stop(): Promise<void> {
    return this.run({ op: 'stop' });
  }
}

/** Starts a fresh fake server for one test. */
export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const { id, baseURL } = await command<{ id: number; baseURL: string }>({ op: 'start', options });
  return new FakeServer(id, baseURL);
}
