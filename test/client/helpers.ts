/** Small helpers shared by the client tests. */
import { CentionChat, createCentionChat } from '../../src/client/centionchat.js';
import type { CentionChatEventMap, CentionChatEventName } from '../../src/client/events.js';
import type { CentionChatOptions } from '../../src/client/types.js';
import {
  startFakeServer,
  waitFor,
  type FakeServer,
  type FakeServerOptions,
} from '../support/fake-server-client.js';

export { waitFor };

/** Every storage key the client may use, so tests start clean. */
export function clearClientStorage(): void {
  sessionStorage.clear();
  localStorage.clear();
  for (const cookie of document.cookie.split('; ')) {
    const name = cookie.split('=')[0];
    if (name) document.cookie = `${name}=; path=/; max-age=0`;
  }
}

/** Records every event of a client, with its arguments, in order. */
export class EventLog {
  readonly entries: { event: CentionChatEventName; args: unknown[] }[] = [];

  constructor(chat: CentionChat) {
    const names: CentionChatEventName[] = [
      'agent preview',
      'agent unavailable',
      'chat closed',
      'chat message',
      'connect',
      'connect_error',
      'finish chat session',
      'message acked',
      'message sent',
      'queue',
      'queue full',
    ];
    for (const name of names) {
      chat.registerAction(name, (...args: unknown[]) => {
        this.entries.push({ event: name, args });
      });
    }
  }

  /** Argument lists of one event, in order. */
  of<E extends CentionChatEventName>(event: E): CentionChatEventMap[E][] {
    return this.entries
      .filter((entry) => entry.event === event)
      .map((entry) => entry.args as CentionChatEventMap[E]);
  }

  /** Waits until `event` happened `count` times; returns all its argument lists (at least one). */
  waitFor<E extends CentionChatEventName>(
    event: E,
    count = 1,
    timeoutMs?: number,
  ): Promise<[CentionChatEventMap[E], ...CentionChatEventMap[E][]]> {
    return waitFor(
      () => {
        const [first, ...rest] = this.of(event);
        return first !== undefined && rest.length + 1 >= count && [first, ...rest];
      },
      `${count} "${event}" event(s)`,
      timeoutMs,
    );
  }
}

/** Texts of every chat message delivered so far, in order. */
export function deliveredTexts(log: EventLog): string[] {
  return log.of('chat message').flatMap(([data]) => data.chat.map((message) => message.text));
}

/** A client with fast reconnects, for tests. */
export function testClient(baseURL: string, options: CentionChatOptions = {}): CentionChat {
  return createCentionChat({
    baseURL,
    reconnectMinDelayMs: 50,
    reconnectMaxDelayMs: 200,
    ...options,
  });
}

export const visitor = {
  area: 2,
  name: 'Ann Visitor',
  email: 'ann@example.com',
  message: 'Hello, where is your office?',
};

/** What most client tests work with: their own fake server, and a client (with its log) against it. */
export interface ClientAgainstFakeServer {
  server: FakeServer;
  chat: CentionChat;
  log: EventLog;
}

/**
 * The common `beforeEach`: clean storage, a fresh fake server, a fast-reconnecting client and a log
 * of its events (registered before anything happens, so it misses nothing).
 */
export async function startClientAgainstFakeServer(
  options: { server?: FakeServerOptions; client?: CentionChatOptions } = {},
): Promise<ClientAgainstFakeServer> {
  clearClientStorage();
  const server = await startFakeServer(options.server);
  const chat = testClient(server.baseURL, options.client);
  return { server, chat, log: new EventLog(chat) };
}

/** The matching `afterEach`: the client ends first, so it does not try to reconnect to a stopped server. */
export async function stopClientAgainstFakeServer({
  server,
  chat,
}: Pick<ClientAgainstFakeServer, 'server' | 'chat'>): Promise<void> {
  chat.resetChat();
  await server.stop();
}

/** Starts a chat as `visitor` and waits until the server has queued it (the chat is then live). */
export async function connectVisitor({
  chat,
  log,
}: Pick<ClientAgainstFakeServer, 'chat' | 'log'>): Promise<void> {
  chat.connect(visitor);
  await log.waitFor('queue');
}
