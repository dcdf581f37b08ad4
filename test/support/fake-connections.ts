/**
 * The open SockJS connections of the fake chat server (Node side): numbered in the order they
 * opened, each bound to a session once it registers or resumes. Reads a visitor's text as a
 * frame, writes events back to one connection or to every connection of a session, and cuts a
 * connection like a network failure would.
 */
import type sockjs from 'sockjs';
import type {
  ChatMessage,
  VisitorServerEventName,
  VisitorServerEvents,
} from '../../src/protocol/index.js';
import type { SessionRecord } from './fake-sessions.js';
import type { ClientFrame } from './fake-server-types.js';

export interface LiveConnection {
  number: number;
  socket: sockjs.Connection;
  session?: SessionRecord;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseClientFrame(raw: string): ClientFrame | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (!isRecord(value) || typeof value.type !== 'string') return undefined;
    return {
      type: value.type,
      id: typeof value.id === 'number' ? value.id : 0,
      ...(isRecord(value.data) ? { data: value.data } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * Cuts a connection like a network failure would: the TCP socket is destroyed without a SockJS
 * close frame when the transport is a WebSocket (sockjs keeps it at `_session.recv.connection`);
 * other transports get a close frame with an application code.
 */
function dropConnection(socket: sockjs.Connection): void {
  const session: unknown = Reflect.get(socket, '_session');
  const receiver: unknown = isRecord(session) ? session.recv : undefined;
  const tcp: unknown = isRecord(receiver) ? receiver.connection : undefined;
  if (tcp && typeof tcp === 'object' && 'destroy' in tcp && typeof tcp.destroy === 'function') {
    tcp.destroy();
  } else {
    socket.close('4000', 'dropped by test');
  }
}

/** Writes `{event, args}` (with `re` when it answers a frame id) to one connection. */
export function reply<E extends VisitorServerEventName>(
  live: LiveConnection,
  event: E,
  args: VisitorServerEvents[E],
  re?: number,
): void {
  live.socket.write(JSON.stringify(re ? { event, args, re } : { event, args }));
}

export class FakeConnections {
  private readonly live = new Map<number, LiveConnection>();
  private count = 0;

  /** Numbers a new connection and keeps it until it closes. */
  add(socket: sockjs.Connection): LiveConnection {
    this.count += 1;
    const live: LiveConnection = { number: this.count, socket };
    this.live.set(live.number, live);
    socket.on('close', () => this.live.delete(live.number));
    return live;
  }

  /** Numbers of the connections open now. */
  numbers(): number[] {
    return [...this.live.keys()];
  }

  /** Numbers of the connections attached to a session. */
  numbersOf(session: SessionRecord): number[] {
    return [...this.live.values()]
      .filter((live) => live.session === session)
      .map((live) => live.number);
  }

  closeAll(): void {
    for (const connection of this.live.values()) connection.socket.close();
  }

  /** Sends a text to one connection (by number) or to all. */
  send(text: string, connection?: number): void {
    for (const live of this.live.values()) {
      if (connection === undefined || live.number === connection) live.socket.write(text);
    }
  }

  /** Cuts one connection (by number) or all of them, as a network drop would. */
  drop(connection?: number): void {
    for (const live of [...this.live.values()]) {
      if (connection === undefined || live.number === connection) {
        dropConnection(live.socket);
        this.live.delete(live.number);
      }
    }
  }

  sendMessages(session: SessionRecord, chat: ChatMessage[]): void {
    this.sendToSession(session, 'chat message', {
      agent: session.agent,
      client: session.clientName,
      chat,
    });
  }

  /** One-argument events to every connection attached to the session. */
  sendToSession<E extends 'chat message' | 'finish chat session'>(
    session: SessionRecord,
    event: E,
    payload: VisitorServerEvents[E][0],
  ): void {
    for (const live of this.live.values()) {
      if (live.session === session) reply(live, event, [payload] as VisitorServerEvents[E]);
    }
  }
}
