/** Small helpers shared by the client tests. */
import { CentionChat, createCentionChat } from '../../src/client/centionchat.js';
import type { CentionChatEventMap, CentionChatEventName } from '../../src/client/events.js';
import type { CentionChatOptions } from '../../src/client/types.js';
import { waitFor } from '../support/fake-server-client.js';

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
