/**
 * A typed test client for the server's SockJS sockets, running the real `sockjs-client` in Node.
 * Every received event is kept in `received`; `waitFor` takes the next not-yet-taken event that
 * matches, so a test reads a conversation in order without racing the socket.
 */
import SockJS from 'sockjs-client';

export interface ServerEvent {
  event: string;
  args: unknown[];
  re?: number;
}

type Waiter = {
  matches: (frame: ServerEvent) => boolean;
  resolve: (frame: ServerEvent) => void;
};

export class SocketClient {
  readonly received: ServerEvent[] = [];
  private readonly taken = new Set<ServerEvent>();
  private readonly waiters = new Set<Waiter>();
  private nextId = 1;
  private closed = false;

  private constructor(private readonly socket: WebSocket) {
    socket.onmessage = (message: MessageEvent) => {
      const frame = JSON.parse(String(message.data)) as ServerEvent;
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
  static connect(url: string, transports?: string[]): Promise<SocketClient> {
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
        resolve(new SocketClient(socket));
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
  send(type: string, data?: Record<string, unknown>): number {
    const id = this.nextId++;
    this.socket.send(JSON.stringify(data === undefined ? { type, id } : { type, data, id }));
    return id;
  }

  /** Sends any text as it is (fuzzing, malformed frames). */
  sendRaw(text: string): void {
    this.socket.send(text);
  }

  /** The next event called `event` (and matching `where`) that no earlier wait took. */
  waitFor(
    event: string,
    where: (frame: ServerEvent) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<ServerEvent> {
    return this.waitForAny(
      (frame) => frame.event === event && where(frame),
      timeoutMs,
      `"${event}"`,
    );
  }

  /** Sends a frame and waits for the answer carrying its id (any event, including `error`). */
  async request(
    type: string,
    data?: Record<string, unknown>,
    event?: string,
  ): Promise<ServerEvent> {
    const id = this.send(type, data);
    return this.waitForAny(
      (frame) => frame.re === id && (event === undefined || frame.event === event),
    );
  }

  /** The next event matching `where` that no earlier wait took; `what` names it in the timeout error. */
  waitForAny(
    where: (frame: ServerEvent) => boolean,
    timeoutMs = 10_000,
    what = 'a matching event',
  ): Promise<ServerEvent> {
    const already = this.received.find((frame) => !this.taken.has(frame) && where(frame));
    if (already) {
      this.taken.add(already);
      return Promise.resolve(already);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        matches: where,
        resolve: (frame) => {
          clearTimeout(timer);
          resolve(frame);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.received.map((frame) => frame.event).join(', ');
        reject(new Error(`timed out waiting for ${what}; received: ${seen}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Events received so far with this name (taken or not). */
  all(event: string): ServerEvent[] {
    return this.received.filter((frame) => frame.event === event);
  }

  close(): void {
    this.closed = true;
    this.socket.close();
  }
}
