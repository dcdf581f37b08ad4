/**
 * The console's socket: SockJS to `/socket/agent`, frames with ids, answers matched by `re`, and
 * reconnection when the connection drops (the controller signs in again on each open).
 *
 * Built on the widget client's socket adapter (no handler runs after our own close) and its
 * full-jitter backoff. A request waits for the frame that answers it; when the socket closes first,
 * it rejects, so no `await request()` hangs across a reconnect.
 */
import SockJS from 'sockjs-client/dist/sockjs.min.js';
import type { AgentClientFrames, AgentFrameType } from '../../src/protocol/index.js';
import { backoffDelay } from '../../src/client/backoff.js';
import { adaptSocket, type WebSocketLike } from '../../src/client/transport/socket-adapter.js';
import type { AgentServerEnvelope, ConnectionState } from './agent-types.js';

/** Opens the WebSocket-shaped socket for `url`; SockJS by default, a stand-in in tests. */
export type SocketFactory = (url: string) => WebSocketLike;

export interface AgentConnectionOptions {
  url: string;
  /** Every valid frame from the server, answers included (after their request has settled). */
  onEvent(event: AgentServerEnvelope): void;
  onState(state: ConnectionState): void;
  /** The socket opened (first time or after a reconnect): time to sign in. */
  onOpen(): void;
  createSocket?: SocketFactory;
  /** For the reconnect delay; injectable so tests need not wait. */
  random?: () => number;
}

/** Reconnect delays: full jitter from 0.5 s, capped at 10 s, so consoles spread out after a restart. */
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 10_000;

interface PendingRequest {
  type: AgentFrameType;
  resolve(answer: AgentServerEnvelope): void;
  reject(error: Error): void;
}

const createSockJS: SocketFactory = (url) => new SockJS(url);

export class AgentConnection {
  state: ConnectionState = 'closed';
  private socket: ReturnType<typeof adaptSocket> | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, PendingRequest>();
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private isStopped = false;

  constructor(private readonly options: AgentConnectionOptions) {}

  connect(): void {
    this.isStopped = false;
    this.setState('connecting');
    const createSocket = this.options.createSocket ?? createSockJS;
    this.socket = adaptSocket(createSocket(this.options.url), {
      onOpen: () => {
        this.attempts = 0;
        this.setState('open');
        this.options.onOpen();
      },
      onMessage: (text) => this.handleMessage(text),
      // The console has no idle timeout, so heartbeats need no handling.
      onHeartbeat: () => undefined,
      onClose: () => {
        this.socket = undefined;
        this.setState('closed');
        this.rejectPending('The connection to the server closed before it answered');
        if (!this.isStopped) this.scheduleReconnect();
      },
    });
  }

  /**
   * Sends a frame; the promise resolves with the event answering it (`ok`, `error`, …) and rejects
   * when the console is not connected or the socket closes before the answer.
   */
  request<T extends AgentFrameType>(
    type: T,
    data: AgentClientFrames[T],
  ): Promise<AgentServerEnvelope> {
    return new Promise((resolve, reject) => {
      const id = this.send(type, data);
      if (id === undefined) reject(new Error('Not connected'));
      else this.pending.set(id, { type, resolve, reject });
    });
  }

  /**
   * Sends a frame without waiting; returns its id, or undefined when not connected. Frames are
   * only sent on an open socket, never buffered for the next one: a new connection is not signed
   * in until the controller's `login`, so an earlier frame would only earn `not_signed_in`.
   */
  send<T extends AgentFrameType>(type: T, data: AgentClientFrames[T]): number | undefined {
    if (!this.socket || this.state !== 'open') return undefined;
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ type, data, id }));
    return id;
  }

  /** Closes for good (until the next `connect()`); nothing is reported after this but the state. */
  stop(): void {
    this.isStopped = true;
    clearTimeout(this.reconnectTimer);
    if (!this.socket) return;
    this.socket.close();
    this.socket = undefined;
    this.setState('closed');
    this.rejectPending('The connection was closed before the server answered');
  }

  private handleMessage(text: string): void {
    const event = parseServerFrame(text);
    if (!event) return;
    if (event.re !== undefined) {
      const request = this.pending.get(event.re);
      this.pending.delete(event.re);
      request?.resolve(event);
    }
    this.options.onEvent(event);
  }

  private rejectPending(reason: string): void {
    const requests = [...this.pending.values()];
    this.pending.clear();
    for (const request of requests) request.reject(new Error(`${reason} "${request.type}".`));
  }

  private scheduleReconnect(): void {
    const delay = backoffDelay(
      this.attempts++,
      RECONNECT_MIN_MS,
      RECONNECT_MAX_MS,
      this.options.random,
    );
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    this.options.onState(state);
  }
}

/**
 * The boundary check of incoming frames: JSON, an `event` name, an `args` array whose first entry
 * (every agent event has one) is an object, and an integer `re` when present. The server is ours,
 * so the payload fields are trusted from here on; a broken frame is dropped, never reduced.
 */
export function parseServerFrame(text: string): AgentServerEnvelope | undefined {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof frame !== 'object' || frame === null) return undefined;
  const { event, args, re } = frame as Record<string, unknown>;
  if (typeof event !== 'string' || !Array.isArray(args)) return undefined;
  if (typeof args[0] !== 'object' || args[0] === null) return undefined;
  if (re !== undefined && !Number.isInteger(re)) return undefined;
  return frame as AgentServerEnvelope;
}
