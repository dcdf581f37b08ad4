/**
 * The socket side of the client: opens a transport, numbers the frames it sends, decodes what
 * arrives, and keeps a connection alive while the visitor wants one — reconnects with full-jitter
 * backoff, an idle timeout for dead connections, and the network source (online/offline, the
 * page coming back into view). It knows nothing of sessions or messages: it reports to its owner
 * through `ConnectionEvents`.
 */
import type { ConnectionState, NetworkChange, NetworkSource } from './types.js';
import type { Transport, TransportFactory, TransportHandlers } from './transport/transport.js';
import type { VisitorClientFrames, VisitorFrameType } from '../protocol/index.js';
import { backoffDelay } from './backoff.js';
import { decodeServerFrame, encodeClientFrame, type VisitorServerFrame } from './codec.js';

type Timer = ReturnType<typeof setTimeout>;

/** The browser as network source: `online`/`offline` on window, `visibilitychange` on document. */
export const browserNetwork: NetworkSource = {
  watch(onChange) {
    if (typeof window === 'undefined') return () => {};
    const listeners = new AbortController();
    const options = { signal: listeners.signal };
    window.addEventListener('online', () => onChange('online'), options);
    window.addEventListener('offline', () => onChange('offline'), options);
    document.addEventListener(
      'visibilitychange',
      () => {
        if (document.visibilityState === 'visible') onChange('visible');
      },
      options,
    );
    return () => listeners.abort();
  },
};

export interface ConnectionOptions {
  transport: TransportFactory;
  network: NetworkSource;
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
  /** A valid frame arrived. */
  onFrame(frame: VisitorServerFrame): void;
  /** The socket in use is gone (closed by us or not): whatever was bound to it ends. */
  onDown(): void;
  /** A socket closed before it opened. */
  onUnreachable(why: string): void;
  /** The connection state changed as the connection alone decides it. */
  onState(state: Extract<ConnectionState, 'connecting' | 'reconnecting' | 'offline'>): void;
  debug(...details: unknown[]): void;
}

/** The socket as the client's facade drives it. */
export interface Connection {
  /** The owner wants a connection: drops are followed by reconnects. */
  readonly isStarted: boolean;
  /** Connects now, and again after every drop until `stop()`. */
  start(): void;
  /** Closes the socket; no more reconnects. */
  stop(): void;
  /** The owner's session is attached: the next drop starts the backoff from its first step. */
  resetBackoff(): void;
  /** Sends one frame; its id, or undefined when there is no socket to send it on. */
  send<T extends VisitorFrameType>(type: T, data: VisitorClientFrames[T]): number | undefined;
}

// A closure rather than a class: its state minifies to one-letter names (this file is in the
// chunk every chat loads).
export function createConnection(options: ConnectionOptions, events: ConnectionEvents): Connection {
  const { url, onOpen, onFrame, onDown, onUnreachable, onState, debug } = events;
  let transport: Transport | undefined;
  /** Bumped whenever a transport is replaced, so late events of an old one are ignored. */
  let generation = 0;
  let frameId = 0;
  let isStarted = false;
  let isOffline = false;
  let attempt = 0;
  let reconnectTimer: Timer | undefined;
  let idleTimer: Timer | undefined;
  /** Stops the network source; set while started. */
  let unwatch: (() => void) | undefined;

  const cancelReconnect = () => {
    clearTimeout(reconnectTimer);
    reconnectTimer = undefined;
  };

  const closeTransport = () => {
    generation += 1;
    const closing = transport;
    transport = undefined;
    clearTimeout(idleTimer);
    onDown();
    closing?.close();
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
      onFrame(frame);
    } catch (error) {
      debug('a frame could not be handled:', error);
    }
  };

  const handleClose = (wasOpen: boolean, why: string) => {
    closeTransport();
    if (!wasOpen) onUnreachable(why);
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

  const handleNetwork = (change: NetworkChange) => {
    if (change === 'offline') {
      isOffline = true;
      if (!isStarted) return;
      cancelReconnect();
      closeTransport();
      onState('offline');
    } else if (change === 'online') {
      isOffline = false;
      if (isStarted && !transport) {
        attempt = 0;
        open();
      }
    } else if (reconnectTimer !== undefined) {
      // A page coming back into view retries at once instead of waiting out the backoff.
      open();
    }
  };

  return {
    get isStarted() {
      return isStarted;
    },
    start() {
      isStarted = true;
      attempt = 0;
      unwatch ??= options.network.watch(handleNetwork);
      open();
    },
    stop() {
      isStarted = false;
      cancelReconnect();
      closeTransport();
      unwatch?.();
      unwatch = undefined;
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
