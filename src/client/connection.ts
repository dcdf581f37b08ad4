/**
 * The socket side of the client: opens a transport, numbers the frames it sends, decodes what
 * arrives, and keeps a connection alive while the visitor wants one — reconnects with full-jitter
 * backoff, an idle timeout for dead connections, and the network events (online/offline, the
 * page coming back into view). It knows nothing of sessions or messages: it reports to its owner
 * through `ConnectionEvents`.
 */
import type { ConnectionState } from './types.js';
import type { Transport, TransportFactory, TransportHandlers } from './transport/transport.js';
import type { VisitorClientFrames, VisitorFrameType } from '../protocol/index.js';
import { backoffDelay } from './backoff.js';
import { decodeServerFrame, encodeClientFrame, type VisitorServerFrame } from './codec.js';

type Timer = ReturnType<typeof setTimeout>;

export interface ConnectionOptions {
  transport: TransportFactory;
  /**
   * Where `online`, `offline` and `visibilitychange` are heard (centrifuge-js's
   * `networkEventTarget`): `window` in a browser, any EventTarget in tests, null for none.
   */
  networkEventTarget: EventTarget | null;
  reconnectMinDelayMs: number;
  reconnectMaxDelayMs: number;
  idleTimeoutMs: number;
}

/** What a connection tells its owner. */
export interface ConnectionEvents {
  /** The socket URL, read at each open (the owner's `baseURL` may change in between). */
  url(): string;
  /** A socket opened; frame ids start again at 1. */
  onOpen(): void;
  /** A valid frame arrived (decoded: the transport's `onMessage`, one level up). */
  onMessage(frame: VisitorServerFrame): void;
  /**
   * The socket in use is gone (closed by us or not): whatever was bound to it ends. `unreachable`
   * says why, when the socket closed before it ever opened.
   */
  onClose(unreachable?: string): void;
  /** The connection state changed as the connection alone decides it. */
  onState(state: Extract<ConnectionState, 'connecting' | 'reconnecting' | 'offline'>): void;
  debug(...details: unknown[]): void;
}

/** The socket as the client's facade drives it. */
export interface Connection {
  /** The owner wants a connection: drops are followed by reconnects. */
  readonly isStarted: boolean;
  /** Connects now, and again after every drop until `close()`. */
  start(): void;
  /** Closes the socket; no more reconnects. */
  close(): void;
  /** The owner's session is attached: the next drop starts the backoff from its first step. */
  resetBackoff(): void;
  /** Sends one frame; its id, or undefined when there is no socket to send it on. */
  send<T extends VisitorFrameType>(type: T, data: VisitorClientFrames[T]): number | undefined;
}

// A closure rather than a class: its state minifies to one-letter names (this file is in the
// chunk every chat loads).
export function createConnection(options: ConnectionOptions, events: ConnectionEvents): Connection {
  const { url, onOpen, onMessage, onClose, onState, debug } = events;
  let transport: Transport | undefined;
  /** Bumped whenever a transport is replaced, so late events of an old one are ignored. */
  let generation = 0;
  let frameId = 0;
  let isStarted = false;
  let isOffline = false;
  let attempt = 0;
  let reconnectTimer: Timer | undefined;
  let idleTimer: Timer | undefined;
  /** Aborting it removes the network listeners; set while started. */
  let listeners: AbortController | undefined;

  const cancelReconnect = () => {
    clearTimeout(reconnectTimer);
    reconnectTimer = undefined;
  };

  const closeTransport = (unreachable?: string) => {
    generation += 1;
    const closing = transport;
    transport = undefined;
    clearTimeout(idleTimer);
    closing?.close();
    onClose(unreachable);
  };

  const resetIdleTimer = () => {
    clearTimeout(idleTimer);
    if (transport?.hasHeartbeat === false) return;
    // A connection that says nothing (not even a heartbeat) for this long is treated as dead.
    idleTimer = setTimeout(() => {
      debug('idle timeout');
      handleClose(true, 'idle');
    }, options.idleTimeoutMs);
  };

  const handleText = (text: string) => {
    resetIdleTimer();
    const frame = decodeServerFrame(text);
    if (typeof frame === 'string') {
      debug(`dropped a frame (${frame}):`, text);
      return;
    }
    try {
      onMessage(frame);
    } catch (error) {
      debug('a frame could not be handled:', error);
    }
  };

  const handleClose = (wasOpen: boolean, why: string) => {
    closeTransport(wasOpen ? undefined : why);
    if (!isStarted) return;
    if (isOffline) {
      onState('offline');
      return;
    }
    onState('reconnecting');
    const delay = backoffDelay(attempt++, options.reconnectMinDelayMs, options.reconnectMaxDelayMs);
    debug(`reconnecting in ${delay} ms`);
    reconnectTimer = setTimeout(open, delay);
  };

  function open(): void {
    cancelReconnect();
    closeTransport();
    const current = generation;
    let isOpen = false;
    onState(attempt > 0 ? 'reconnecting' : 'connecting');
    const isCurrent = () => current === generation;
    const handlers: TransportHandlers = {
      onOpen: () => {
        if (!isCurrent()) return;
        isOpen = true;
        frameId = 0;
        resetIdleTimer();
        onOpen();
      },
      onMessage: (text) => {
        if (isCurrent()) handleText(text);
      },
      onHeartbeat: () => {
        if (isCurrent()) resetIdleTimer();
      },
      onClose: (code, reason) => {
        if (isCurrent()) handleClose(isOpen, `${code} ${reason}`.trim());
      },
    };
    Promise.resolve()
      .then(() => options.transport(url(), handlers))
      .then(
        (opened) => {
          if (isCurrent()) transport = opened;
          else opened.close();
        },
        (error: unknown) => {
          if (isCurrent()) handleClose(false, String(error));
        },
      );
  }

  const handleOffline = () => {
    isOffline = true;
    if (!isStarted) return;
    cancelReconnect();
    closeTransport();
    onState('offline');
  };

  const handleOnline = () => {
    isOffline = false;
    if (isStarted && !transport) {
      attempt = 0;
      open();
    }
  };

  const handleVisibility = () => {
    // A page coming back into view retries at once instead of waiting out the backoff.
    if (document.visibilityState === 'visible' && reconnectTimer !== undefined) open();
  };

  return {
    get isStarted() {
      return isStarted;
    },
    start() {
      isStarted = true;
      attempt = 0;
      const target = options.networkEventTarget;
      if (!listeners && target) {
        listeners = new AbortController();
        // Capture: `visibilitychange` is fired at the document, below window.
        const listening = { signal: listeners.signal, capture: true };
        target.addEventListener('online', handleOnline, listening);
        target.addEventListener('offline', handleOffline, listening);
        target.addEventListener('visibilitychange', handleVisibility, listening);
      }
      open();
    },
    close() {
      isStarted = false;
      cancelReconnect();
      closeTransport();
      listeners?.abort();
      listeners = undefined;
    },
    resetBackoff() {
      attempt = 0;
    },
    send(type, data) {
      if (!transport) return undefined;
      const id = ++frameId;
      transport.send(encodeClientFrame(type, data, id));
      return id;
    },
  };
}
