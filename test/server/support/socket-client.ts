/**
 * A typed test client for the server's SockJS sockets, running the real `sockjs-client` in Node.
 * Every received event is kept in `received`; `waitFor` takes the next not-yet-taken event that
 * matches, so a test reads a conversation in order without racing the socket.
 *
 * Typed by the protocol's maps (src/protocol/): `Frames` are what it may send, `Events` what it
 * reads. Without them (a bare `SocketClient.connect`) any frame goes, for tests of bad input;
 * `sendUnchecked` sends a frame the protocol forbids on a typed client.
 */
import SockJS from 'sockjs-client';
import type { ServerEnvelope } from '../../../src/protocol/index.js';

/** What an untyped client may send and read. */
export type AnyFrames = Record<string, Record<string, unknown>>;
export type AnyEvents = Record<string, unknown[]>;

/** One event from the server: `{event, args, re?}` of the protocol's envelope. */
export type ServerEvent<
  Events extends object = AnyEvents,
  E extends keyof Events = keyof Events,
> = ServerEnvelope<Events, E>;

type Waiter<Events extends object> = {
  matches: (frame: ServerEvent<Events>) => boolean;
  resolve: (frame: ServerEvent<Events>) => void;
};

export class SocketClient<Frames extends object = AnyFrames, Events extends object = AnyEvents> {
  readonly received: ServerEvent<Events>[] = [];
  private readonly taken = new Set<ServerEvent<Events>>();
  private readonly waiters = new Set<Waiter<Events>>();
  private nextId = 1;
  private closed = false;

  private constructor(private readonly socket: WebSocket) {
    socket.onmessage = (message: MessageEvent) => {
      const frame = JSON.parse(String(message.data)) as ServerEvent<Events>;
      this.received.push(frame);
      for (const waiter of this.waiters) {
        if (!this.taken.has(frame) && waiter.matches(frame)) {
          this.taken.add(frame);
          this.waiters.delete(waiter);
          waiter.resolve(frame);
        }
      }
    };
    socket.onclose = () => {
      this.closed = true;
    };
  }

  /** Opens a socket at `url` (a SockJS prefix such as `<baseURL>/socket/external`). */
  static connect<Frames extends object = AnyFrames, Events extends object = AnyEvents>(
    url: string,
    transports?: string[],
  ): Promise<SocketClient<Frames, Events>> {
    return new Promise((resolve, reject) => {
      // A generous minimum transport timeout: on a busy 2-core machine the default (from one RTT) can
      // give up on a WebSocket that is merely slow to open.
      const socket = new SockJS(url, undefined, {
        timeout: 10_000,
        ...(transports ? { transports } : {}),
      }) as unknown as WebSocket;
      const timer = setTimeout(() => reject(new Error(`no connection to ${url}`)), 10_000);
      socket.onopen = () => {
        clearTimeout(timer);
        resolve(new SocketClient<Frames, Events>(socket));
      };
      socket.onclose = (event: CloseEvent) => {
        clearTimeout(timer);
        reject(new Error(`socket closed while connecting: ${event.code} ${event.reason}`));
      };
    });
  }

  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === 1;
  }

  /** Sends a frame; returns its id (the `re` of the answer). */
  send<T extends keyof Frames & string>(type: T, data?: Frames[T]): number {
    return this.sendUnchecked(type, data);
  }

  /** Sends a frame the protocol may not allow (a wrong type or field), for tests of bad input. */
  sendUnchecked(type: string, data?: unknown): number {
    const id = this.nextId++;
    this.socket.send(JSON.stringify(data === undefined ? { type, id } : { type, data, id }));
    return id;
  }

  /** Sends any text as it is (fuzzing, malformed frames). */
  sendRaw(text: string): void {
    this.socket.send(text);
  }

  /** The next event called `event` (and matching `where`) that no earlier wait took. */
  waitFor<E extends keyof Events & string>(
    event: E,
    where: (frame: ServerEvent<Events, E>) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<ServerEvent<Events, E>> {
    const isEvent = (frame: ServerEvent<Events>): frame is ServerEvent<Events, E> =>
      frame.event === event;
    return this.waitForAny(
      (frame) => isEvent(frame) && where(frame),
      timeoutMs,
      `"${event}"`,
    ) as Promise<ServerEvent<Events, E>>;
  }

  /** Sends a frame and waits for the answer carrying its id (any event, including `error`). */
  request<T extends keyof Frames & string>(type: T, data?: Frames[T]): Promise<ServerEvent<Events>>;
  /** Sends a frame and waits for the answer of that id that is the event `event`. */
  request<T extends keyof Frames & string, E extends keyof Events & string>(
    type: T,
    data: Frames[T] | undefined,
    event: E,
  ): Promise<ServerEvent<Events, E>>;
  async request<T extends keyof Frames & string>(
    type: T,
    data?: Frames[T],
    event?: keyof Events & string,
  ): Promise<ServerEvent<Events>> {
    return this.requestUnchecked(type, data, event);
  }

  /** `request` with a frame the protocol may not allow. */
  async requestUnchecked(
    type: string,
    data?: unknown,
    event?: keyof Events & string,
  ): Promise<ServerEvent<Events>> {
    const id = this.sendUnchecked(type, data);
    return this.waitForAny(
      (frame) => frame.re === id && (event === undefined || frame.event === event),
    );
  }

  /** The next event matching `where` that no earlier wait took; `what` names it in the timeout error. */
  waitForAny(
    where: (frame: ServerEvent<Events>) => boolean,
    timeoutMs = 10_000,
    what = 'a matching event',
  ): Promise<ServerEvent<Events>> {
    const already = this.received.find((frame) => !this.taken.has(frame) && where(frame));
    if (already) {
      this.taken.add(already);
      return Promise.resolve(already);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter<Events> = {
        matches: where,
        resolve: (frame) => {
          clearTimeout(timer);
          resolve(frame);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.received.map((frame) => String(frame.event)).join(', ');
        reject(new Error(`timed out waiting for ${what}; received: ${seen}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Events received so far with this name (taken or not). */
  all<E extends keyof Events & string>(event: E): ServerEvent<Events, E>[] {
    return this.received.filter((frame): frame is ServerEvent<Events, E> => frame.event === event);
  }

  close(): void {
    this.closed = true;
    this.socket.close();
  }
}
