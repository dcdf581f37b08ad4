/**
 * The console's socket: SockJS to `/socket/agent`, frames with ids, answers matched by `re`, and
 * reconnection (signing in again with the same name) when the connection drops.
 */
import SockJS from 'sockjs-client/dist/sockjs.min.js';
import type { ServerEvent } from './agent-types.js';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export class AgentConnection {
  state: ConnectionState = 'closed';
  private socket: WebSocket | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (event: ServerEvent) => void>();
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly onEvent: (event: ServerEvent) => void,
    private readonly onState: (state: ConnectionState) => void,
    private readonly onOpen: () => void,
  ) {}

  connect(): void {
    this.stopped = false;
    this.setState('connecting');
    const socket = new SockJS(this.url) as unknown as WebSocket;
    this.socket = socket;
    socket.onopen = () => {
      this.attempts = 0;
      this.setState('open');
      this.onOpen();
    };
    socket.onmessage = (message: MessageEvent) => {
      let event: ServerEvent;
      try {
        event = JSON.parse(String(message.data)) as ServerEvent;
      } catch {
        return;
      }
      if (event.re !== undefined) {
        const resolve = this.pending.get(event.re);
        this.pending.delete(event.re);
        resolve?.(event);
      }
      this.onEvent(event);
    };
    socket.onclose = () => {
      this.socket = undefined;
      this.setState('closed');
      if (!this.stopped) this.scheduleReconnect();
    };
  }

  /** Sends a frame; the promise resolves with the event answering it (`ok`, `error`, …). */
  request(type: string, data: Record<string, unknown> = {}): Promise<ServerEvent> {
    return new Promise((resolve, reject) => {
      const id = this.send(type, data);
      if (id === undefined) {
        reject(new Error('Not connected'));
        return;
      }
      this.pending.set(id, resolve);
    });
  }

  /** Sends a frame without waiting; returns its id, or undefined when not connected. */
  send(type: string, data: Record<string, unknown> = {}): number | undefined {
    if (!this.socket || this.state !== 'open') return undefined;
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ type, data, id }));
    return id;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.socket?.close();
  }

  private scheduleReconnect(): void {
    // Full jitter, capped at 10 s: many consoles reconnecting after a restart spread out.
    const ceiling = Math.min(10_000, 500 * 2 ** this.attempts++);
    this.reconnectTimer = setTimeout(() => this.connect(), Math.random() * ceiling);
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    this.onState(state);
  }
}
